import { INPUT_005 } from './diagnostics/input-005-not-ggop';
import { makeFinding, type Finding } from '../findings/finding';
import { CODE_LISTS } from '../standard/codelists';
import { MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import { childElements, firstChild } from '../xml/query';
import { textContent, type XmlDocument, type XmlElement } from '../xml/tree';

// In its parent's namespace, or across the two MedCom namespaces as the binder matches them.
const sameNamespace = (a: string, b: string) => a === b || (MEDCOM_NAMESPACES.has(a) && MEDCOM_NAMESPACES.has(b));
const child = (element: XmlElement | undefined, local: string) =>
  element && firstChild(element, local, (ns) => sameNamespace(ns, element.ns));

/**
 * Letter/TypeCode and VersionCode where a MedCom message carries them: Emessage/<body>/Letter, in the body's
 * namespace. Never searched for deeper: a decoy Letter inside an unknown element must not decide what a document is.
 */
function letterCodes(body: XmlElement | undefined): { typeCode?: string; versionCode?: string } {
  const letter = child(body, 'Letter');
  const typeCode = child(letter, 'TypeCode');
  const versionCode = child(letter, 'VersionCode');
  return { typeCode: typeCode && textContent(typeCode), versionCode: versionCode && textContent(versionCode) };
}

/** GOP-INPUT-005 unless the document is an m104 Emessage carrying a RehabilitationPlan of TypeCode GGOP. */
export function identify(doc: XmlDocument): Finding | undefined {
  const root = doc.root;
  const body = childElements(root).filter((c) => c.local !== 'Envelope');
  const plan =
    root.local === 'Emessage' && root.ns === NS.m104 ? body.find((c) => c.local === 'RehabilitationPlan' && c.ns === NS.m104) : undefined;
  const { typeCode, versionCode } = letterCodes(plan ?? (body.length === 1 ? body[0] : undefined));
  const letter = { typeCode: typeCode ?? '', versionCode: versionCode ?? '' };
  const where = () => ({ path: `/${root.local}`, ...doc.lines.position(root.start) }); // only when there is a finding
  if (root.local !== 'Emessage' || root.ns !== NS.m104) {
    return makeFinding(INPUT_005, 'wrongRoot', { element: root.local, namespace: root.ns, ...letter }, where());
  }
  if (!plan) {
    return makeFinding(INPUT_005, 'noPlan', { carries: body.map((c) => `<${c.local}>`).join(', '), ...letter }, where());
  }
  const expected = CODE_LISTS.LetterTypeCode[0];
  if (typeCode !== undefined && typeCode !== '' && typeCode !== expected) {
    return makeFinding(INPUT_005, 'wrongTypeCode', { typeCode, expected }, where());
  }
  return undefined;
}

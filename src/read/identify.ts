import { INPUT_005 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { CODE_LISTS } from '../standard/codelists';
import { KNOWN_DOCUMENT_NAMESPACES, MEDCOM_NAMESPACES, NS } from '../standard/namespaces';
import { textContent, type XmlDocument, type XmlElement } from '../xml/tree';

const elements = (element: XmlElement) => element.children.filter((c): c is XmlElement => typeof c !== 'string');
// In its parent's namespace, or across the two MedCom namespaces as the binder matches them.
const sameNamespace = (a: string, b: string) => a === b || (MEDCOM_NAMESPACES.has(a) && MEDCOM_NAMESPACES.has(b));
const child = (element: XmlElement | undefined, local: string) => element && elements(element).find((c) => c.local === local && sameNamespace(c.ns, element.ns));

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
  const body = elements(root).filter((c) => c.local !== 'Envelope');
  const plan = root.local === 'Emessage' && root.ns === NS.m104 ? body.find((c) => c.local === 'RehabilitationPlan' && c.ns === NS.m104) : undefined;
  const { typeCode, versionCode } = letterCodes(plan ?? (body.length === 1 ? body[0] : undefined));
  const typeText = typeCode !== undefined ? `, Letter/TypeCode ${typeCode}${versionCode ? ` (VersionCode ${versionCode})` : ''}` : '';
  const where = () => ({ path: `/${root.local}`, ...doc.lines.position(root.start) }); // only when there is a finding
  if (root.local !== 'Emessage' || root.ns !== NS.m104) {
    const known = Object.hasOwn(KNOWN_DOCUMENT_NAMESPACES, root.ns) ? KNOWN_DOCUMENT_NAMESPACES[root.ns] : undefined;
    const ns = root.ns || '(no namespace)';
    const en = `the root element is <${root.local}> in namespace ${ns}${known ? ` (${known.en})` : ''}${typeText}; a G-GOP is an Emessage in ${NS.m104}.`;
    const da = `rodelementet er <${root.local}> i navnerummet ${ns}${known ? ` (${known.da})` : ''}${typeText}; en G-GOP er en Emessage i ${NS.m104}.`;
    return makeFinding(INPUT_005, { en, da }, where());
  }
  if (!plan) {
    const names = body.map((c) => `<${c.local}>`).join(', ') || 'nothing';
    return makeFinding(INPUT_005, {
      en: `the Emessage carries ${names} instead of a RehabilitationPlan${typeText}.`,
      da: `Emessage indeholder ${names} i stedet for en RehabilitationPlan${typeText}.`,
    }, where());
  }
  const expected = CODE_LISTS.LetterTypeCode[0];
  if (typeCode !== undefined && typeCode !== '' && typeCode !== expected) {
    return makeFinding(INPUT_005, {
      en: `Letter/TypeCode is ${typeCode}, not ${expected}.`,
      da: `Letter/TypeCode er ${typeCode}, ikke ${expected}.`,
    }, where());
  }
  return undefined;
}

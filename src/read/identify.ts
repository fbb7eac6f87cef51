import { INPUT_005 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { CODE_LISTS } from '../standard/codelists';
import { KNOWN_DOCUMENT_NAMESPACES, NS } from '../standard/namespaces';
import { textContent, type XmlDocument, type XmlElement } from '../xml/tree';

const elements = (element: XmlElement) => element.children.filter((c): c is XmlElement => typeof c !== 'string');

/** Letter/TypeCode anywhere in the first levels of a MedCom-like document, to say what it is. */
function findTypeCode(element: XmlElement, depth = 0): string | undefined {
  for (const child of elements(element)) {
    if (child.local === 'Letter') {
      const typeCode = elements(child).find((c) => c.local === 'TypeCode');
      if (typeCode) return textContent(typeCode);
    }
    if (depth < 3) {
      const found = findTypeCode(child, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** GOP-INPUT-005 unless the document is an m104 Emessage carrying a RehabilitationPlan of TypeCode GGOP. */
export function identify(doc: XmlDocument): Finding | undefined {
  const root = doc.root;
  const typeCode = findTypeCode(root);
  const typeText = typeCode !== undefined ? `, Letter/TypeCode ${typeCode}` : '';
  const where = () => ({ path: `/${root.local}`, ...doc.lines.position(root.start) }); // only when there is a finding
  if (root.local !== 'Emessage' || root.ns !== NS.m104) {
    const known = Object.hasOwn(KNOWN_DOCUMENT_NAMESPACES, root.ns) ? KNOWN_DOCUMENT_NAMESPACES[root.ns] : undefined;
    const ns = root.ns || '(no namespace)';
    const en = `the root element is <${root.local}> in namespace ${ns}${known ? ` (${known.en})` : ''}${typeText}; a G-GOP is an Emessage in ${NS.m104}.`;
    const da = `rodelementet er <${root.local}> i navnerummet ${ns}${known ? ` (${known.da})` : ''}${typeText}; en G-GOP er en Emessage i ${NS.m104}.`;
    return makeFinding(INPUT_005, { en, da }, where());
  }
  const body = elements(root).filter((c) => c.local !== 'Envelope');
  const plan = body.find((c) => c.local === 'RehabilitationPlan' && c.ns === NS.m104);
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

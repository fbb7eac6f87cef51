import { defineMeta, type Texts } from '../../findings/finding';
import { KNOWN_DOCUMENT_NAMESPACES, NS } from '../../standard/namespaces';

/** Metadata only: the reader (src/read/identify.ts, parse.ts, vans.ts) detects it. */
const reason = <D>(en: (d: D) => string, da: (d: D) => string): Texts<D> => ({
  en: (d) => `This is not a G-GOP message: ${en(d)}`,
  da: (d) => `Dette er ikke en genoptræningsplan (G-GOP): ${da(d)}`,
});
/** Letter/TypeCode and VersionCode where the document has them ('' when not). */
type Letter = { typeCode: string; versionCode: string };
const letter = (d: Letter) =>
  d.typeCode !== '' ? `, Letter/TypeCode ${d.typeCode}${d.versionCode ? ` (VersionCode ${d.versionCode})` : ''}` : '';
const known = (namespace: string) =>
  Object.hasOwn(KNOWN_DOCUMENT_NAMESPACES, namespace) ? KNOWN_DOCUMENT_NAMESPACES[namespace] : undefined;
const none = Object.freeze({}) as Record<string, never>;

export const INPUT_005 = defineMeta<{
  wrongRoot: Letter & { element: string; namespace: string };
  noPlan: Letter & { carries: string };
  wrongTypeCode: { typeCode: string; expected: string };
  vansWithoutMessage: typeof none;
  vansReceipt: typeof none;
  vansInVans: typeof none;
  /** parseReceipt: the document is not a MedCom receipt */
  notReceipt: { element: string; namespace: string };
  /** parseReceipt: a receipt's value outside what the 2005/08/07 schemas allow */
  receiptValue: { element: string };
}>({
  id: 'GOP-INPUT-005',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'ggop',
  libraryData: ['expected'],
  title: { da: 'Ikke en genoptræningsplan (G-GOP)', en: 'Not a rehabilitation plan (G-GOP)' },
  docs: {
    en: 'The document is an Emessage in urn:oio:medcom:municipality:1.0.4 carrying a RehabilitationPlan with Letter/TypeCode GGOP.',
    da: 'Dokumentet er en Emessage i urn:oio:medcom:municipality:1.0.4 med en RehabilitationPlan og Letter/TypeCode GGOP.',
  },
  messages: {
    wrongRoot: reason(
      (d) =>
        `the root element is <${d.element}> in namespace ${d.namespace || '(no namespace)'}${known(d.namespace) ? ` (${known(d.namespace)!.en})` : ''}${letter(d)}; a G-GOP is an Emessage in ${NS.m104}.`,
      (d) =>
        `rodelementet er <${d.element}> i navnerummet ${d.namespace || '(intet navnerum)'}${known(d.namespace) ? ` (${known(d.namespace)!.da})` : ''}${letter(d)}; en G-GOP er en Emessage i ${NS.m104}.`,
    ),
    noPlan: reason(
      (d) => `the Emessage carries ${d.carries || 'nothing'} instead of a RehabilitationPlan${letter(d)}.`,
      (d) => `Emessage indeholder ${d.carries || 'intet'} i stedet for en RehabilitationPlan${letter(d)}.`,
    ),
    wrongTypeCode: reason(
      (d) => `Letter/TypeCode is ${d.typeCode}, not ${d.expected}.`,
      (d) => `Letter/TypeCode er ${d.typeCode}, ikke ${d.expected}.`,
    ),
    vansWithoutMessage: reason(
      () => 'it is a VANSEnvelope without a Message.',
      () => 'det er en VANS-konvolut uden Message.',
    ),
    vansReceipt: reason(
      () => 'it is a VANS receipt envelope (it carries a Receipt, not a message).',
      () => 'det er en VANS-kvitteringskonvolut (den bærer en Receipt, ikke en meddelelse).',
    ),
    vansInVans: reason(
      () => 'the VANSEnvelope carries another VANSEnvelope; envelopes are not unwrapped twice.',
      () => 'VANS-konvolutten indeholder endnu en VANS-konvolut; konvolutter pakkes ikke ud to gange.',
    ),
    notReceipt: {
      en: (d) =>
        `This is not a MedCom receipt: the root element is <${d.element}> in namespace ${d.namespace || '(no namespace)'}; a receipt is an Emessage in ${NS.medcom2005}.`,
      da: (d) =>
        `Dette er ikke en MedCom-kvittering: rodelementet er <${d.element}> i navnerummet ${d.namespace || '(intet navnerum)'}; en kvittering er en Emessage i ${NS.medcom2005}.`,
    },
    receiptValue: {
      en: (d) =>
        `This receipt does not follow MedCom's 2005/08/07 schemas: the value of ${d.element} is outside what they allow (its length, fixed value, format or code list).`,
      da: (d) =>
        `Kvitteringen følger ikke MedComs 2005/08/07-skemaer: værdien af ${d.element} ligger uden for det tilladte (længde, fast værdi, format eller kodeliste).`,
    },
  },
});

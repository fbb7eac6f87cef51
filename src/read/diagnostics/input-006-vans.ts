import { defineMeta, type Texts } from '../../findings/finding';

/** Metadata only: the reader (src/read/vans.ts) detects it. */
const reason = <D>(en: (d: D) => string, da: (d: D) => string): Texts<D> => ({
  en: (d) => `VANSEnvelope: ${en(d)}`,
  da: (d) => `VANS-konvolut: ${da(d)}`,
});
type None = Record<string, never>;
/** The envelope's endpoint element and the plan's party it is compared with. */
const PARTY = { SenderID: 'Sender', ReceiverID: 'Receiver' } as Record<string, string>;

export const INPUT_006 = defineMeta<{
  invalidBase64: None;
  emptyData: None;
  sizeMismatch: { declared: string; actual: number };
  nameMismatch: { name: string; typeCode: string };
  versionMismatch: { version: string; versionCode: string };
  eanMismatch: { element: string; id: string; ean: string };
}>({
  id: 'GOP-INPUT-006',
  layer: 'input',
  severity: 'error',
  referenceKey: 'vans',
  libraryData: ['element'],
  title: { da: 'Fejl i VANS-konvolutten', en: 'Defective VANSEnvelope' },
  docs: {
    en: 'A VANSEnvelope carries valid base64 Data, and its Document metadata agrees with the message inside.',
    da: 'En VANS-konvolut bærer gyldig base64 i Data, og dens Document-metadata stemmer med meddelelsen.',
  },
  messages: {
    invalidBase64: reason(
      () => 'Data is not valid base64, so the message inside cannot be read.',
      () => 'Data er ikke gyldig base64, så meddelelsen indeni kan ikke læses.',
    ),
    emptyData: reason(
      () => 'Data is empty: there is no message inside.',
      () => 'Data er tom: der er ingen meddelelse indeni.',
    ),
    sizeMismatch: reason(
      (d) => `Document/SizeInBytes says ${d.declared}, but Data holds ${d.actual} bytes.`,
      (d) => `Document/SizeInBytes angiver ${d.declared}, men Data indeholder ${d.actual} bytes.`,
    ),
    nameMismatch: reason(
      (d) => `Document/Name says ${d.name}, but the message is a ${d.typeCode}.`,
      (d) => `Document/Name angiver ${d.name}, men meddelelsen er en ${d.typeCode}.`,
    ),
    versionMismatch: reason(
      (d) => `Document/Version says ${d.version}, but the message has VersionCode ${d.versionCode}.`,
      (d) => `Document/Version angiver ${d.version}, men meddelelsen har VersionCode ${d.versionCode}.`,
    ),
    eanMismatch: reason(
      (d) =>
        `${d.element} is the EAN location number ${d.id}, but the message's ${PARTY[d.element]}/EANIdentifier is ${d.ean}: the envelope is addressed otherwise than the plan.`,
      (d) =>
        `${d.element} er EAN-lokationsnummeret ${d.id}, men meddelelsens ${PARTY[d.element]}/EANIdentifier er ${d.ean}: konvolutten er adresseret anderledes end planen.`,
    ),
  },
});

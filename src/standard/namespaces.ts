/** Namespace URIs of the G-GOP message and its transport. The one place they are written. */
export const NS = {
  /** "m104": the G-GOP message's own namespace. */
  m104: 'urn:oio:medcom:municipality:1.0.4',
  /** "m100": MedCom's shared municipality types. */
  m100: 'urn:oio:medcom:municipality:1.0.0',
  vans: 'urn:oio:medcom:vans-envelope:1.0.4',
  /** MedCom's 2005/08/07 schemas: the receipts (PositiveReceipt, NegativeReceipt, NegativeVansReceipt). */
  medcom2005: 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** The G-GOP message's namespaces (the builder's prefixes are keyed by them). */
export type NamespaceKey = 'm104' | 'm100';
/** Every namespace an element of the model spec can be in: the message's, the transport envelope's and the receipts'. */
export type XmlNamespaceKey = NamespaceKey | 'vans' | 'medcom2005';

/** The builder's default prefixes ('' = the default namespace): m104 unprefixed, m100 as in MedCom's examples. */
export const PREFERRED_PREFIX: Record<NamespaceKey, string> = { m104: '', m100: 'm100' };

/** The MedCom namespaces whose elements may be matched across each other (with a warning). */
export const MEDCOM_NAMESPACES: ReadonlySet<string> = new Set([NS.m104, NS.m100]);

/** Known MedCom message namespaces, to say what a non-G-GOP document appears to be. */
export const KNOWN_DOCUMENT_NAMESPACES: Record<string, { en: string; da: string }> = {
  'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/': {
    en: 'a MedCom XDIS message (2006 schemas)',
    da: 'en MedCom XDIS-meddelelse (2006-skemaer)',
  },
  'urn:oio:medcom:chronicdataset:1.0.0': { en: 'a MedCom chronic data set', da: 'et MedCom kronikerdatasæt' },
  [NS.vans]: { en: 'a VANSEnvelope', da: 'en VANS-konvolut' },
  [NS.medcom2005]: { en: 'a MedCom receipt or message (2005 schemas)', da: 'en MedCom-kvittering eller -meddelelse (2005-skemaer)' },
};

/**
 * Namespaces whose Emessage/Envelope and Letter identifiers a receipt can answer: the G-GOP's own, the receipts'
 * 2005 one, and any other MedCom schema namespace (a message sent to us by mistake still gets its negative receipt).
 */
export function isMedComNamespace(ns: string): boolean {
  return (
    MEDCOM_NAMESPACES.has(ns) ||
    ns.startsWith('http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/') ||
    (ns.startsWith('urn:oio:medcom:') && ns !== NS.vans)
  );
}

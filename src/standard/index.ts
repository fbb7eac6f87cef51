/**
 * `medcom-gop/standard`: the standard's and the law's tables — namespaces, code lists, legal references and the legal
 * calendar (which rule of the law applies on which date).
 */
export type { Encoding } from './encodings';
export { NS, type NamespaceKey } from './namespaces';
export { CODE_LISTS, LEVELS, LEVEL_LABELS, type Level } from './codelists';
export { REFERENCES } from './references';
export {
  LEGAL_CALENDAR,
  GUARANTEE_DAYS,
  inForce,
  inForceFrom,
  legalChange,
  type LegalChange,
  type LegalChangeKey,
} from './legal-calendar';

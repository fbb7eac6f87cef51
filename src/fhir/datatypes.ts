import { isIsoDate } from '../values/date';

/*
 * FHIR R4 primitive datatypes (hl7.org/fhir/R4/datatypes.html): whether a value may be written as one. A value that
 * is not valid is never mended here (no trimming, no collapsing of spaces): the caller reports it as a problem, since a
 * code changed by one character is another code.
 */

export type FhirPrimitive = 'string' | 'code' | 'id' | 'uri' | 'url' | 'canonical' | 'date' | 'dateTime' | 'instant' | 'boolean';

/** Control characters other than tab, LF and CR (C0, DEL, C1), and lone surrogates (no Unicode text). */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;
/** FHIR strings are at most 1 MB (1024 × 1024 characters). */
const MAX_STRING = 1024 * 1024;
/**
 * code: `[^\s]+( [^\s]+)*`, "no leading or trailing whitespace, no whitespace other than single spaces". \s here is
 * every Unicode space (tab, line breaks, U+2028, U+2029, no-break space …), not only XML's four.
 */
const CODE = /^[^\s]+( [^\s]+)*$/u;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** uri, url, canonical: `\S*`; empty is no value in JSON. */
const URI = /^\S+$/u;
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const TIME = `([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?${ZONE}`;
const DATE = new RegExp(`^${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$`);
const DATE_TIME = new RegExp(`^${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T${TIME})?)?)?$`);
const INSTANT = new RegExp(`^${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T${TIME}$`);

/** A full date in the value (YYYY-MM-DD…) must be a real one: the regexes allow 2019-02-30. */
const realDate = (value: string) => value.length < 10 || isIsoDate(value.slice(0, 10));

/** FHIR string: not empty, not only whitespace, at most 1 MB, no control characters but tab, CR and LF. */
function isFhirString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_STRING && /\S/u.test(value) && !NOT_TEXT.test(value);
}

/** Whether `value` may be written as a FHIR R4 value of `type`. */
export function isFhirValue(type: FhirPrimitive, value: unknown): boolean {
  if (type === 'boolean') return typeof value === 'boolean';
  if (!isFhirString(value)) return false;
  switch (type) {
    case 'string':
      return true;
    case 'code':
      return CODE.test(value);
    case 'id':
      return ID.test(value);
    case 'uri':
    case 'url':
    case 'canonical':
      return URI.test(value);
    case 'date':
      return DATE.test(value) && realDate(value);
    case 'dateTime':
      return DATE_TIME.test(value) && realDate(value);
    case 'instant':
      return INSTANT.test(value) && realDate(value);
  }
}

/**
 * The datatype of every primitive element the KL Gateway report writes, by its JSON name (the names are unambiguous
 * in that bundle: `code` is a code where it is text, a CodeableConcept, walked into, where it is an object).
 */
const TYPE_BY_NAME: Record<string, FhirPrimitive> = {
  resourceType: 'code',
  id: 'id',
  profile: 'canonical',
  type: 'code',
  timestamp: 'instant',
  fullUrl: 'uri',
  url: 'uri',
  use: 'code',
  system: 'uri',
  value: 'string',
  code: 'code',
  display: 'string',
  text: 'string',
  reference: 'string',
  status: 'code',
  intent: 'code',
  authoredOn: 'dateTime',
  start: 'dateTime',
  valueDate: 'date',
  deceasedBoolean: 'boolean',
};

/**
 * Where `resource` holds a value that is not valid for its FHIR datatype, as paths (`entry[4].resource.code.coding[0]
 * .code`), never the values (one may be a CPR number). A primitive under a name the table does not know counts too:
 * its datatype is not known, so neither is its validity.
 */
export function invalidFhirValues(resource: object): string[] {
  const found: string[] = [];
  const walk = (value: unknown, name: string, path: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) found.push(path); // an empty array is no value in FHIR JSON
      value.forEach((item, i) => walk(item, name, `${path}[${i}]`));
      return;
    }
    if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      if (keys.length === 0) found.push(path); // nor is an empty object
      for (const key of keys) walk((value as Record<string, unknown>)[key], key, path ? `${path}.${key}` : key);
      return;
    }
    const type = TYPE_BY_NAME[name];
    if (type === undefined || !isFhirValue(type, value)) found.push(path);
  };
  walk(resource, '', '');
  return found;
}

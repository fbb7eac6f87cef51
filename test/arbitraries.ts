/*
 * fast-check arbitraries for G-GOP messages, derived from the schema.
 *
 * `messageArbitrary()` walks MESSAGE_SPEC (compiled from the zod schema) generically: every ChildSpec becomes a
 * record key, required when `min ≥ 1` and otherwise absent (the key is missing, as the reader leaves it) or present;
 * `many` children become arrays, objects recurse, flags are `true`, formatted text is `{ text, content }`. Only the
 * leaf values are chosen: by the element's facts in the schema (its format or code list, src/model/element-facts.ts),
 * else from words by property name, so an element added to the schema is generated without touching this file. Values
 * are realistic Danish ones: valid CPR numbers and GLNs, real dates, code-list values, names with æøå, and free text
 * with characters that need escaping.
 *
 * Never generated: `extraElements` (it has no XML mapping, so the walk never sees it).
 */
import fc from 'fast-check';
import type { ValueFormat } from '../src/model/element-facts';
import { MESSAGE_FACTS, MESSAGE_SPEC } from '../src/model/schema';
import type { ChildSpec, ElementSpec } from '../src/model/spec';
import { INLINE_STYLES, plainText, type FormattedText, type RichText } from '../src/model/formatted';
import type { GopMessage } from '../src/model/schema';
import { CODE_LISTS } from '../src/standard/codelists';
import { daysInMonth } from '../src/values/date';
import { gs1CheckDigit } from '../src/values/gln';

// ---------------------------------------------------------------------------------------------------------------
// small helpers

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
/** JavaScript's trim() removes exactly what /\s/ matches, so a value without /\s/ at either end survives the reader. */
const WHITESPACE = /\s/u;
/** Characters XML 1.0 can carry (§2.2 Char), minus lone surrogates, which no encoding can write. */
const isXmlChar = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
};

// ---------------------------------------------------------------------------------------------------------------
// dates, CPR, GLN

/** A real calendar date `YYYY-MM-DD` in [minYear, maxYear]. */
function isoDate(minYear = 1990, maxYear = 2035): fc.Arbitrary<string> {
  return fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`);
}

/** `hh:mm` on the 24-hour clock. */
const clockTime: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);

/** The 7th digits that give a birth year its century (the CPR office's table; see src/values/cpr.ts). */
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year >= 1900 && year <= 1999) return [0, 1, 2, 3, ...(yy >= 37 ? [4, 9] : []), ...(yy >= 58 ? [5, 6, 7, 8] : [])];
  if (year >= 2000 && year <= 2036) return [4, 9, 5, 6, 7, 8];
  if (year >= 2037 && year <= 2057) return [5, 6, 7, 8];
  if (year >= 1858 && year <= 1899) return [5, 6, 7, 8];
  return [];
}

/** A valid CPR number: a real DDMMYY birth date, a 7th digit that gives its century, three more digits. */
export const validCpr: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1900, max: 2025 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1858, max: 2057 }) },
    ),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    pick: fc.nat(),
    serial: digits(3),
  })
  .map(({ year, month, day, pick, serial }) => {
    const dd = Math.min(day, daysInMonth(year, month));
    const sevenths = seventhDigitsFor(year);
    return `${pad(dd)}${pad(month)}${pad(year % 100)}${sevenths[pick % sevenths.length]!}${serial}`;
  });

/** A 13-digit GLN (EAN location number) with a correct GS1 check digit; Danish ones start 57. */
export const validGln: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('579', '579', '570', '571', '400'), digits(9))
  .map(([prefix, rest]) => `${prefix}${rest}${gs1CheckDigit(prefix + rest)}`);

// ---------------------------------------------------------------------------------------------------------------
// free Danish text

const DANISH_WORDS = [
  'Søren',
  'Ærø',
  'Åse',
  'Østergård',
  'Bøgh',
  '&',
  'Søn',
  'genoptræning',
  'hofte',
  'knæ',
  'skulder',
  'gangfunktion',
  'rollator',
  'træning',
  'øvelser',
  'dagligt',
  'færdigheder',
  'ældre',
  'blæse',
  'på',
  'å',
  'ø',
  'æ',
  'ÆØÅ',
  'Ål',
  'patienten',
  'kan',
  'gå',
  '50',
  'm',
  'med',
  'støtte',
  'fx',
  'bl.a.',
  'mv.',
  'ca.',
  '<fx>',
  'a<b',
  'c>d',
  '"citat"',
  "'apostrof'",
  "l'été",
  '&amp;',
  '&lt;',
  ']]>',
  '<!--',
  '-->',
  '<![CDATA[',
  '?>',
  '<?xml',
  '&#13;',
  '100%',
  '½',
  '§',
  '€',
  '–',
  '—',
  '…',
  '«ja»',
  'café',
  'Zoë',
  '😀',
  '𝔊',
  'Å',
  'Ａ',
  '\u0085',
  '\u00AD',
  '\u200B',
  '\uFFFD',
];
/** One word character: never whitespace (as JavaScript's trim sees it), always a legal XML character. */
const wordChar: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 12, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ') },
    { weight: 4, arbitrary: fc.constantFrom(...'0123456789&<>"\'.,;:!?()[]{}/\\-+*=#%@$§½é€–—…«»') },
    { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xfffd }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  )
  .filter((ch) => isXmlChar(ch) && !WHITESPACE.test(ch));
const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DANISH_WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: wordChar, minLength: 1, maxLength: 8 }) },
);
/** What stands between words: spaces, punctuation, inner newlines (also CR LF and a lone CR), tabs. */
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', ' - ', ' & ', '\n', '\r\n', '\r', '\t', '  ', ' \n ', '\u00A0', '\u2028');

/** Free Danish text: non-empty, no leading or trailing whitespace, only characters XML can carry. */
export const danishText: fc.Arbitrary<string> = fc
  .tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 6 }))
  .map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join(''))
  .filter((s) => s.length > 0 && s === s.trim());

// ---------------------------------------------------------------------------------------------------------------
// realistic values by format, code list, property name

const GIVEN_NAMES = ['Søren', 'Åse', 'Ærbødig', 'Øjvind', 'Mette', 'Jens Peter', 'Anne-Grethe', 'Bjørn', 'Kåre', 'Zoë', 'Mads Ølgaard'];
const SURNAMES = ['Østergård', 'Bøgh', 'Ærø', 'Kjær', 'Mølgaard', 'Nielsen', 'Bøgh-Jensen', 'Ågesen', "O'Brien", 'Damgaard Sørensen'];
const ORGANISATIONS = [
  'Bøgh & Søn',
  'Ærø Kommune',
  'Aarhus Universitetshospital',
  'Region Syddanmark',
  'Sjællands Universitetshospital, Køge',
  'Lægerne i Ølstykke',
  'Genoptræningscenter Østerbro',
  'Hvidovre Hospital <Afd. 3>',
  'Frederiksberg "Sundhedshus"',
];
const DEPARTMENTS = [
  'Ortopædkirurgisk afdeling',
  'Fysio- og ergoterapi',
  'Afd. Ø',
  'Medicinsk afd. M1',
  'Akutmodtagelsen',
  'Sengeafsnit Æ2',
];
const STREETS = ['Østergade 12, 2. th.', 'Ærøvej 3', 'Åboulevarden 88', 'Bøgevej 7 st.', 'Søndre Ringvej 1A', 'Kongens Nytorv 1'];
const SUBURBS = ['Ærøskøbing', 'København Ø', 'Århus C', 'Søborg', 'Frederiksberg C', 'Højbjerg'];
const DISTRICTS = ['Østerbro', 'Ærø', 'Nørrebro', 'Vesterbro', 'Åbyhøj'];
const TITLES = ['Fysioterapeut', 'Ergoterapeut', 'Overlæge', 'Læge', 'Sygeplejerske', 'Afdelingssygeplejerske'];
const OCCUPATIONS = ['Pensionist', 'Tømrer', 'Sygeplejerske', 'Studerende', 'Førtidspensionist', 'Skolelærer'];
const POSTCODES = ['0800', '0555', '0900', '0999', '1000', '1050', '2100', '5970', '8000', '8200', '9990', '3900'];
const SPECIALITIES = ['ortopaedkirurgi', 'intern medicin', '32', '08', 'neurologi', 'geriatri'];
const EXCERPTS = ['Fysioterapi', 'Ergoterapi', 'Lægenotat', 'Sygeplejenotat', 'Epikrise'];

const danishPhone = fc.integer({ min: 20_000_000, max: 99_999_999 }).map(String);
const phone: fc.Arbitrary<string> = fc.oneof(
  danishPhone.map((n) => `+45${n}`),
  danishPhone.map((n) => n.replace(/(..)(?=.)/g, '$1 ')),
  danishPhone,
  danishPhone.map((n) => `+45 ${n}`),
  danishPhone.map((n) => `0045${n}`),
  fc.constant('+46 8 123 456 78'),
);
const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('soeren.oestergaard', 'aase', 'boegh+gop', 'søren', 'kontakt', 'mette.kjaer'),
    fc.constantFrom('regionh.dk', 'rm.dk', 'aeroe.dk', 'ærø.dk', 'kommune.dk', 'sundhed.dk'),
  )
  .map(([local, domain]) => `${local}@${domain}`);
const sksDiagnosis: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('DS720', 'DC189', 'DZ033A', 'DM161', 'DI639', 'DS822'),
  fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), digits(3)).map(([l, d]) => `D${l}${d}`),
);
const icfCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('FB799', 'FD450', 'FS750', 'FE310', 'b280', 'd450', 's7300.32', 'e310+3', 'b280.2'),
  fc.tuple(fc.constantFrom('FB', 'FD', 'FS', 'FE', 'FA'), fc.integer({ min: 0, max: 99999 })).map(([p, n]) => `${p}${n}`),
);
const messageIdentifier: fc.Arbitrary<string> = fc.oneof(
  digits(8),
  fc.tuple(fc.integer({ min: 2015, max: 2030 }), digits(6)).map(([y, d]) => `GGOP-${y}-${d}`),
  fc.uuid(),
);
const partyIdentifier: fc.Arbitrary<string> = fc.oneof(
  digits(7),
  digits(3),
  digits(6),
  fc.constantFrom('1301011', '751', '012345', 'ABC12', 'Ø-1'),
);
const deadline: fc.Arbitrary<string> = fc.oneof(
  isoDate(2015, 2030),
  fc.constantFrom('Inden for 14 dage', 'Hurtigst muligt', 'Senest 7 dage efter udskrivelse', 'Ingen', 'Snarest'),
  danishText,
);
const url: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('https://www.sundhed.dk/', 'https://www.medcom.dk/standarder?id=1&lang=da', 'http://ærø.dk/genoptræning'),
    fc.string({ unit: fc.constantFrom(...'abcxyz0123-_'), maxLength: 8 }),
  )
  .map(([base, tail]) => base + tail);

/** Valid values of each format the schema names. */
const FORMATS: Record<ValueFormat, fc.Arbitrary<string>> = {
  date: isoDate(),
  time: clockTime,
  cpr: validCpr,
  gln: validGln,
  postcode: fc.oneof(fc.constantFrom(...POSTCODES), fc.integer({ min: 1000, max: 9999 }).map(String)),
  phone,
  email,
  sksDiagnosis,
  icf: icfCode,
};

const listed = (...values: string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: danishText });

/** Free text of the elements that have no format or code list: words they are likely to hold, by property name. */
const WORDS: Record<string, (path: readonly string[]) => fc.Arbitrary<string>> = {
  personGivenName: () => listed(...GIVEN_NAMES),
  personSurnameName: () => listed(...SURNAMES),
  organisationName: () => listed(...ORGANISATIONS),
  departmentName: () => listed(...DEPARTMENTS),
  unitName: () => listed(...DEPARTMENTS),
  streetName: () => listed(...STREETS),
  suburbName: () => listed(...SUBURBS),
  districtName: () => listed(...DISTRICTS),
  personTitle: () => listed(...TITLES),
  occupation: () => listed(...OCCUPATIONS),
  medicalSpecialityCode: () => fc.constantFrom(...SPECIALITIES),
  typeOfExcerpt: () => listed(...EXCERPTS),
  rehabilitationDeadline: () => deadline,
  url: () => url,
  identifier: (path) => (path.includes('Envelope') || path.includes('Letter') ? messageIdentifier : partyIdentifier),
  episodeOfCareIdentifier: () => messageIdentifier,
  statisticalCode: () => fc.constantFrom('GGOP', 'S1', 'Ø42'),
};

/** A leaf's value: by its element's format or code list, else by its property's words, else free Danish text. */
function leafArbitrary(spec: ChildSpec, path: readonly string[], modelPath: readonly string[]): fc.Arbitrary<string> {
  const facts = MESSAGE_FACTS.at(modelPath);
  if (facts?.format) return FORMATS[facts.format];
  if (facts?.codeList) return fc.constantFrom(...(CODE_LISTS[facts.codeList] as readonly string[]));
  if (Object.hasOwn(WORDS, spec.prop)) return WORDS[spec.prop]!(path);
  return danishText;
}

// ---------------------------------------------------------------------------------------------------------------
// formatted text

/** A raw text node as a reader may see it: surrounding whitespace, newlines, CR, tabs are all content here. */
const rawText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: danishText },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(' ', '\n', '  ', '\n    ', '\t', '\r\n'), danishText, fc.constantFrom('', ' ', '\n', ' \n  '))
      .map(([a, b, z]) => a + b + z),
  },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\n      ', '\r', '\t ') },
);

/** Adjacent text nodes would be one text node to a reader: join them. */
function mergeText(nodes: RichText[]): RichText[] {
  const out: RichText[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push(node);
  }
  return out;
}

const STYLES = Object.values(INLINE_STYLES);

/** Rich content: text, Break and styled nodes (nested up to `depth`), never two text nodes side by side, never empty. */
function richContent(depth = 2): fc.Arbitrary<RichText[]> {
  const text: fc.Arbitrary<RichText> = rawText.map((value) => ({ type: 'text', value }));
  const brk: fc.Arbitrary<RichText> = fc.constant({ type: 'break' });
  const node: fc.Arbitrary<RichText> =
    depth > 0
      ? fc.oneof(
          { weight: 4, arbitrary: text },
          { weight: 2, arbitrary: brk },
          {
            weight: 2,
            arbitrary: fc.record(
              { type: fc.constantFrom(...STYLES), content: richContent(depth - 1) },
              { noNullPrototype: true },
            ) as fc.Arbitrary<RichText>,
          },
        )
      : fc.oneof({ weight: 2, arbitrary: text }, { weight: 1, arbitrary: brk });
  return fc.array(node, { minLength: 1, maxLength: 5 }).map(mergeText);
}

/** `{ text, content }` with `text` computed from `content` exactly as the reader does. */
const formattedArbitrary: fc.Arbitrary<FormattedText> = richContent().map((content) => ({ text: plainText(content), content }));

// ---------------------------------------------------------------------------------------------------------------
// the schema walk

/**
 * How often an optional element is present: `dense` 5 in 6 (nearly everything, for coverage), `balanced` 1 in 2,
 * `sparse` 1 in 6 (close to the minimal plan, with empty optional wrappers). Absent shrinks first.
 */
export type Density = 'dense' | 'balanced' | 'sparse';
const PRESENCE: Record<Density, { absent: number; present: number }> = {
  dense: { absent: 1, present: 5 },
  balanced: { absent: 1, present: 1 },
  sparse: { absent: 5, present: 1 },
};
const ABSENT: unique symbol = Symbol('absent');

/** `path`: the element path down to it (local names); `props`: its model path (property names, no indexes). */
function valueArbitrary(spec: ChildSpec, path: readonly string[], props: readonly string[], density: Density): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'flag':
      return fc.constant(true);
    case 'text':
      return leafArbitrary(spec, path, props);
    case 'formatted':
      return formattedArbitrary;
    case 'object':
      return elementArbitrary(spec.element!, path, props, density);
  }
}

function childArbitrary(spec: ChildSpec, path: readonly string[], props: readonly string[], density: Density): fc.Arbitrary<unknown> {
  const item = valueArbitrary(spec, [...path, spec.name], [...props, spec.prop], density);
  if (!spec.many) return item;
  const minLength = Math.max(1, spec.min);
  return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(spec.max, 3)) });
}

/** A record of an element's children, in the schema's order: required ones always, optional ones absent (no key) or present. */
function elementArbitrary(
  spec: ElementSpec,
  path: readonly string[],
  props: readonly string[],
  density: Density = 'balanced',
): fc.Arbitrary<Record<string, unknown>> {
  const { absent, present } = PRESENCE[density];
  const children = spec.children.map((child) => {
    const arbitrary = childArbitrary(child, path, props, density);
    return child.min >= 1
      ? arbitrary
      : fc.oneof({ withCrossShrink: true }, { weight: absent, arbitrary: fc.constant(ABSENT) }, { weight: present, arbitrary });
  });
  return fc.tuple(...children).map((values) => {
    const out: Record<string, unknown> = {};
    values.forEach((value, i) => {
      if (value !== ABSENT) out[spec.children[i]!.prop] = value;
    });
    return out;
  });
}

/**
 * A complete G-GOP message, every element of the schema possible, realistic Danish values throughout.
 * Without a density, a mix: dense plans (for coverage), balanced ones and sparse ones.
 */
export function messageArbitrary(density?: Density): fc.Arbitrary<GopMessage> {
  const arbitrary = density
    ? elementArbitrary(MESSAGE_SPEC, ['Emessage'], [], density)
    : fc.oneof(
        { weight: 2, arbitrary: elementArbitrary(MESSAGE_SPEC, ['Emessage'], [], 'dense') },
        { weight: 2, arbitrary: elementArbitrary(MESSAGE_SPEC, ['Emessage'], [], 'balanced') },
        { weight: 1, arbitrary: elementArbitrary(MESSAGE_SPEC, ['Emessage'], [], 'sparse') },
      );
  return arbitrary as unknown as fc.Arbitrary<GopMessage>;
}

// ---------------------------------------------------------------------------------------------------------------
// walking specs and messages (for coverage and mutation properties)

/** Every ChildSpec path of an element spec, recursively: `Emessage/RehabilitationPlan/Patient/CivilRegistrationNumber`. */
export function specPaths(spec: ElementSpec = MESSAGE_SPEC, path = 'Emessage', depth = 0): string[] {
  if (depth > 32) throw new Error(`spec nests deeper than 32 at ${path}: recursive schema?`);
  return spec.children.flatMap((child) => {
    const here = `${path}/${child.name}`;
    return [here, ...(child.kind === 'object' ? specPaths(child.element!, here, depth + 1) : [])];
  });
}

export interface Occurrence {
  spec: ChildSpec;
  /** the model path of the property (array index not included) */
  modelPath: (string | number)[];
  /** the XML path of the element, with [n] on repeated ones as the builder and reader write it (no [n] on the list itself) */
  xmlPath: string;
  /** the spec path, without indexes */
  specPath: string;
  present: boolean;
}

/** Every child property of every element in a message: present ones, and absent ones of present parents. */
export function occurrences(message: unknown, spec: ElementSpec = MESSAGE_SPEC): Occurrence[] {
  const out: Occurrence[] = [];
  const walk = (
    value: Record<string, unknown>,
    element: ElementSpec,
    modelPath: (string | number)[],
    xmlPath: string,
    specPath: string,
  ) => {
    for (const child of element.children) {
      const v = value[child.prop];
      const here = { modelPath: [...modelPath, child.prop], xmlPath: `${xmlPath}/${child.name}`, specPath: `${specPath}/${child.name}` };
      out.push({ spec: child, ...here, present: v !== undefined });
      if (v === undefined || child.kind !== 'object') continue;
      if (child.many) {
        (v as Record<string, unknown>[]).forEach((item, i) =>
          walk(item, child.element!, [...here.modelPath, i], `${here.xmlPath}[${i + 1}]`, here.specPath),
        );
      } else walk(v as Record<string, unknown>, child.element!, here.modelPath, here.xmlPath, here.specPath);
    }
  };
  walk(message as Record<string, unknown>, spec, [], '/Emessage', 'Emessage');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// content the standard does not know, as senders add it: for the builder's kept-aside round trips

/** Declared on the root of a document that kept-aside snippets go into: `v` and `q` are prefixes from an ancestor. */
const VENDOR_DECLARATIONS = ' xmlns:v="urn:vendor:gop" xmlns:q="urn:q:&quot;citeret&quot;&amp;&lt;x&gt;"';

const escapeMarkup = (text: string, attribute = false) => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped;
};
/** Text of kept content: Danish, markup characters, and characters ISO-8859-1 lacks (written as references there). */
const keptWords: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: danishText },
  {
    weight: 2,
    arbitrary: fc.constantFrom('5 €', 'Łódź', '名字', '😀 ok', '"citat" & <tag>', ']]>', '--> <x>', 'a="1"><m100:CivilRegistrationNumber>'),
  },
);
/** Comments and CDATA may hold only what they can: ISO-8859-1 characters in comments (no reference is possible there). */
const commentText = fc.constantFrom(' note ', ' Ærø & <b> ', ' x ', '');
const cdataText = fc
  .oneof(danishText, fc.constantFrom('<b>€</b>', 'a && b', '名 ]] >'), fc.constant(''))
  .map((t) => t.replace(/]]>/g, ']] >').replace(/\r/g, ''));

/** An element the standard does not know: own or ancestor prefixes, attributes, text, CDATA, comments, nesting. */
function keptElement(depth = 2): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    keptWords.map((t) => escapeMarkup(t)),
    cdataText.map((t) => `<![CDATA[${t}]]>`),
    commentText.map((t) => `<!--${t}-->`),
    fc.constant('<Child/>'),
    fc.constant('<?vendor pi?>'),
  );
  const child =
    depth > 0
      ? fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: fc.constant(null).chain(() => keptElement(depth - 1)) })
      : leaf;
  return fc
    .tuple(
      fc.constantFrom(
        { open: 'v:Ext', close: 'v:Ext' },
        { open: 'v:Kaffe', close: 'v:Kaffe' },
        { open: 'Kaffe', close: 'Kaffe' },
        { open: 'q:Q', close: 'q:Q' },
        { open: 'x:Own xmlns:x="urn:own"', close: 'x:Own' },
        { open: 'Plain xmlns=""', close: 'Plain' },
        { open: 'v:Ext xmlns:v="urn:vendor:own"', close: 'v:Ext' },
      ),
      fc.subarray([' a="1"', ' q:b="2"', ' xml:lang="da"', ' v:c="x"'], { minLength: 0 }),
      keptWords,
      fc.array(child, { maxLength: 4 }),
    )
    .map(([name, attributes, value, children]) => {
      const attrs = attributes.map((a) => `${a.slice(0, a.indexOf('"'))}"${escapeMarkup(value, true)}"`).join('');
      return children.length ? `<${name.open}${attrs}>${children.join('')}</${name.close}>` : `<${name.open}${attrs}/>`;
    });
}

export interface Insertion {
  at: number;
  what: 'element' | 'text' | 'attribute';
  snippet: string;
}

/** Where and what to add to a document: `at` picks a start tag (modulo their number). */
export const insertions: fc.Arbitrary<Insertion[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ at: fc.nat(), what: fc.constant('element' as const), snippet: keptElement() }) },
    {
      weight: 1,
      arbitrary: fc.record({ at: fc.nat(), what: fc.constant('text' as const), snippet: keptWords.map((t) => escapeMarkup(t)) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ at: fc.nat(), what: fc.constant('attribute' as const), snippet: keptWords.map((t) => escapeMarkup(t, true)) }),
    },
  ),
  { minLength: 1, maxLength: 5 },
);

/**
 * A document (written by the builder) with kept-aside content added: elements and text after the start tag of any
 * element (objects, flags, text and formatted text alike), attributes on it; `v` and `q` declared on the root.
 */
export function withInsertions(xml: string, list: readonly Insertion[]): string {
  let out = xml
    .replace(/<([^\s/>?!]+)([^>]*?)\/>/g, '<$1$2></$1>') // every element gets content to take
    .replace(/(<[^\s>?!/]+)/, `$1${VENDOR_DECLARATIONS}`);
  const starts = [...out.matchAll(/<[^\s>?!/]+[^>]*>/g)].map((m) => m.index! + m[0].length);
  // from the last position back, so that earlier positions stay where they are
  // an attribute goes before the start tag's ">", the rest after it
  const placed = list
    .map((insertion, n) => ({
      ...insertion,
      n,
      position: starts[insertion.at % starts.length]! - (insertion.what === 'attribute' ? 1 : 0),
    }))
    .sort((a, b) => b.position - a.position || b.n - a.n);
  for (const { position, what, snippet, n } of placed) {
    out = `${out.slice(0, position)}${what === 'attribute' ? ` v:n${n}="${snippet}"` : snippet}${out.slice(position)}`;
  }
  return out;
}

/*
 * For the redaction tests: made-up people (names with æøå, a CPR number, a phone number, an e-mail address, a street
 * address), the spellings a value may have in a text, and a check that none of them appears in an output.
 * The check is the test's own: the output is first read as a person reads it (NFKC — fullwidth digits and letters —,
 * without soft hyphens and zero-width characters, every dash a hyphen; once with those invisible characters dropped,
 * once with them as spaces), then digits are compared with any of the separators a text may put between them (spaces,
 * hyphens, dots, slashes, underscores, line breaks and their escapes in JSON or XML, ⏎), names and addresses word by
 * word, ignoring case.
 */
import fc from 'fast-check';
import { validCpr } from './arbitraries';

export interface Person {
  givenName: string;
  surname: string;
  cpr: string;
  /** 8 digits, the first 2–9 */
  phone: string;
  email: string;
  /** the street name and number (and floor); the street name alone is `street.split(' ')[0]` */
  street: string;
}

const SYLLABLES = ['bø', 'gå', 'ræ', 'lun', 'vik', 'sø', 'må', 'dæl', 'hør', 'kjæ', 'tår', 'fjø', 'skå', 'bræ', 'løv', 'æb', 'øst', 'ås'];
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** A made-up word of three or four syllables: no word of any message text, Danish or English. */
export const madeUp = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 3, maxLength: 4 }).map((s) => capital(s.join('')));
const looksLikeDate = (d: string) => {
  const dayMonth = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return dayMonth(Number(d.slice(6)), Number(d.slice(4, 6))) || dayMonth(Number(d.slice(0, 2)), Number(d.slice(2, 4)));
};
/** 2019 2020: a range of years, not a phone number, to a redactor that has only its shape */
const looksLikeYears = (d: string) => Number(d.slice(0, 4)) <= 2150 && Number(d.slice(4)) >= 1850 && Number(d.slice(4)) <= 2150;
const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');

/** How the local part of an e-mail address joins its two words: RFC 5322 allows these, and a quoted local part. */
const LOCAL_JOINS = ['.', '&', '!', "'", '+', '=', '#', '~', '"'] as const;

export const personArbitrary: fc.Arbitrary<Person> = fc
  .record({
    given: fc.array(madeUp, { minLength: 1, maxLength: 2 }),
    surname: fc.array(madeUp, { minLength: 1, maxLength: 2 }),
    surnameJoin: fc.constantFrom(' ', '-'),
    cpr: validCpr,
    // not one that reads as a date (20190305, 05032019): the output's dates would look like it
    phone: fc
      .integer({ min: 20_000_000, max: 99_999_999 })
      .map(String)
      .filter((p) => !looksLikeDate(p) && !looksLikeYears(p)),
    domain: fc.constantFrom('post.dk', 'regionh.dk', 'ærø.dk', 'mail.tele.dk'),
    unicodeMail: fc.boolean(),
    localJoin: fc.constantFrom(...LOCAL_JOINS),
    street: madeUp,
    number: fc.integer({ min: 1, max: 199 }),
    floor: fc.constantFrom('', ', 2. tv.', ', st. th.', ' 3A'),
  })
  .map((r) => {
    const givenName = r.given.join(' ');
    const surname = r.surname.join(r.surnameJoin);
    const [first, second] = r.unicodeMail
      ? [givenName.split(' ')[0]!.toLowerCase(), r.surname[0]!.toLowerCase()]
      : [ascii(givenName), ascii(surname)];
    const local = r.localJoin === '"' ? `"${first} ${second}"` : `${first}${r.localJoin}${second}`;
    return {
      givenName,
      surname,
      cpr: r.cpr,
      phone: r.phone,
      email: `${local}@${r.domain}`,
      street: `${r.street}vej ${r.number}${r.floor}`,
    };
  });

/** ASCII letters, digits and signs as their fullwidth forms (Ｋｉｒｓｔｅｎ, ０５１２４７): NFKC reads them as ASCII. */
const fullwidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** What may stand between the digit groups of a number: dashes (U+2011 keeps a CPR number on one line), signs, spaces. */
const DIGIT_SEPARATORS = [
  '-',
  '\u2011',
  '\u2010',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '/',
  '_',
  '.',
  ' ',
  '\u00A0',
  '\u2009',
  '\u202F',
  '\n',
] as const;
/** What a text may hide inside a value without it showing: soft hyphen, zero-width space, non-joiner, joiner, word joiner, BOM. */
const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'] as const;
/** `s` with `mark` after every `every` characters (not at the end). */
const sprinkle = (s: string, mark: string, every: number) => [...s].map((c, i) => (i > 0 && i % every === 0 ? mark + c : c)).join('');

/** The ways a text may write the person's CPR number (all of which must be masked). */
export const cprSpellings = (cpr: string) => {
  const [date, serial] = [cpr.slice(0, 6), cpr.slice(6)];
  return [
    cpr,
    ...DIGIT_SEPARATORS.map((s) => `${date}${s}${serial}`),
    fullwidth(cpr),
    `${fullwidth(date)}\u2011${fullwidth(serial)}`,
    ...INVISIBLES.map((mark, i) => sprinkle(cpr, mark, 2 + (i % 3))),
    `${date}\u00AD-${serial}`,
  ];
};
/** The ways a text may write the person's phone number (all of which must be masked). */
export const phoneSpellings = (phone: string) => [
  phone,
  phone.replace(/(..)(?=.)/g, '$1 '),
  `${phone.slice(0, 4)} ${phone.slice(4)}`,
  `+45 ${phone.replace(/(..)(?=.)/g, '$1 ')}`,
  `+45${phone}`,
  `0045 ${phone}`,
  phone.replace(/(..)(?=.)/g, '$1-'),
  phone.replace(/(..)(?=.)/g, '$1.'),
  `${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}`,
  ...DIGIT_SEPARATORS.map((s) => phone.replace(/(..)(?=.)/g, `$1${s}`)),
  ...DIGIT_SEPARATORS.map((s) => `${phone.slice(0, 4)}${s}${phone.slice(4)}`),
  fullwidth(phone),
  fullwidth(`+45 ${phone.replace(/(..)(?=.)/g, '$1 ')}`),
  `+45\u2011${phone}`,
  ...INVISIBLES.map((mark, i) => sprinkle(phone, mark, 2 + (i % 3))),
];
/** The ways a text may write a name or an address (words as the value has them; the gap between words is the caller's). */
export const wordSpellings = (value: string) => [
  value,
  value.toUpperCase(),
  value.toLowerCase(),
  fullwidth(value),
  fullwidth(value.toUpperCase()),
  ...INVISIBLES.map((mark, i) => value.replace(/[\p{L}]{4,}/gu, (w) => sprinkle(w, mark, 2 + (i % 3)))),
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Between two digits or words in an output: white space, separators, their escapes (JSON \n, XML &#10;), ⏎. */
const DIGIT_GAP = String.raw`(?:[\s.\-–⏎/_]|\\[nrt]|\\u2028|\\u2029|&#1[03];|&#x[AD];|%0[AD])*`;
const WORD_GAP = String.raw`(?:[\s⏎]|\\[nrt]|\\u2028|\\u2029|&#1[03];|&#x[AD];|%0[AD])+`;

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
/**
 * An output as a person reads it: NFKC (fullwidth digits and letters as ASCII, a no-break or thin space as a space),
 * every dash a hyphen, and the invisible characters as `invisible` — dropped (Kir\u00ADsten is Kirsten) or a space
 * (Kirsten\u200BHøjgaard shows two words).
 */
export const readAs = (output: string, invisible: '' | ' ') => output.normalize('NFKC').replace(INVISIBLE, invisible).replace(DASH, '-');

/** A number in any grouping, not inside a longer run of digits. */
const digitsPattern = (digits: string) => new RegExp(`(?<!\\d)${[...digits].join(DIGIT_GAP)}(?!\\d)`);
/** Words as a whole (not inside a longer word), in any case, with any white space between them. */
function wordsPattern(value: string): RegExp {
  const xmlEscaped = (w: string) =>
    w.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const words = value
    .trim()
    .split(/\s+/)
    .map((w) => `(?:${escapeRegExp(w)}|${escapeRegExp(xmlEscaped(w))})`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join(WORD_GAP)}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Where a quoted value was cut short: before "..." or the closing quote (as written, JSON- or XML-escaped). */
const CUT_END = String.raw`(?=\.\.\.|\\?"|&quot;)`;
/** Part of a value left where a quote was cut: a name word's first 3+ letters, a number's first 4+ digits. */
function cutPatterns(person: Person): [string, RegExp][] {
  const out: [string, RegExp][] = [];
  for (const word of [...person.givenName.split(/[\s-]+/), ...person.surname.split(/[\s-]+/), person.street.split(' ')[0]!]) {
    for (let n = 3; n < word.length; n++)
      out.push([`cut ${word.slice(0, n)}`, new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word.slice(0, n))}${CUT_END}`, 'iu')]);
  }
  // (a CPR number's first six digits, its birth date, are kept by design)
  for (const [digits, from] of [
    [person.cpr, 7],
    [person.phone, 5],
  ] as const) {
    for (let n = from; n < digits.length; n++)
      // not inside a longer token: the generated ICF code FB99999 is no cut phone number 99999000
      out.push([
        `cut ${digits.slice(0, n)}`,
        new RegExp(`(?<![\\p{L}\\p{N}.\\-–])${[...digits.slice(0, n)].join(DIGIT_GAP)}${CUT_END}`, 'u'),
      ]);
  }
  return out;
}

/** `value` (a name, a practice's name, a street) in `output`, word by word, read as a person reads it: what is shown. */
export function wordLeaks(output: string, value: string): string[] {
  const pattern = wordsPattern(value);
  const found = [readAs(output, ''), readAs(output, ' ')].map((read) => read.match(pattern)).find((m) => m);
  return found ? [`${value}: …${found.input!.slice(Math.max(0, found.index! - 30), found.index! + found[0].length + 10)}…`] : [];
}

/** The words of an e-mail address's local part (3 letters or more): what is left if only part of it is masked. */
const localWords = (email: string) => email.slice(0, email.lastIndexOf('@')).match(/[\p{L}\p{N}]{3,}/gu) ?? [];

/**
 * Each value of the person that appears in `output`, in any of the spellings the redactor masks, or cut short. The
 * output is read as a person reads it first (readAs), both ways.
 */
export function personLeaks(output: string, person: Person): string[] {
  const checks: [string, RegExp][] = [
    ['cpr', digitsPattern(person.cpr)],
    ['phone', digitsPattern(person.phone)],
    ['email', wordsPattern(person.email)],
    ...localWords(person.email).map((w): [string, RegExp] => [`email word ${w}`, wordsPattern(w)]),
    ['street', wordsPattern(person.street)],
    ['street name', wordsPattern(person.street.split(' ')[0]!)],
    ['givenName', wordsPattern(person.givenName)],
    ['surname', wordsPattern(person.surname)],
    // each word of a name also alone
    ...[...person.givenName.split(/[\s-]+/), ...person.surname.split(/[\s-]+/)].map((w): [string, RegExp] => [
      `name word ${w}`,
      wordsPattern(w),
    ]),
    ...cutPatterns(person),
  ];
  const leaks = new Set<string>();
  for (const read of [readAs(output, ''), readAs(output, ' ')]) {
    for (const [what, pattern] of checks) {
      const m = read.match(pattern);
      if (m) leaks.add(`${what}: …${read.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 10)}…`);
    }
  }
  return [...leaks];
}

/** XML's and HTML's references in `s` read as their characters. */
export const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A page as its reader sees the text: the markup gone, the entities read. */
export const pageText = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ' '));

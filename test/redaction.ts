/*
 * For the redaction tests: made-up people (names with æøå, a CPR number, a phone number, an e-mail address, a street
 * address), the spellings a value may have in a text, and a check that none of them appears in an output.
 * The check is the test's own: digits are compared with any of the separators a text may put between them (spaces,
 * hyphens, dots, line breaks and their escapes in JSON or XML, ⏎), names and addresses word by word, ignoring case.
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
  street: string;
}

const SYLLABLES = ['bø', 'gå', 'ræ', 'lun', 'vik', 'sø', 'må', 'dæl', 'hør', 'kjæ', 'tår', 'fjø', 'skå', 'bræ', 'løv', 'æb', 'øst', 'ås'];
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
/** A made-up word of three or four syllables: no word of any message text, Danish or English. */
const madeUp = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 3, maxLength: 4 }).map((s) => capital(s.join('')));
const looksLikeDate = (d: string) => {
  const dayMonth = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return dayMonth(Number(d.slice(6)), Number(d.slice(4, 6))) || dayMonth(Number(d.slice(0, 2)), Number(d.slice(2, 4)));
};
const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]/g, '');

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
      .filter((p) => !looksLikeDate(p)),
    domain: fc.constantFrom('post.dk', 'regionh.dk', 'ærø.dk', 'mail.tele.dk'),
    unicodeMail: fc.boolean(),
    street: madeUp,
    number: fc.integer({ min: 1, max: 199 }),
    floor: fc.constantFrom('', ', 2. tv.', ', st. th.', ' 3A'),
  })
  .map((r) => {
    const givenName = r.given.join(' ');
    const surname = r.surname.join(r.surnameJoin);
    const local = r.unicodeMail
      ? `${givenName.split(' ')[0]!.toLowerCase()}.${r.surname[0]!.toLowerCase()}`
      : `${ascii(givenName)}.${ascii(surname)}`;
    return {
      givenName,
      surname,
      cpr: r.cpr,
      phone: r.phone,
      email: `${local}@${r.domain}`,
      street: `${r.street}vej ${r.number}${r.floor}`,
    };
  });

/** The ways a text may write the person's CPR number and phone number (all of which must be masked). */
export const cprSpellings = (cpr: string) => [cpr, `${cpr.slice(0, 6)}-${cpr.slice(6)}`, `${cpr.slice(0, 6)} ${cpr.slice(6)}`];
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
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Between two digits or words in an output: white space, separators, their escapes (JSON \n, XML &#10;), ⏎. */
const DIGIT_GAP = String.raw`(?:[\s.\-–⏎]|\\[nrt]|\\u2028|\\u2029|&#1[03];|&#x[AD];|%0[AD])*`;
const WORD_GAP = String.raw`(?:[\s⏎]|\\[nrt]|\\u2028|\\u2029|&#1[03];|&#x[AD];|%0[AD])+`;

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

/** Each value of the person that appears in `output`, in any of the spellings the redactor masks, or cut short. */
export function personLeaks(output: string, person: Person): string[] {
  const checks: [string, RegExp][] = [
    ['cpr', digitsPattern(person.cpr)],
    ['phone', digitsPattern(person.phone)],
    ['email', wordsPattern(person.email)],
    ['street', wordsPattern(person.street)],
    ['givenName', wordsPattern(person.givenName)],
    ['surname', wordsPattern(person.surname)],
    // each word of a name also alone
    ...[...person.givenName.split(/[\s-]+/), ...person.surname.split(/[\s-]+/)].map((w): [string, RegExp] => [
      `name word ${w}`,
      wordsPattern(w),
    ]),
    ...cutPatterns(person),
  ];
  return checks
    .filter(([, pattern]) => pattern.test(output))
    .map(([what, pattern]) => {
      const m = output.match(pattern)!;
      return `${what}: …${output.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 10)}…`;
    });
}

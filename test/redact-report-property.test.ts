/*
 * Redaction by construction, as an attacker tries it: generated people — names, CPR numbers, phone numbers, e-mail
 * addresses, in the spellings that slip past a search (non-breaking and other hyphens, slashes, underscores, soft
 * hyphens, zero-width characters, fullwidth digits and letters, upper case) — are put into every kind of place of a
 * plan: free text, an unknown attribute, an unknown element's text and name, a bad date, a code field, an identifier,
 * a broken document, and the file name. Under redact, none of their values may be found in checkGop's report, in
 * validateGop's report of the model, nor in any of the five formats of formatResults.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGop, parseGop } from '../src/index';
import { formatResults } from '../src/format/index';
import { FIXTURES_DIR } from './helpers';

const BASE = readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`, 'utf8');
const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;

interface Person {
  given: string;
  surname: string;
  cpr: string; // ten digits
  phone: string; // eight digits
  email: string;
}

const word = fc.stringMatching(/^[A-ZÆØÅ][a-zæøå]{6,10}$/);
const cpr = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    tail: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ day, month, year, tail }) => [day, month, year].map((n) => String(n).padStart(2, '0')).join('') + String(tail).padStart(4, '0'));
const phone = fc.integer({ min: 20_000_000, max: 99_999_999 }).map(String);
const person: fc.Arbitrary<Person> = fc
  .record({ given: word, surname: word, cpr, phone, local: fc.stringMatching(/^[a-z]{3,8}$/) })
  .map(({ given, surname, cpr, phone, local }) => ({ given, surname, cpr, phone, email: `${local}.${surname.toLowerCase()}@example.dk` }));

/** The spellings of a number that a search by plain digits would miss. */
const SEPARATORS = ['', '-', '\u2011', '\u2010', '\u2212', '\u2013', '\u2014', '/', '_', '\u00ad', '\u200b', '\u2060', ' ', '.'];
const fullwidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
const spellNumber = (digits: string, separator: string, wide: boolean, groups: number[]) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  const text = parts.join(separator);
  return wide ? fullwidth(text) : text;
};
const NAME_SPELLINGS: ((name: string) => string)[] = [
  (n) => n,
  (n) => n.toUpperCase(),
  (n) => `${n.slice(0, 3)}\u00ad${n.slice(3)}`,
  (n) => `${n.slice(0, 2)}\u200b${n.slice(2)}`,
  (n) => fullwidth(n),
];

interface Spelled {
  cpr: string;
  phone: string;
  given: string;
  surname: string;
}
const spelling: fc.Arbitrary<(p: Person) => Spelled> = fc
  .record({ separator: fc.constantFrom(...SEPARATORS), wide: fc.boolean(), name: fc.integer({ min: 0, max: NAME_SPELLINGS.length - 1 }) })
  .map(({ separator, wide, name }) => (p: Person) => ({
    cpr: spellNumber(p.cpr, separator, wide, [6, 4]),
    phone: spellNumber(p.phone, separator, wide, [2, 2, 2, 2]),
    given: NAME_SPELLINGS[name]!(p.given),
    surname: NAME_SPELLINGS[name]!(p.surname),
  }));

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const before = (xml: string, marker: string, insert: string) => xml.replace(marker, `${insert}${marker}`);

/** Every place a value can stand, one plan each. */
const PLACES: Record<string, (s: Spelled, p: Person) => string> = {
  deadline: (s, p) =>
    BASE.replace(
      /<RehabilitationDeadline>[^<]*<\/RehabilitationDeadline>/,
      `<RehabilitationDeadline>${xmlText(`Ring til ${s.given} ${s.surname} på ${s.phone} / ${p.email}, cpr ${s.cpr}`)}</RehabilitationDeadline>`,
    ),
  attribute: (s, p) => BASE.replace(/<Emessage\b/, `<Emessage note="${xmlText(`${s.given} ${s.surname} ${s.cpr} ${s.phone} ${p.email}`)}"`),
  elementText: (s, p) =>
    before(BASE, '</RehabilitationPlan>', `<Note>${xmlText(`${s.surname}, ${s.given}: ${s.cpr} ${s.phone} ${p.email}`)}</Note>`),
  elementName: (s) =>
    before(BASE, '</RehabilitationPlan>', `<${s.surname.replace(/[\u00ad\u200b]/g, '')} ${s.given.replace(/[\u00ad\u200b]/g, '')}="1"/>`),
  badDate: (s) => BASE.replace(/(<Start>\s*<Date>)[^<]*(<\/Date>)/, `$1${xmlText(s.cpr)}$2`),
  codeField: (s) => BASE.replace(/<TypeOfRehabilitationPlan>[^<]*</, `<TypeOfRehabilitationPlan>${xmlText(`${s.given} ${s.phone}`)}<`),
  identifier: (_s, p) => BASE.replace(/(<Envelope>[\s\S]*?<Identifier>)[^<]*(<\/Identifier>)/, `$1${p.cpr}$2`),
  strayText: (s) => BASE.replace(/<Patient>/, `<Patient>${xmlText(`${s.given} ${s.cpr}`)}`),
  broken: (s) =>
    `${before(BASE, '</RehabilitationPlan>', `<Note>${xmlText(`${s.given} ${s.surname} ${s.cpr}`)}`)}`.replace(/<\/Emessage>\s*$/, ''),
};

/** What a leak check compares: the text folded as a search that cannot be fooled would fold it. */
function folded(output: string): string {
  return output
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\\u00ad|\\u200b|\\u2060/gi, '')
    .toLowerCase();
}

/** The digits in order with any separators between them, not inside a longer run of digits. */
const spelledAnyhow = (digits: string) => new RegExp(`(?<!\\d)${[...digits].join('[\\s\\-\u2010-\u2015\u2212/._]*')}(?!\\d)`);

function leaks(output: string, p: Person): string[] {
  const text = folded(output);
  const found: string[] = [];
  for (const name of [p.given, p.surname]) if (text.includes(name.normalize('NFKC').toLowerCase())) found.push(name);
  if (text.includes(p.email)) found.push(p.email);
  for (const number of [p.cpr, p.phone]) if (spelledAnyhow(number).test(text)) found.push(number);
  return found;
}

describe('redaction by construction: no value of a generated person in any output under redact', () => {
  it('checkGop, validateGop and every format of formatResults, for every place and spelling', () => {
    let cases = 0;
    let outputs = 0;
    fc.assert(
      fc.property(person, spelling, (p, spell) => {
        const s = spell(p);
        for (const [place, make] of Object.entries(PLACES)) {
          const xml = make(s, p);
          const report = checkGop(xml, { redact: true, referenceDate: '2019-03-10' });
          const file = `GGOP_${s.cpr}_${s.given}_${s.surname}.xml`;
          const texts = [JSON.stringify(report), ...FORMATS.map((format) => formatResults(format, [{ file, report }]))];
          const parsed = parseGop(xml);
          const model = parsed.ok ? parsed.message : (parsed as { partial?: unknown }).partial;
          if (model !== undefined) texts.push(JSON.stringify(checkGop(model as never, { redact: true })));
          for (const output of texts) {
            outputs++;
            const found = leaks(output, p);
            if (found.length) throw new Error(`${place}: ${found.join(', ')} in ${output.slice(0, 300)}`);
          }
          cases++;
        }
      }),
      { numRuns: 60 },
    );
    console.log(
      `redaction property: ${cases} plans (${Object.keys(PLACES).length} places × 60 people and spellings), ${outputs} outputs, 0 leaks`,
    );
    expect(cases).toBe(60 * Object.keys(PLACES).length);
  });

  it('the leak check finds what it looks for (without redact the values are there)', () => {
    const p: Person = {
      given: 'Nancymarie',
      surname: 'Berggrenus',
      cpr: '2512484916',
      phone: '40506070',
      email: 'nb.berggrenus@example.dk',
    };
    const s = { cpr: '251248\u20114916', phone: '40\u201150\u201160\u201170', given: 'Nancy\u00admarie', surname: fullwidth('Berggrenus') };
    const plain = JSON.stringify(checkGop(PLACES['attribute']!(s, p)));
    expect(leaks(plain, p).sort()).toEqual(['2512484916', '40506070', 'Berggrenus', 'Nancymarie', 'nb.berggrenus@example.dk'].sort());
  });
});

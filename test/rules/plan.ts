// Plans for the rule tests. The baseline is valid/minimal.xml, the smallest lawful message, which produces no finding
// at all; every case is that file with one small, visible edit, and expected lines and columns are computed from the
// edited string itself (see `at`), never written down by hand.
import { readFileSync } from 'node:fs';
import { parseGop } from '../../src/index';
import { FIXTURES_DIR, GP_COPY_XML } from '../helpers';

export const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
export const P = '/Emessage/RehabilitationPlan';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Offset of the start tag reached by looking for each tag in turn, each after the previous one. */
function offsetOf(xml: string, tags: readonly string[]): number {
  let pos = -1;
  for (const tag of tags) {
    const re = new RegExp(`<${escapeRe(tag)}[\\s/>]`, 'g');
    re.lastIndex = pos + 1;
    const m = re.exec(xml);
    if (!m) throw new Error(`test setup: no <${tag}> in the message (after offset ${pos})`);
    pos = m.index;
  }
  return pos;
}

/** 1-based line and column of that start tag's "<", counted in the string the test passes in. */
export function at(xml: string, ...tags: string[]): { line: number; column: number } {
  const pos = offsetOf(xml, tags);
  const before = xml.slice(0, pos);
  return { line: before.split('\n').length, column: pos - before.lastIndexOf('\n') };
}

/** Replaces one exact, unique piece of text. */
export function replace(xml: string, from: string, to: string): string {
  const first = xml.indexOf(from);
  if (first < 0 || xml.indexOf(from, first + 1) >= 0) throw new Error(`test setup: "${from}" is not unique in the message`);
  return xml.slice(0, first) + to + xml.slice(first + from.length);
}

/** Sets the text of the element reached by `tags` (see offsetOf). */
export function setText(xml: string, tags: readonly string[], value: string): string {
  const start = offsetOf(xml, tags);
  const open = xml.indexOf('>', start);
  const close = xml.indexOf('<', open);
  return xml.slice(0, open + 1) + value + xml.slice(close);
}

/** Removes the element reached by `tags`, with the indentation before it. */
export function drop(xml: string, ...tags: string[]): string {
  const start = offsetOf(xml, tags);
  const name = tags[tags.length - 1]!;
  const open = xml.indexOf('>', start);
  const end = xml[open - 1] === '/' ? open + 1 : xml.indexOf(`</${name}>`, start) + name.length + 3;
  const lineStart = xml.lastIndexOf('\n', start - 1);
  return xml.slice(0, /^\s*$/.test(xml.slice(lineStart, start)) ? lineStart : start) + xml.slice(end);
}

function insert(xml: string, anchor: string, lines: string[], where: 'before' | 'after'): string {
  const first = xml.indexOf(anchor);
  if (first < 0 || xml.indexOf(anchor, first + 1) >= 0) throw new Error(`test setup: "${anchor}" is not unique in the message`);
  const lineStart = xml.lastIndexOf('\n', first) + 1;
  const indent = /^[ \t]*/.exec(xml.slice(lineStart))![0];
  const block = lines.map((l) => indent + l).join('\n');
  if (where === 'before') return `${xml.slice(0, lineStart)}${block}\n${xml.slice(lineStart)}`;
  const lineEnd = xml.indexOf('\n', first);
  return `${xml.slice(0, lineEnd)}\n${block}${xml.slice(lineEnd)}`;
}
/** New lines after the line holding `anchor`, indented like it. */
export const after = (xml: string, anchor: string, ...lines: string[]) => insert(xml, anchor, lines, 'after');
/** New lines before the line holding `anchor`, indented like it. */
export const before = (xml: string, anchor: string, ...lines: string[]) => insert(xml, anchor, lines, 'before');

/** A start deadline, where the standard puts it (just before CurrentHospitalContact). */
export const withDeadline = (text: string, xml = MIN) =>
  before(xml, '<CurrentHospitalContact>', `<RehabilitationDeadline>${text}</RehabilitationDeadline>`);
export const withLevel = (level: string, xml = MIN) => setText(xml, ['TypeOfRehabilitationPlan'], level);
export const withConsent = (consent: string, xml = MIN) => setText(xml, ['ConsentInformed'], consent);
export const authorisedOn = (date: string, xml = MIN) => setText(xml, ['Authorisation', 'mm100:Date'], date);
export const sentOn = (date: string, xml = MIN) => setText(xml, ['mm100:Sent', 'mm100:Date'], date);
export const admittedOn = (date: string, xml = MIN) => setText(xml, ['Start', 'Date'], date);
export const dischargedOn = (date: string, xml = MIN) => setText(xml, ['ExpectedEnd', 'Date'], date);

/** A copy to the patient's GP instead of the opt-out. 5790002012273: check digit 3, computed by hand. */
export const withGpCopy = (xml: string) => replace(xml, '<Deselected/>', GP_COPY_XML);

export const withDiagnosis = (code: string, typeCode = 'ICD10kode', xml = MIN) =>
  before(
    xml,
    '<ContactCounty>',
    '<ICD10Diagnoses>',
    '  <ICD10Diagnose>',
    '    <PrimaryDiagnosis>',
    `      <Code>${code}</Code>`,
    `      <TypeCode>${typeCode}</TypeCode>`,
    '    </PrimaryDiagnosis>',
    '  </ICD10Diagnose>',
    '</ICD10Diagnoses>',
  );

/** Admitted 2014-12-20; authorised, sent and discharged on `date` (either side of the 2015 order). */
export const plannedOn = (date: string, xml: string) => admittedOn('2014-12-20', dischargedOn(date, sentOn(date, authorisedOn(date, xml))));

/** What GOP-LAW-001..003 look for, all at once: a level that is none of the three, no ability, no need. */
export const withoutContent = (xml: string) =>
  drop(setText(withLevel('avanceret', xml), ['AbilityAtDischargeSummary'], '  '), 'RehabilitationNeedAndPotential');

const read = parseGop(MIN);
if (!read.ok) throw new Error('minimal.xml does not read');
const MODEL = read.message;

/** A copy of minimal.xml's model to break; `any` on purpose: the values TypeScript would refuse. */
// biome-ignore lint/suspicious/noExplicitAny: values TypeScript would refuse, on purpose
export const minimalModel = (): any => structuredClone(MODEL);

// Text that reaches a terminal or a CI log: control characters from file names, messages and rule ids are shown as
// escapes (text, github), written as \uXXXX (json, sarif: the parsed value is the same) or as character references
// (junit; what XML 1.0 cannot hold at all shown as an escape), and no line of output starts a workflow command.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkGop, type Finding, type Report } from '../src/index';
import { formatResults, type FileResult } from '../src/format/index';
import { jsonWithoutControls, visibleControls, withoutCommandStart } from '../src/values/controls';
import { tinyMessage } from './helpers';

/** Every character the brief names: C0, DEL, C1, bidi controls, line and paragraph separators. */
const CONTROLS: number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0x2028,
  0x2029,
];
const RAW = new RegExp(`[${CONTROLS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
/** Raw controls in a format's output other than the line feeds that separate its own lines. */
const rawControls = (out: string) => [...out].filter((c) => c !== '\n' && RAW.test(c)).map((c) => c.charCodeAt(0).toString(16));

const HOSTILE = '\n::error::forged \u001b[31m red \u202Eevil\u202C \u0085next \u2028sep';
const FILE = `dir/plan${HOSTILE}.xml`;
const MESSAGE = `The value "x${HOSTILE}" is wrong.`;

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'GOP-FORMAT-005',
    severity: 'error',
    messageId: 'postcode',
    data: {},
    message: MESSAGE,
    messageDa: `Værdien "x${HOSTILE}" er forkert.`,
    path: '/Emessage/RehabilitationPlan',
    line: 3,
    column: 5,
    reference: 'GGOP',
    ...over,
  };
}
function report(findings: Finding[]): Report {
  const counts = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { valid: counts.fatal + counts.error === 0, findings, counts, rulesetVersion: 'test' };
}
const RESULTS: FileResult[] = [
  { file: FILE, report: report([finding(), finding({ severity: 'warning', line: undefined, column: undefined })]) },
];
const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;

/** The white space GitHub's runner (.NET) trims before it looks for "::" or "##[". */
const startsCommand = (line: string) => /^[\s\u0085\u180E]*(::|##\[)/.test(line);

describe('src/values/controls', () => {
  it('shows every control as an escape, and leaves other text alone', () => {
    for (const code of CONTROLS) {
      const shown = visibleControls(`a${String.fromCharCode(code)}b`);
      expect(RAW.test(shown), code.toString(16)).toBe(false);
      expect(shown.startsWith('a\\') && shown.endsWith('b'), shown).toBe(true);
    }
    expect(visibleControls('\n\r\t\u001b\u007f\u0085\u202e\u2028')).toBe('\\n\\r\\t\\x1B\\x7F\\x85\\u202E\\u2028');
    const plain = 'Højgaard — “quoted” 😀 \u200d \u00a0 C:\\dir\\file.xml';
    expect(visibleControls(plain)).toBe(plain);
  });

  it('writes the controls JSON.stringify leaves raw as \\uXXXX, and the parsed value is the same', () => {
    const value = { s: CONTROLS.map((c) => String.fromCharCode(c)).join(''), t: 'plain æøå 😀' };
    const json = jsonWithoutControls(JSON.stringify(value));
    expect(RAW.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('a line that would start a workflow command gets its first : or # escaped, after any white space the runner skips', () => {
    expect(withoutCommandStart('::error::x')).toBe('\\x3A:error::x');
    expect(withoutCommandStart('  \u00a0\u3000::warning::x')).toBe('  \u00a0\u3000\\x3A:warning::x');
    expect(withoutCommandStart('##[error]x')).toBe('\\x23#[error]x');
    expect(withoutCommandStart(':: x', (c) => `&#${c.charCodeAt(0)};`)).toBe('&#58;: x');
    for (const line of ['plan.xml:3:5 ::error::x', ': :x', '#[x', 'a::b']) expect(withoutCommandStart(line)).toBe(line);
  });

  it('takes a megabyte of white space or controls whole (speed is npm run bench, not a test)', () => {
    const spaces = ' '.repeat(1_000_000);
    const controls = '\u202e\u0085'.repeat(500_000);
    expect(withoutCommandStart(spaces).length).toBeGreaterThanOrEqual(spaces.length);
    const visible = visibleControls(controls);
    expect(visible).not.toMatch(/[\u202e\u0085]/);
    expect(visible.length).toBeGreaterThan(controls.length); // every control written out, none dropped
    expect(jsonWithoutControls(JSON.stringify(controls))).not.toMatch(/[\u202e\u0085]/);
  });
});

describe('every format, on file names and messages full of controls', () => {
  it.each(FORMATS)('%s: no raw control in the output', (name) => {
    for (const language of ['en', 'da'] as const) {
      expect(rawControls(formatResults(name, RESULTS, { language }))).toEqual([]);
    }
  });

  it.each(FORMATS)('%s: no line starts a workflow command that the formatter did not mean', (name) => {
    const files = [FILE, '::error::forged.xml', '  ::warning title=x::forged.xml', '##[error]forged.xml', '\u00a0::notice::forged.xml'];
    // 15 errors and 10 infos: past GitHub's 10 annotations per type, the rest are plain lines that begin with the file name
    const findings = [
      finding(),
      finding(),
      finding(),
      finding({ severity: 'info', line: 7, column: undefined }),
      finding({ severity: 'info', line: undefined, column: undefined }),
    ];
    const results = files.map((file) => ({ file, report: report(findings) }));
    const lines = formatResults(name, results).split('\n');
    const commands = lines.filter(startsCommand);
    if (name === 'github') {
      expect(lines.filter((l) => !startsCommand(l) && l !== '')).toHaveLength(5 + 1); // the plain lines
      expect(commands.length).toBe(10 + 9 + 1); // the annotations and the summary notice, nothing else
      for (const line of commands.slice(0, -1)) expect(line).toMatch(/^::(error|notice) file=[^:]*::/);
      expect(commands.at(-1)).toMatch(/^::notice title=medcom-gop::/);
    } else {
      expect(commands).toEqual([]);
    }
  });

  it('text: each value shown with its escapes, one line per finding', () => {
    const out = formatResults('text', RESULTS);
    const shown = 'dir/plan\\n::error::forged \\x1B[31m red \\u202Eevil\\u202C \\x85next \\u2028sep.xml';
    expect(out.split('\n')).toEqual([
      `${shown}:3:5  error    GOP-FORMAT-005  The value "x\\n::error::forged \\x1B[31m red \\u202Eevil\\u202C \\x85next \\u2028sep" is wrong.`,
      `${shown}  warning  GOP-FORMAT-005  The value "x\\n::error::forged \\x1B[31m red \\u202Eevil\\u202C \\x85next \\u2028sep" is wrong.`,
      `${shown}: invalid`,
      '',
      '1 file: 0 valid, 1 invalid',
      '2 problems (1 error, 1 warning)',
      '',
    ]);
    expect(formatResults('text', [{ file: '::error::x.xml', report: report([]) }]).split('\n')[0]).toBe('\\x3A:error::x.xml: valid');
  });

  it('text: a rule id is shown with its escapes too', () => {
    const out = formatResults('text', [{ file: 'a.xml', report: report([finding({ ruleId: 'X\u001b]8;;http://x\u0007' })]) }]);
    expect(out).toContain('  X\\x1B]8;;http://x\\x07  ');
  });

  it('github: exactly the expected command lines, workflow escaping kept (% : , in properties)', () => {
    const file = `a,b:c%${HOSTILE}.xml`;
    const out = formatResults('github', [
      {
        file,
        report: report([
          finding({ message: `100% ${HOSTILE}` }),
          finding({ severity: 'warning', line: undefined, column: undefined, message: 'ok' }),
        ]),
      },
    ]);
    const escapedFile = 'a%2Cb%3Ac%25\\n%3A%3Aerror%3A%3Aforged \\x1B[31m red \\u202Eevil\\u202C \\x85next \\u2028sep.xml';
    expect(out.split('\n')).toEqual([
      `::error file=${escapedFile},line=3,col=5,title=GOP-FORMAT-005::100%25 \\n::error::forged \\x1B[31m red \\u202Eevil\\u202C \\x85next \\u2028sep`,
      `::warning file=${escapedFile},title=GOP-FORMAT-005::ok`,
      '1 file: 0 valid, 1 invalid',
      '2 problems (1 error, 1 warning)',
      '',
    ]);
  });

  it('json: parses back to the original file name and messages', () => {
    const parsed = JSON.parse(formatResults('json', RESULTS));
    expect(parsed[0].file).toBe(FILE);
    expect(parsed[0].findings.map((f: Finding) => f.message)).toEqual([MESSAGE, MESSAGE]);
    expect(parsed[0].findings[0].messageDa).toBe(RESULTS[0]!.report.findings[0]!.messageDa);
  });

  it('sarif: parses back to the original messages; the file name is its URI', () => {
    const sarif = JSON.parse(formatResults('sarif', RESULTS, { language: 'da' }));
    const results = sarif.runs[0].results;
    expect(results.map((r: { message: { text: string } }) => r.message.text)).toEqual(RESULTS[0]!.report.findings.map((f) => f.messageDa));
    expect(results[0].properties.messageDa).toBe(RESULTS[0]!.report.findings[0]!.messageDa);
    expect(decodeURIComponent(results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(FILE);
  });

  it('junit: well-formed, and holds each value; only what XML 1.0 cannot carry (ESC) is shown as an escape', () => {
    const out = formatResults('junit', RESULTS);
    expect(XMLValidator.validate(out)).toBe(true);
    // numeric character references are decoded only with htmlEntities
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
      parseAttributeValue: false,
      htmlEntities: true,
      trimValues: false,
    }).parse(out);
    const testcase = doc.testsuites.testsuite.testcase;
    const inXml = (s: string) => s.replace(/\u001b/g, '\\x1B');
    expect(testcase['@_name']).toBe(inXml(FILE));
    expect(testcase.failure['@_message']).toBe(inXml(`GOP-FORMAT-005: ${MESSAGE}`));
    expect(testcase.failure['#text']).toBe(
      `${inXml(`${FILE}:3:5 error GOP-FORMAT-005 ${MESSAGE}`)}\npath: /Emessage/RehabilitationPlan\nreference: GGOP`,
    );
    expect(testcase['system-out']).toBe(inXml(`${FILE} warning GOP-FORMAT-005 ${MESSAGE}`));
  });

  it('junit: a line that starts with a file name cannot start a command, and the name is kept', () => {
    const out = formatResults('junit', [
      {
        file: '::error::x.xml',
        report: report([finding({ severity: 'warning', message: 'm' }), finding({ severity: 'info', message: 'n' })]),
      },
    ]);
    expect(out.split('\n').filter(startsCommand)).toEqual([]);
    const doc = new XMLParser({ htmlEntities: true, parseTagValue: false }).parse(out);
    expect(doc.testsuites.testsuite.testcase['system-out']).toBe(
      '::error::x.xml:3:5 warning GOP-FORMAT-005 m\n::error::x.xml:3:5 info GOP-FORMAT-005 n',
    );
  });
});

describe('end to end: a value of the message with controls XML allows (C1, bidi, U+2028) and a file name', () => {
  const xml = tinyMessage().replace('</Patient>', '<EmailAddressIdentifier>a\u202Eb\u0085c\u2066@@x</EmailAddressIdentifier></Patient>');
  const r = checkGop(xml);
  const email = r.findings.find((f) => f.ruleId === 'GOP-FORMAT-005');

  it('the finding quotes the value; every format keeps controls out of the output', () => {
    expect(email, JSON.stringify(r.findings.map((f) => f.ruleId))).toBeDefined();
    expect(email!.message).toContain('a\u202Eb\u0085c\u2066@@x');
    for (const name of FORMATS) expect(rawControls(formatResults(name, [{ file: 'x\u202E.xml', report: r }])), name).toEqual([]);
    expect(formatResults('text', [{ file: 'x.xml', report: r }])).toContain('a\\u202Eb\\x85c\\u2066@@x');
    expect(JSON.parse(formatResults('json', [{ file: 'x\u202E.xml', report: r }]))[0]).toEqual({ file: 'x\u202E.xml', ...r });
  });
});

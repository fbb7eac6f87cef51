// checkGop on objects built in code: a value of the wrong type (a numeric CPR, an object where text belongs, a
// non-array where an element repeats, null) and a cycle are findings (GOP-STRUCT-005), never a throw or a hang, and
// no rule sees them.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGop, rulesById, checkGop, type GopMessage, type Report } from '../src/index';
import { FIXTURES_DIR } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const read = parseGop(MIN);
if (!read.ok) throw new Error('minimal.xml does not read');
const MESSAGE: GopMessage = read.message;
const P = '/Emessage/RehabilitationPlan';

const schema = JSON.parse(readFileSync(new URL('../schemas/report.schema.json', import.meta.url), 'utf8'));
const validateReports = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

/** A copy of minimal.xml's model to break; `any` on purpose: these are the values TypeScript would refuse. */
// biome-ignore lint/suspicious/noExplicitAny: values TypeScript would refuse, on purpose
const copy = (): any => structuredClone(MESSAGE);

/** checkGop must not throw, and its report must be consistent and match the report schema. */
function check(message: unknown): Report {
  let report!: Report;
  expect(() => {
    report = checkGop(message as GopMessage);
  }).not.toThrow();
  const tally = { fatal: 0, error: 0, warning: 0, info: 0 };
  for (const f of report.findings) tally[f.severity]++;
  expect(report.counts).toEqual(tally);
  expect(report.valid).toBe(tally.fatal === 0 && tally.error === 0);
  expect(validateReports([{ file: 'x', ...report }]), JSON.stringify(validateReports.errors?.slice(0, 3))).toBe(true);
  for (const f of report.findings) expect(rulesById.has(f.ruleId), f.ruleId).toBe(true);
  expect(
    report.findings.filter((f) => /unexpectedly/.test(f.message)),
    'a rule or the walk crashed',
  ).toEqual([]);
  return report;
}
const rows = (report: Report) => report.findings.map((f) => [f.ruleId, f.path]);

describe('wrongly typed values are findings, and nothing else sees them', () => {
  it('the unedited model has none', () => {
    expect(check(MESSAGE).findings).toEqual([]);
  });

  it('a numeric CPR number: GOP-STRUCT-005 alone (not also missing, not a format finding), without its digits', () => {
    const message = copy();
    message.rehabilitationPlan.patient.civilRegistrationNumber = 512471830;
    const report = check(message);
    expect(rows(report)).toEqual([['GOP-STRUCT-005', `${P}/Patient/CivilRegistrationNumber`]]);
    expect(report.findings[0]).toMatchObject({
      severity: 'error',
      message: 'CivilRegistrationNumber must be text (a string), not a number; it is left out of every other check.',
      messageDa: 'CivilRegistrationNumber skal være tekst (en streng), ikke et tal; værdien indgår ikke i de øvrige kontroller.',
    });
    expect(JSON.stringify(report)).not.toContain('512471830');
    expect(report.valid).toBe(false);
    expect(report.facts?.patient).not.toHaveProperty('cpr');
  });

  it('an object, an array, a boolean where text belongs', () => {
    for (const value of [{ value: 'almen' }, ['almen'], true, 7n]) {
      const message = copy();
      message.rehabilitationPlan.typeOfRehabilitationPlan = value;
      const report = check(message);
      expect(report.findings[0]).toMatchObject({ ruleId: 'GOP-STRUCT-005', path: `${P}/TypeOfRehabilitationPlan` });
      expect(report.findings.map((f) => f.ruleId)).not.toContain('GOP-STRUCT-001'); // one defect, one structure finding
    }
  });

  it('text where formatted text belongs: says how to make it', () => {
    const message = copy();
    message.rehabilitationPlan.abilityAtDischargeSummary = 'Går med rollator';
    const report = check(message);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'GOP-STRUCT-005',
      path: `${P}/AbilityAtDischargeSummary`,
      message: expect.stringContaining('formattedText() makes one'),
    });
    expect(report.findings.map((f) => f.ruleId)).toContain('GOP-LAW-002'); // the ability is then not described
  });

  it('formatted text with a text or content of the wrong type, or nodes no formatted text has', () => {
    for (const [value, at] of [
      [{ text: 5, content: [] }, 'text'],
      [{ text: 'x', content: 'x' }, 'content'],
      [{ text: 'x', content: [{ type: 'text', value: 5 }] }, 'content'],
      [{ text: 'x', content: [{ type: 'blink', content: [] }] }, 'content'],
      [{ text: 'x', content: [null] }, 'content'],
      [{ text: 'x', content: [{ type: 'bold' }] }, 'content'],
    ] as const) {
      const message = copy();
      message.rehabilitationPlan.abilityAtDischargeSummary = value;
      expect(check(message).findings[0]).toMatchObject({ ruleId: 'GOP-STRUCT-005', path: `${P}/AbilityAtDischargeSummary/${at}` });
    }
  });

  it('a non-array where an element repeats, and a list item that is no object (the others keep their index)', () => {
    const notList = copy();
    notList.rehabilitationPlan.ccReceiver = { eanIdentifier: '5790000121526' };
    expect(check(notList).findings[0]).toMatchObject({
      ruleId: 'GOP-STRUCT-005',
      path: `${P}/CCReceiver`,
      message: expect.stringContaining('must be a list, an array (the element may repeat), not an object'),
    });

    const items = copy();
    items.rehabilitationPlan.consentInformed = 'nej'; // GOP-LAW-006 reports each copy receiver, by index
    items.rehabilitationPlan.ccReceiver = [null, { eanIdentifier: '5790000121526' }, 'x'];
    const report = check(items);
    expect(rows(report).filter(([id]) => id === 'GOP-STRUCT-005')).toEqual([
      ['GOP-STRUCT-005', `${P}/CCReceiver[1]`],
      ['GOP-STRUCT-005', `${P}/CCReceiver[3]`],
    ]);
    expect(
      rows(report)
        .filter(([id]) => id === 'GOP-LAW-006')
        .map(([, path]) => path),
    ).toContain(`${P}/CCReceiver[2]`);
    expect(rows(report).filter(([id]) => id === 'GOP-STRUCT-001')).toEqual([]); // nothing "missing" inside the refused items
  });

  it('null anywhere, a flag that is not true, a Date or a Map where an object belongs', () => {
    const cases: [(m: ReturnType<typeof copy>) => void, string][] = [
      [
        (m) => {
          m.rehabilitationPlan = null;
        },
        '/Emessage/RehabilitationPlan',
      ],
      [
        (m) => {
          m.rehabilitationPlan.patient = null;
        },
        `${P}/Patient`,
      ],
      [
        (m) => {
          m.rehabilitationPlan.patient.personGivenName = null;
        },
        `${P}/Patient/PersonGivenName`,
      ],
      [
        (m) => {
          m.rehabilitationPlan.gpccReceiver = { deselected: false };
        },
        `${P}/GPCCReceiver/Deselected`,
      ],
      [
        (m) => {
          m.rehabilitationPlan.gpccReceiver = { deselected: 'ja' };
        },
        `${P}/GPCCReceiver/Deselected`,
      ],
      [
        (m) => {
          m.envelope = new Date(0);
        },
        '/Emessage/Envelope',
      ],
      [
        (m) => {
          m.rehabilitationPlan.sender = new Map();
        },
        `${P}/Sender`,
      ],
      [
        (m) => {
          m.extraElements = 'x';
        },
        '/Emessage/extraElements',
      ],
      [
        (m) => {
          m.extraElements = [{ path: 1 }];
        },
        '/Emessage/extraElements[1]',
      ],
    ];
    for (const [edit, path] of cases) {
      const message = copy();
      edit(message);
      const report = check(message);
      expect(report.findings[0], path).toMatchObject({ ruleId: 'GOP-STRUCT-005', path });
      expect(report.valid).toBe(false);
    }
  });

  it('no object at all (null, undefined, a number, a string, an array): no message object, but input to read, not readable', () => {
    for (const message of [null, undefined, 42, 'plan', [], () => 1]) {
      const report = check(message);
      expect(report.findings[0]).toMatchObject({ ruleId: expect.stringMatching(/^GOP-INPUT-00\d$/), severity: 'fatal' });
      expect(report.valid).toBe(false);
    }
  });
});

describe('cycles are findings, not a hang or a stack overflow', () => {
  it('an object that contains itself, by a known property', () => {
    const message = copy();
    message.rehabilitationPlan.patient = message.rehabilitationPlan;
    const report = check(message);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'GOP-STRUCT-005',
      path: `${P}/Patient`,
      message: 'Patient refers back to an object that contains it (a cycle); it is left out of every other check.',
    });
  });

  it('through a list, through the root, and by an unknown property (reported as unknown, never walked)', () => {
    const message = copy();
    message.rehabilitationPlan.ccReceiver = [message];
    message.rehabilitationPlan.sender.self = message;
    const report = check(message);
    expect(rows(report)).toEqual(
      expect.arrayContaining([
        ['GOP-STRUCT-005', `${P}/CCReceiver[1]`],
        ['GOP-STRUCT-003', `${P}/Sender/self`],
      ]),
    );
  });

  it('in formatted text, and formatted text nested absurdly deep', () => {
    const cyclic = copy();
    const bold: { type: 'bold'; content: unknown[] } = { type: 'bold', content: [] };
    bold.content.push(bold);
    cyclic.rehabilitationPlan.abilityAtDischargeSummary = { text: 'x', content: [bold] };
    expect(check(cyclic).findings[0]).toMatchObject({
      ruleId: 'GOP-STRUCT-005',
      path: `${P}/AbilityAtDischargeSummary/content`,
      message: expect.stringContaining('(a cycle)'),
    });

    const deep = copy();
    let node: unknown = { type: 'text', value: 'x' };
    for (let i = 0; i < 100_000; i++) node = { type: 'italic', content: [node] };
    deep.rehabilitationPlan.abilityAtDischargeSummary = { text: 'x', content: [node] };
    expect(check(deep).findings[0]).toMatchObject({
      ruleId: 'GOP-STRUCT-005',
      message: expect.stringContaining('nested deeper than 256 levels'),
    });
  });

  it('a shared (not cyclic) object is no cycle', () => {
    const message = copy();
    const party = { eanIdentifier: '5790000121526' };
    message.rehabilitationPlan.ccReceiver = [party, party];
    expect(check(message).findings.map((f) => f.ruleId)).not.toContain('GOP-STRUCT-005');
  });
});

describe('an object that throws when read', () => {
  it('is reported as not validated, not thrown', () => {
    const message = copy();
    Object.defineProperty(message.rehabilitationPlan, 'patient', {
      enumerable: true,
      get() {
        throw new Error('no access');
      },
    });
    let report!: Report;
    expect(() => {
      report = checkGop(message);
    }).not.toThrow();
    expect(report.valid).toBe(false);
    expect(report.findings[0]!.message).toContain('no access');
  });
});

describe('any value anywhere in the model (property, 300 runs): no throw, no crash of a rule, a consistent report', () => {
  /** Every path to a value of minimal.xml's model. */
  const allPaths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    allPaths.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(MESSAGE, []);

  it('replacing one value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths.filter((p) => p.length > 0)),
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        (path, value) => {
          const message = copy();
          let parent = message;
          for (const segment of path.slice(0, -1)) parent = parent[segment];
          parent[path[path.length - 1]!] = value;
          check(message);
        },
      ),
      { numRuns: 300 },
    );
  });
});

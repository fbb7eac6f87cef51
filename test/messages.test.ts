import { describe, expect, it } from 'vitest';
import { checkGop, LANGUAGES, renderMessage, rules, rulesById, type Finding } from '../src/index';
import { tinyMessage } from './helpers';

/** Sample data for any message: every name a rule's texts read, with a plausible value of its type. */
const STRINGS = [
  'code',
  'reference',
  'name',
  'attribute',
  'uri',
  'open',
  'target',
  'element',
  'char',
  'prefix',
  'local',
  'namespace',
  'label',
  'byte',
  'kind',
  'typeCode',
  'versionCode',
  'carries',
  'declared',
  'version',
  'id',
  'ean',
  'detail',
  'parent',
  'property',
  'text',
  'value',
  'authorised',
  'discharge',
  'first',
  'second',
  'deadline',
  'explanation',
  'explanationDa',
];
const BASE: Record<string, string | number | boolean> = {
  ...Object.fromEntries(STRINGS.map((k) => [k, `x${k}`])),
  element: 'SenderID',
  max: 2,
  size: 9,
  offset: 4,
  actual: 3,
  depth: 5,
  shown: 10,
  fatal: 1,
  error: 2,
  warning: 0,
  info: 1,
  declared: true,
  hasText: true,
  list: 'RelationCode',
  who: 'contactCounty',
  to: 'gp',
  expected: 3,
  found: 'number',
};
const samples = (ruleId: string) =>
  ruleId === 'GOP-STRUCT-005'
    ? [
        { ...BASE, expected: 'text' },
        { ...BASE, expected: 'formattedContent', found: 'array' },
      ]
    : ruleId === 'GOP-STRUCT-003'
      ? [{ ...BASE, expected: 'urn:y' }]
      : [BASE, { ...BASE, declared: false, hasText: false, max: 1 }];

/** Words that would show English inside a Danish text. */
const ENGLISH = [
  ' the ',
  ' is not ',
  ' is ',
  ' not ',
  ' has ',
  ' with ',
  ' which ',
  ' must ',
  ' may ',
  ' cannot ',
  ' and ',
  'nothing',
  '(no namespace)',
];
const READER = /^GOP-(INPUT|STRUCT)-/;

describe('rule messages', () => {
  for (const rule of rules) {
    for (const messageId of Object.keys(rule.messages)) {
      it(`${rule.id} ${messageId} renders in every language`, () => {
        for (const data of samples(rule.id)) {
          for (const language of LANGUAGES) {
            const text = renderMessage(rule, messageId, data, language);
            expect(text.trim(), language).not.toBe('');
            expect(text.replace('is undefined in windows-1252', '')).not.toMatch(/undefined|\[object|NaN/);
          }
          const da = ` ${renderMessage(rule, messageId, data, 'da')} `;
          expect(da).not.toBe(` ${renderMessage(rule, messageId, data, 'en')} `);
          if (READER.test(rule.id))
            for (const word of ENGLISH) expect(da, `${rule.id} ${messageId}: "${word}" in ${da}`).not.toContain(word);
        }
      });
    }
  }
});

const enc = (s: string) => new TextEncoder().encode(s);
const plan = tinyMessage();

/** A finding's texts are its message rendered from its messageId and data. */
function expectReRendered(finding: Finding) {
  const rule = rulesById.get(finding.ruleId)!;
  expect(Object.keys(rule.messages)).toContain(finding.messageId);
  expect(renderMessage(rule, finding.messageId, finding.data, 'en')).toBe(finding.message);
  expect(renderMessage(rule, finding.messageId, finding.data, 'da')).toBe(finding.messageDa);
  for (const value of Object.values(finding.data)) expect(['string', 'number', 'boolean']).toContain(typeof value);
}

describe('findings carry messageId and data', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['DOCTYPE', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${plan.replace(/^<\?xml[^>]*\?>/, '')}`, 'GOP-INPUT-002'],
    ['bad encoding', enc('<?xml version="1.0" encoding="EBCDIC"?><a/>'), 'GOP-INPUT-003'],
    ['bad UTF-8', new Uint8Array([...enc('<?xml version="1.0"?><a>'), 0xff, ...enc('</a>')]), 'GOP-INPUT-003'],
    ['truncated', plan.slice(0, Math.floor(plan.length / 2)), 'GOP-INPUT-001'],
    ['not a G-GOP', '<?xml version="1.0"?><root xmlns="urn:x"/>', 'GOP-INPUT-005'],
    ['no namespace', '<?xml version="1.0"?><root/>', 'GOP-INPUT-005'],
  ];
  for (const [name, input, ruleId] of cases) {
    it(`${name}: ${ruleId}, re-rendered equal, Danish without English`, () => {
      const report = checkGop(input);
      const finding = report.findings.find((f) => f.ruleId === ruleId)!;
      expect(finding, JSON.stringify(report.findings)).toBeDefined();
      expectReRendered(finding);
      for (const word of ENGLISH) expect(` ${finding.messageDa} `).not.toContain(word);
    });
  }

  it('a DOCTYPE reads "DOCTYPE-erklæring" in Danish, not an English phrase', () => {
    const finding = checkGop(`<!DOCTYPE x><x/>`).findings[0]!;
    expect(finding.messageId).toBe('doctype');
    expect(finding.messageDa).toMatch(/^Dokumentet indeholder en DOCTYPE-erklæring;/);
  });

  it('rule findings of a whole plan re-render from messageId and data', () => {
    const report = checkGop(plan, { referenceDate: '2019-03-01' });
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) expectReRendered(finding);
  });

  it('an internal failure is GOP-INPUT-009 (fatal), never valid', () => {
    const rule = rulesById.get('GOP-LAW-005')!;
    const check = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const report = checkGop(plan);
      const finding = report.findings.find((f) => f.ruleId === 'GOP-INPUT-009')!;
      expect(finding.severity).toBe('fatal');
      expect(finding.data).toEqual({ detail: 'boom' });
      expect(report.valid).toBe(false);
      expectReRendered(finding);
    } finally {
      rule.check = check;
    }
  });
});

describe('redaction reaches data', () => {
  it("with redact, no name or CPR number is left in a finding's data, nor in its texts", () => {
    const xml = plan.replace(/<Emessage\b/, '<Emessage note="Østergård 010101-1234 ase@example.dk"');
    const plain = checkGop(xml).findings.find((f) => f.messageId === 'unknownAttribute')!;
    expect(plain.data['value']).toContain('Østergård');
    const finding = checkGop(xml, { redact: true }).findings.find((f) => f.messageId === 'unknownAttribute')!;
    const all = JSON.stringify(finding);
    for (const secret of ['Østergård', '010101', '1234', 'ase@example.dk']) expect(all).not.toContain(secret);
    // by construction: the value from the message leaves only as a placeholder with its length
    expect(finding.data['value']).toBe('[masked, 36 characters]');
    expect(finding.messageDa).toContain('[skjult, 36 tegn]');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGop } from '../src/index';
import { FIXTURES_DIR, OTHER_PREFIXES, reprefix } from './helpers';

interface ManifestEntry {
  file: string;
  valid: boolean;
  level?: string;
  dischargeDate?: string;
  expectRules: string[];
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const bytesOf = (file: string) => readFileSync(`${FIXTURES_DIR}${file}`);
const READER_LAYERS = /^GOP-(INPUT|STRUCT)-/;

describe('fixtures: what the reader finds', () => {
  it('has at least 12 fixtures, all three levels, ISO-8859-1 and a VANSEnvelope', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(12);
    const levels = new Set(manifest.filter((m) => m.valid).map((m) => m.level));
    expect(levels).toEqual(new Set(['almen', 'specialiseret', 'rehabilitering']));
    expect(manifest.some((m) => bytesOf(m.file).includes('encoding="ISO-8859-1"'))).toBe(true);
    expect(manifest.some((m) => bytesOf(m.file).includes('VANSEnvelope'))).toBe(true);
  });

  it.each(manifest.filter((m) => m.file.startsWith('valid/')))('reads $file with no reader finding', ({ file, level, dischargeDate }) => {
    const result = parseGop(bytesOf(file));
    expect(result.findings).toEqual([]);
    if (!result.ok) throw new Error('not ok');
    expect(result.message.rehabilitationPlan.typeOfRehabilitationPlan).toBe(level);
    expect(result.message.rehabilitationPlan.currentHospitalContact?.expectedEnd?.date).toBe(dischargeDate);
  });

  it.each(manifest.filter((m) => m.expectRules.some((r) => READER_LAYERS.test(r))))(
    '$file: the reader reports $expectRules',
    ({ file, expectRules }) => {
      const ids = parseGop(bytesOf(file)).findings.map((f) => f.ruleId);
      for (const rule of expectRules.filter((r) => READER_LAYERS.test(r))) expect(ids).toContain(rule);
    },
  );

  it.each(manifest.filter((m) => m.file.startsWith('valid/') && !m.file.includes('vans')))(
    '$file reads the same with other prefixes',
    ({ file }) => {
      const original = parseGop(bytesOf(file));
      const text = new TextDecoder(bytesOf(file).includes('ISO-8859-1') ? 'latin1' : 'utf-8').decode(bytesOf(file));
      const again = parseGop(reprefix(text, OTHER_PREFIXES));
      expect(again.ok && original.ok && again.message).toEqual(original.ok && original.message);
    },
  );
});

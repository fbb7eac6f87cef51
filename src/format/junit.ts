import type { Formatter, FormatOptions } from './types';
import { messageIn } from './types';
import { escapeXml } from './xml-escape';

/**
 * JUnit XML as CI servers read it: one testcase per file, one failure per error (text in the body), warnings in
 * system-out. Each file is its own testsuite, so counts are known when it is written and the output streams.
 */
export function junitFormatter(options: FormatOptions = {}): Formatter {
  const message = messageIn(options.language);
  const seen = new Map<string, number>();
  return {
    begin: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="medcom-gop">\n',
    file({ file, report }) {
      const count = (seen.get(file) ?? 0) + 1;
      seen.set(file, count);
      const name = escapeXml(count === 1 ? file : `${file} (${count})`); // names stay unique
      const errors = report.findings.filter((f) => f.severity === 'fatal' || f.severity === 'error');
      const others = report.findings.filter((f) => f.severity === 'warning' || f.severity === 'info');
      const where = (f: { line?: number; column?: number }) => (f.line ? `${file}:${f.line}:${f.column}` : file);
      const failures = errors
        .map((f) => `      <failure type="${f.ruleId}" message="${escapeXml(`${f.ruleId}: ${message(f)}`)}">${escapeXml(`${where(f)} ${f.severity} ${f.ruleId} ${message(f)}\npath: ${f.path}${f.reference ? `\nreference: ${f.reference}` : ''}`)}</failure>\n`)
        .join('');
      const out = others.length ? `      <system-out>${escapeXml(others.map((f) => `${where(f)} ${f.severity} ${f.ruleId} ${message(f)}`).join('\n'))}</system-out>\n` : '';
      return `  <testsuite name="${name}" tests="1" failures="${errors.length ? 1 : 0}" errors="0" skipped="0">\n` +
        `    <testcase name="${name}" classname="medcom-gop">\n${failures}${out}    </testcase>\n  </testsuite>\n`;
    },
    end: () => '</testsuites>\n',
  };
}

import type { Formatter, FormatOptions } from './types';
import { streaming, daysLeft, fileNamer, locationOf, messageIn } from './types';
import { escapeXml, xmlLineWithoutCommandStart } from './xml-escape';
import { uiIn } from './ui-texts';

/**
 * JUnit XML as CI servers read it: one testcase per file, one failure per error (text in the body), warnings in
 * system-out. Each file is its own testsuite, so counts are known when it is written and the output streams.
 * What the deadline was read as (deadlineKind: unreadable is not none) and the start dates (startBy, startByBecause and
 * standardStartBy too) are testcase properties, and the deadline, the guarantee and the binding date as the text summary
 * says them lines of system-out. The reference date and the days
 * left to the start dates (properties, and a second line) only when it was given (FormatOptions.referenceDateGiven),
 * so that the same files give the same report on any day.
 */
export function junitFormatter(options: FormatOptions = {}): Formatter {
  const message = messageIn(options.language);
  const ui = uiIn(options.language);
  const seen = new Map<string, number>();
  const nameOf = fileNamer(options);
  return streaming({
    begin: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="medcom-gop">\n',
    piece(result) {
      const { report } = result;
      // Under redaction the placeholder names the testsuite and testcase and starts each line (classname is ours).
      const file = nameOf(result).name;
      const errors = report.findings.filter((f) => f.severity === 'fatal' || f.severity === 'error');
      const others = report.findings.filter((f) => f.severity === 'warning' || f.severity === 'info');
      // Data escaped piece by piece: the line breaks are ours, and a line that starts with a file name cannot start a command.
      const line = (f: (typeof report.findings)[number]) =>
        xmlLineWithoutCommandStart(
          `${escapeXml(locationOf(file, f))} ${ui.severity[f.severity]} ${escapeXml(f.ruleId)} ${escapeXml(message(f))}`,
        );
      const failures = errors
        .map(
          (f) =>
            `      <failure type="${escapeXml(f.ruleId)}" message="${escapeXml(`${f.ruleId}: ${message(f)}`)}">${line(f)}\npath: ${escapeXml(f.path)}${f.reference ? `\nreference: ${escapeXml(f.reference)}` : ''}</failure>\n`,
        )
        .join('');
      // The start dates on any day; the reference date and the days left only when it was given (referenceDateGiven).
      const days = daysLeft(report, options);
      const language = options.language === 'da' ? 'da' : 'en';
      const outLines = others.map(line);
      if (days) outLines.push(escapeXml(days.startDates[language]), escapeXml(days.startByWords[language]));
      if (days?.words) outLines.push(escapeXml(days.words[language]));
      const out = outLines.length ? `      <system-out>${outLines.join('\n')}</system-out>\n` : '';
      let properties = '';
      if (days) {
        const props: [string, string | number | undefined][] = [
          ['referenceDate', days.referenceDate],
          ['deadlineKind', days.deadlineKind],
          ['mustStartBy', days.mustStartBy],
          ['daysUntilMustStart', days.daysUntilMustStart],
          ['guaranteedStartBy', days.guaranteedStartBy],
          ['daysUntilGuaranteedStart', days.daysUntilGuaranteedStart],
          ['guaranteeIfNoLaterStart', days.guaranteeIfNoLaterStart],
          ['startBy', days.startBy],
          ['startByBecause', days.startByBecause],
          ['standardStartBy', days.standardStartBy],
        ];
        properties = `      <properties>\n${props
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `        <property name="${k}" value="${escapeXml(String(v))}"/>\n`)
          .join('')}      </properties>\n`;
      }
      return { text: `${properties}${failures}${out}`, name: file, failed: errors.length > 0 };
    },
    place(piece) {
      const file = piece.name!;
      const count = (seen.get(file) ?? 0) + 1;
      seen.set(file, count);
      const name = escapeXml(count === 1 ? file : `${file} (${count})`); // names stay unique
      return (
        `  <testsuite name="${name}" tests="1" failures="${piece.failed ? 1 : 0}" errors="0" skipped="0">\n` +
        `    <testcase name="${name}" classname="medcom-gop">\n${piece.text}    </testcase>\n  </testsuite>\n`
      );
    },
    end: () => '</testsuites>\n',
  });
}

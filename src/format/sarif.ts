import { rules } from '../rules/index';
import type { Severity } from '../findings/finding';
import type { Formatter, FormatOptions } from './types';
import { daysLeft, fileNamer, messageIn } from './types';
import { redactedFileUri } from '../texts/ui';
import { jsonWithoutControls } from '../values/controls';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { fatal: 'error', error: 'error', warning: 'warning', info: 'note' };
const INFORMATION_URI = 'https://www.npmjs.com/package/medcom-gop';
const HELP_URI = 'https://www.npmjs.com/package/medcom-gop#the-rule-catalogue';

/** A file name as a SARIF artifact URI: forward slashes, percent-encoded, relative names kept relative. */
function artifactUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/')).replace(/[?#]/g, encodeURIComponent);
}

/**
 * SARIF 2.1.0: the catalogue as tool.driver.rules, one result per finding with its physical location. Each result of
 * a file carries the reference date, what the deadline was read as (deadlineKind: unreadable is not none), the start
 * dates in words as the text summary says them and the days left to them as properties; run.properties the reference
 * date, when every file had the same. JSON strings hold controls only as \uXXXX escapes (the values are the same).
 */
export function sarifFormatter(options: FormatOptions = {}): Formatter {
  const message = messageIn(options.language);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  let first = true;
  let referenceDate: string | undefined | null = null; // null: no file yet; undefined: none, or not the same for all
  const nameOf = fileNamer(options);
  return {
    begin() {
      const driver = {
        name: 'medcom-gop',
        version: options.toolVersion ?? '0.0.0',
        informationUri: INFORMATION_URI,
        rules: rules.map((rule) => ({
          id: rule.id,
          name: rule.title.en,
          shortDescription: { text: rule.title.en },
          fullDescription: { text: rule.docs.en },
          helpUri: HELP_URI,
          defaultConfiguration: { level: LEVEL[rule.severity] },
          properties: { layer: rule.layer, titleDa: rule.title.da, reference: rule.reference },
        })),
      };
      const head = JSON.stringify(
        { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver }, results: [] }] },
        null,
        1,
      );
      // Everything up to the results array, which is filled as files arrive.
      return jsonWithoutControls(`${head.slice(0, head.lastIndexOf('[]'))}[`);
    },
    file(result) {
      const { file, report } = result;
      // Under redaction a relative URI of the placeholder (redacted/file-3), still a valid artifactLocation.uri.
      const { position } = nameOf(result);
      const uri = position === undefined ? artifactUri(file) : redactedFileUri(position);
      let out = '';
      referenceDate = referenceDate === null || referenceDate === report.referenceDate ? report.referenceDate : undefined;
      const days = daysLeft(report);
      const dayProperties = days && {
        referenceDate: days.referenceDate,
        deadlineKind: days.deadlineKind,
        mustStartBy: days.mustStartBy,
        daysUntilMustStart: days.daysUntilMustStart,
        guaranteedStartBy: days.guaranteedStartBy,
        daysUntilGuaranteedStart: days.daysUntilGuaranteedStart,
        guaranteeIfNoLaterStart: days.guaranteeIfNoLaterStart,
        startDates: days.startDates.en,
        startDatesDa: days.startDates.da,
        daysLeft: days.en,
        daysLeftDa: days.da,
      };
      for (const f of report.findings) {
        const physicalLocation: Record<string, unknown> = { artifactLocation: { uri } };
        if (f.line) physicalLocation.region = f.column ? { startLine: f.line, startColumn: f.column } : { startLine: f.line };
        const result = {
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: message(f) },
          locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: f.path, kind: 'element' }] }],
          properties: { severity: f.severity, messageDa: f.messageDa, reference: f.reference, ...dayProperties },
        };
        out += (first ? '\n' : ',\n') + jsonWithoutControls(JSON.stringify(result));
        first = false;
      }
      return out;
    },
    end: () => `\n]${referenceDate ? `, "properties": ${JSON.stringify({ referenceDate })}` : ''}}]}\n`,
  };
}

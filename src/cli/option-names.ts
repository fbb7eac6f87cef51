import { checkParseOptions, GopOptionsError, type ParseLimits } from '../options/index';
import type { Finding } from '../findings/finding';
import { UsageError, type OptionSpec, type ParsedValues } from './args';

/**
 * The one table of the library's option names as the command line spells them: the flag, and the key of
 * gop.config.json where `gop validate` reads it from a file. A message the CLI passes on from the library names these,
 * never the library's own names (`maxBytes`, `requesterSor`), which a user of `gop` cannot type anywhere.
 */
export const OPTION_NAMES: Readonly<Record<string, { flag: string; configKey?: string }>> = {
  // checkGop and parseGop
  maxBytes: { flag: '--max-bytes', configKey: 'maxBytes' },
  maxDepth: { flag: '--max-depth', configKey: 'maxDepth' },
  maxElements: { flag: '--max-elements', configKey: 'maxElements' },
  maxAttributes: { flag: '--max-attributes', configKey: 'maxAttributes' },
  maxFindings: { flag: '--max-findings', configKey: 'maxFindings' },
  referenceDate: { flag: '--reference-date', configKey: 'referenceDate' },
  severity: { flag: '--rule', configKey: 'rules' },
  language: { flag: '--lang', configKey: 'lang' },
  redact: { flag: '--redact', configKey: 'redact' },
  // toKlGatewayReport (gop fhir)
  municipalitySor: { flag: '--municipality-sor' },
  requesterSor: { flag: '--requester-sor' },
  sorForSender: { flag: '--sor-map' },
  receivedAt: { flag: '--received' },
  timestamp: { flag: '--timestamp' },
  almenSplit: { flag: '--almen-split' },
  offeredStart: { flag: '--offered-start' },
  statusReason: { flag: '--status-reason' },
  // receiptFor and wrapReceiptInVans (gop receipt)
  receiptIdentifier: { flag: '--id' },
  sentAt: { flag: '--sent' },
  ownLocationNumbers: { flag: '--own-ean' },
  statisticalCode: { flag: '--statistical-code' },
  envelopeIdentifier: { flag: '--envelope-id' },
  sentDateTime: { flag: '--sent-date-time' },
};

/** Library option names in a text (camelCase ones only: `redact` or `severity` are also plain words) → flags. */
const LIBRARY_NAMES = new RegExp(
  `\\b(${Object.keys(OPTION_NAMES)
    .filter((name) => /[A-Z]/.test(name))
    .join('|')})\\b`,
  'g',
);
const withFlagNames = (text: string): string => text.replace(LIBRARY_NAMES, (name) => OPTION_NAMES[name]!.flag);

/** Library phrases a `gop` user has no use for, and what the command line says instead. */
const LIBRARY_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bcheckGop\b/g, 'gop validate'],
  [/; null or undefined for the default, ([\d,]+)/g, ' (default $1)'],
  [/the catalogue \(rules, gop rules\) lists them/g, 'gop rules lists them'],
];

/** A library text shown by the CLI in its words: option names as flags, checkGop as the command that runs it. */
export function inCliWords(text: string): string {
  let out = withFlagNames(text);
  for (const [pattern, replacement] of LIBRARY_PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/** An issue's text in the words of the command line: "…, not undefined" is an option not given. */
function issueText(message: string, name: string): string {
  const missing = /^(?:must be )?(.*), not undefined$/s.exec(message);
  if (missing) return `${name} is required: ${inCliWords(missing[1]!)}`;
  const text = inCliWords(message);
  // "--requester-sor or --sor-map is required" names the flag itself
  return text.startsWith(`${name} `) ? text : `${name}: ${text}`;
}

/**
 * A library function's option problems (GopOptionsError's issues, by option path such as `severity.GOP-LAW-005`) as
 * one usage error that names what the user changes: the flag, or — for a setting read from the config file, which
 * `fromFile(path)` tells by returning the file as shown — "in FILE: key KEY".
 */
export function optionsUsage(
  issues: readonly { path: string; message: string }[],
  fromFile: (path: string) => string | undefined = () => undefined,
): UsageError {
  const lines = issues.map((issue) => {
    const [head = '', ...rest] = issue.path.split('.');
    const names = OPTION_NAMES[head];
    const file = fromFile(issue.path);
    if (file !== undefined && names?.configKey)
      return `in ${file}: ${issueText(issue.message, `key ${[names.configKey, ...rest].join('.')}`)}`;
    const flag = names?.flag ?? (head || 'options');
    return issueText(issue.message, `${flag}${rest.length ? ` ${rest.join('.')}` : ''}`);
  });
  return new UsageError(lines.join('; '));
}

/** The reader's limits, one flag each (and a config key of the same name for gop validate). */
export const LIMIT_OPTIONS: OptionSpec[] = [
  { name: 'max-bytes', type: 'string', value: 'N', description: 'largest file read, in bytes (default 5242880, 5 MiB)' },
  { name: 'max-depth', type: 'string', value: 'N', description: 'deepest element nesting read (default 64)' },
  { name: 'max-elements', type: 'string', value: 'N', description: 'most elements in one message (default 100000)' },
  { name: 'max-attributes', type: 'string', value: 'N', description: 'most attributes on one element (default 64)' },
];

/** A flag's whole number, or undefined when not given. */
export function wholeNumber(values: ParsedValues, name: string): number | undefined {
  const value = values[name] as string | undefined;
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} ${value}: expected a whole number`);
  return Number(value);
}

/** --max-bytes and the other limits as parseGop's options, checked (a wrong one is a usage error naming its flag). */
export function limitsFrom(values: ParsedValues): ParseLimits {
  try {
    return checkParseOptions({
      maxBytes: wholeNumber(values, 'max-bytes'),
      maxDepth: wholeNumber(values, 'max-depth'),
      maxElements: wholeNumber(values, 'max-elements'),
      maxAttributes: wholeNumber(values, 'max-attributes'),
    });
  } catch (error) {
    if (error instanceof GopOptionsError) throw optionsUsage(error.issues);
    throw error;
  }
}

/** What the command line says where a finding names a library option: the flag (the config key is spelled alike). */
const FINDING_WORDING: readonly (readonly [RegExp, string])[] = [
  [/\(option maxBytes\)/g, '(--max-bytes)'],
  [/\(indstillingen maxBytes\)/g, '(--max-bytes)'],
  [/raise maxFindings/g, 'raise --max-findings'],
  [/hæv maxFindings/g, 'hæv --max-findings'],
];
/** The limit GOP-INPUT-004's other messages are about; the library's text names none. */
const LIMIT_OF_MESSAGE: Record<string, string> = { depth: '--max-depth', elements: '--max-elements', attributes: '--max-attributes' };

/** A report (or a parse result) whose findings about the limits name the flags that change them (GOP-INPUT-004, GOP-INPUT-008). */
export function withCliWording<T extends { findings: Finding[] }>(report: T): T {
  if (!report.findings.some((f) => f.ruleId === 'GOP-INPUT-004' || f.ruleId === 'GOP-INPUT-008')) return report;
  const reword = (text: string, messageId: string) => {
    let out = text;
    for (const [pattern, replacement] of FINDING_WORDING) out = out.replace(pattern, replacement);
    const limit = LIMIT_OF_MESSAGE[messageId];
    return limit && !out.includes(limit) ? `${out.replace(/\.$/, '')} (${limit}).` : out;
  };
  return {
    ...report,
    findings: report.findings.map((f) =>
      f.ruleId === 'GOP-INPUT-004' || f.ruleId === 'GOP-INPUT-008'
        ? { ...f, message: reword(f.message, f.messageId), messageDa: reword(f.messageDa, f.messageId) }
        : f,
    ),
  };
}

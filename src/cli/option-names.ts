import type { z } from 'zod';
import { GopOptionsError, ParseOptionsSchema, type OptionsIssue, type ParseLimits, checkParseOptions } from '../options/index';
import type { Finding } from '../findings/finding';
import { CheckOptionsSchema, SeveritySettingSchema } from '../report/options';
import { BuildOptionsSchema } from '../write/options';
import { UsageError, type OptionSpec, type ParsedValues } from './args';

/*
 * The library's options on the command line, generated from their zod schemas (src/options defineOptions): the flag
 * (the key in kebab case), the key of gop.config.json (the key itself), the help line (the field's describe() text),
 * and the conversion of a flag's text into the option's value. Only what a schema cannot say is written here.
 * The library checks the values; its GopOptionsError is then said with the flag or config key the user typed.
 */

/** How a flag's text becomes the option's value. */
type Kind = 'wholeNumber' | 'boolean' | 'choice' | 'text' | 'severity' | 'entries' | 'jsonFile';

/** What a schema cannot say: a flag or config key not spelled after the option, the kind of a custom value, a placeholder. */
const SPELLINGS: Readonly<Record<string, { flag?: string; configKey?: string; kind?: Kind; value?: string }>> = {
  language: { flag: 'lang', configKey: 'lang' },
  severity: { flag: 'rule', configKey: 'rules', kind: 'severity' },
  referenceDate: { kind: 'text', value: 'YYYY-MM-DD' },
  timeZone: { value: 'ZONE' },
  // an object option given as the path of a JSON file (read by readJsonOption where the folder it is relative to is known)
  standard: { kind: 'jsonFile', value: 'FILE.json' },
};

/** A command-line option generated from a library option. */
export interface LibraryOptionSpec extends OptionSpec {
  library: { key: string; configKey: string; kind: Kind; choices?: readonly string[] };
}

const isLibrary = (spec: OptionSpec): spec is LibraryOptionSpec => 'library' in spec;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** A library option's flag, without the dashes. */
const flagName = (key: string) => SPELLINGS[key]?.flag ?? kebab(key);

/** The field under null/undefined-means-default and its transform: what the value itself is. */
function innermost(field: z.ZodType): z.ZodType {
  const def = field._zod.def as { type: string; in?: z.ZodType; innerType?: z.ZodType };
  if (def.type === 'pipe' && def.in) return innermost(def.in);
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) return innermost(def.innerType);
  return field;
}

function kindOf(value: z.ZodType): { kind: Kind; choices?: readonly string[] } {
  const def = value._zod.def as { type: string; shape?: Record<string, unknown> };
  switch (def.type) {
    case 'number':
      return { kind: 'wholeNumber' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return { kind: 'text' };
    case 'enum':
      return { kind: 'choice', choices: (value as unknown as { options: string[] }).options };
    case 'object':
      return { kind: 'entries', choices: Object.keys(def.shape ?? {}) };
    default:
      throw new Error(`no command-line kind for a zod ${def.type}: name one in SPELLINGS`);
  }
}

const PLACEHOLDER: Record<Kind, (choices?: readonly string[]) => string | undefined> = {
  wholeNumber: () => 'N',
  boolean: () => undefined,
  choice: (choices) => choices!.join('|'),
  text: () => 'TEXT',
  severity: () => `ID=${SeveritySettingSchema.options.join('|')}`,
  entries: (choices) => `${choices!.join('|')}=TEXT`,
  jsonFile: () => 'FILE.json',
};

/** What a command says about an option beyond the library's description, or instead of it. */
interface FlagHelp {
  also?: string;
  instead?: string;
}

/** One library option of `schema` as a command-line option: flag, config key, help and kind from the schema. */
export function libraryOption(schema: z.ZodObject, key: string, help: FlagHelp = {}): LibraryOptionSpec {
  const field = schema.shape[key] as z.ZodType | undefined;
  if (!field) throw new Error(`${key} is no option of this schema`);
  const spelling = SPELLINGS[key] ?? {};
  const { kind, choices } = spelling.kind ? { kind: spelling.kind, choices: undefined } : kindOf(innermost(field));
  const repeatable = kind === 'severity' || kind === 'entries';
  const described = help.instead ?? inCliWords(field.description ?? key);
  const also = help.also ?? (repeatable ? '(repeatable)' : undefined);
  return {
    name: flagName(key),
    type: kind === 'boolean' ? 'boolean' : 'string',
    ...(repeatable ? { multiple: true } : {}),
    ...(kind === 'boolean' ? {} : { value: spelling.value ?? PLACEHOLDER[kind](choices) }),
    description: also ? `${described} ${also}` : described,
    library: { key, configKey: spelling.configKey ?? key, kind, ...(choices ? { choices } : {}) },
  };
}

/** Several options of one schema, in the order given. */
export const libraryOptions = (schema: z.ZodObject, keys: readonly string[], help: Readonly<Record<string, FlagHelp>> = {}) =>
  keys.map((key) => libraryOption(schema, key, help[key]));

// ---------------------------------------------------------------------------------------------------------------
// Conversion: a flag's text → the option's value

const shownFlag = (spec: OptionSpec) => `--${spec.name}`;

/** A flag's whole number, or undefined when not given. */
export function wholeNumber(values: ParsedValues, name: string): number | undefined {
  const value = values[name] as string | undefined;
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} ${value}: expected a whole number`);
  return Number(value);
}

/** `KEY=VALUE` texts of a repeatable flag as an object, each value one of `allowed` when given. */
function entriesOf(spec: OptionSpec, texts: readonly string[], allowed?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of texts) {
    const eq = text.indexOf('=');
    const value = text.slice(eq + 1);
    if (eq <= 0 || (allowed && !allowed.includes(value))) throw new UsageError(`${shownFlag(spec)} ${text}: expected ${spec.value}`);
    out[text.slice(0, eq)] = value;
  }
  return out;
}

function converted(spec: LibraryOptionSpec, values: ParsedValues): unknown {
  const given = values[spec.name];
  if (given === undefined) return undefined;
  const { kind, choices } = spec.library;
  switch (kind) {
    case 'wholeNumber':
      return wholeNumber(values, spec.name);
    case 'choice':
      if (!choices!.includes(given as string)) throw new UsageError(`${shownFlag(spec)} ${given}: expected ${choices!.join(' or ')}`);
      return given;
    case 'severity':
      return entriesOf(spec, given as string[], SeveritySettingSchema.options);
    case 'entries':
      return entriesOf(spec, given as string[]);
    default:
      return given;
  }
}

/** The library options a command's flags give (those of `options` generated here), by library key; unconverted ones left out. */
export function libraryValues(values: ParsedValues, options: readonly OptionSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of options.filter(isLibrary)) {
    const value = converted(spec, values);
    if (value !== undefined) out[spec.library.key] = value;
  }
  return out;
}

/** A command's library flags, converted and checked by `check` (a defineOptions checker): a mistake names the flag. */
export function optionsFrom<T>(values: ParsedValues, options: readonly OptionSpec[], check: (options: unknown) => T): T {
  return checked(check, libraryValues(values, options));
}

/** `check(options)`, its GopOptionsError said in the command line's words (`fromFile`: see optionsIssueLines). */
function checked<T>(check: (options: unknown) => T, options: unknown, fromFile?: (path: string) => string | undefined): T {
  try {
    return check(options);
  } catch (error) {
    if (error instanceof GopOptionsError) throw optionsUsage(error.issues, fromFile);
    throw error;
  }
}

/** Line and column (1-based) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * The value of a file-valued option (kind jsonFile): the JSON in the file at `path`. A file that cannot be read, or is
 * no JSON, is a usage error naming `name` (the flag, or the config key) and the file as `shown`; a JSON error says
 * where, by line and column.
 */
export function readJsonOption(path: string, name: string, shown: string, read: (path: string) => string): unknown {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw new UsageError(`${name} ${shown}: cannot read the file (${(error as Error).message.replace(/^[A-Z]+: /, '').split(',')[0]})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position && !/line \d+/.test(message) ? lineAndColumn(text, Number(position[1])) : undefined;
    throw new UsageError(
      `${name} ${shown}: not JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}${where ? ` at line ${where.line}, column ${where.column}` : ''}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The library's words → the command line's

/** Options of the library functions behind gop fhir and gop receipt, which have no options schema of their own yet. */
const OTHER_FLAGS: Readonly<Record<string, string>> = {
  // toKlGatewayReport (gop fhir)
  municipalitySor: '--municipality-sor',
  requesterSor: '--requester-sor',
  sorForSender: '--sor-map',
  receivedAt: '--received',
  timestamp: '--timestamp',
  almenSplit: '--almen-split',
  offeredStart: '--offered-start',
  statusReason: '--status-reason',
  // receiptFor and wrapReceiptInVans (gop receipt)
  receiptIdentifier: '--id',
  sentAt: '--sent',
  ownLocationNumbers: '--own-ean',
  statisticalCode: '--statistical-code',
  envelopeIdentifier: '--envelope-id',
  sentDateTime: '--sent-date-time',
};

/** Every library option's flag, by the library's name: generated for the schemas' options, listed for the rest. */
const FLAG_OF: Readonly<Record<string, string>> = {
  ...OTHER_FLAGS,
  ...Object.fromEntries(
    [CheckOptionsSchema, BuildOptionsSchema].flatMap((schema) =>
      Object.keys(schema.shape)
        .filter((key) => key !== 'source')
        .map((key) => [key, `--${flagName(key)}`]),
    ),
  ),
};

/** Library option names in a text (camelCase ones only: `redact` or `severity` are also plain words) → flags. */
const LIBRARY_NAMES = new RegExp(
  `\\b(${Object.keys(FLAG_OF)
    .filter((name) => /[A-Z]/.test(name))
    .join('|')})\\b`,
  'g',
);
const withFlagNames = (text: string): string => text.replace(LIBRARY_NAMES, (name) => FLAG_OF[name]!);

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
 * A library function's option problems (GopOptionsError's issues, by option path such as `severity.GOP-LAW-005`), one
 * line each naming what the user changes: the flag, or — for a setting read from the config file, which
 * `fromFile(path)` tells by returning the file as shown — "in FILE: key KEY".
 */
export function optionsIssueLines(
  issues: readonly OptionsIssue[],
  fromFile: (path: string) => string | undefined = () => undefined,
): string[] {
  return issues.map((issue) => {
    const [head = '', ...rest] = issue.path.split('.');
    const file = fromFile(issue.path);
    if (file !== undefined) {
      const configKey = SPELLINGS[head]?.configKey ?? head;
      return `in ${file}: ${issueText(issue.message, `key ${[configKey, ...rest].join('.')}`)}`;
    }
    const flag = FLAG_OF[head] ?? (head || 'options');
    return issueText(issue.message, `${flag}${rest.length ? ` ${rest.join('.')}` : ''}`);
  });
}

/** The issues of a GopOptionsError as one usage error (see optionsIssueLines). */
export const optionsUsage = (issues: readonly OptionsIssue[], fromFile?: (path: string) => string | undefined): UsageError =>
  new UsageError(optionsIssueLines(issues, fromFile).join('; '));

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

// ---------------------------------------------------------------------------------------------------------------
// The options of every reading command (defined last: their help is in the command line's words above)

/** The reader's limits, one flag each (and a config key of the same name for gop validate). */
export const LIMIT_OPTIONS: LibraryOptionSpec[] = libraryOptions(ParseOptionsSchema, [
  'maxBytes',
  'maxDepth',
  'maxElements',
  'maxAttributes',
]);
/** parseGop's options: the limits and maxFindings. */
export const PARSE_OPTIONS: LibraryOptionSpec[] = [...LIMIT_OPTIONS, libraryOption(ParseOptionsSchema, 'maxFindings')];

/** --max-bytes and the other limits as parseGop's options, checked (a wrong one is a usage error naming its flag). */
export const limitsFrom = (values: ParsedValues): ParseLimits => optionsFrom(values, PARSE_OPTIONS, checkParseOptions);

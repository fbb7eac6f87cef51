import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { FORMATS } from '../format/index';
import { LANGUAGES } from '../texts/languages';
import { isIsoDate } from '../values/date';
import { didYouMean } from '../values/edit-distance';
import { UsageError, type ParsedValues } from './args';
import { CLI_TEXTS } from './texts';
import { detailWithoutName } from './file-names';
import { wholeNumber } from './option-names';

const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;

/** A wrong value as a message may show it: short text and numbers as they are, anything else by its kind. */
const shown = (value: unknown): string => {
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a long text';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

// Readable errors instead of zod's own ("Too small: expected number to be >=1"): the same words for a flag and a key.
const wholeNumberSchema = (min: number, max?: number) => {
  const error = (issue: { input?: unknown }) =>
    `must be a whole number ${max === undefined ? `of ${min} or more` : `from ${min} to ${max}`}, not ${shown(issue.input)}`;
  const schema = z.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? schema : schema.max(max, { error });
};
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, not ${shown(issue.input)}` });
const flag = z.boolean({ error: (issue) => `must be true or false, not ${shown(issue.input)}` });
const SeveritySettingSchema = oneOf(SEVERITY_SETTINGS);

/** Settings of `gop validate`: a JSON config file, and the command line over it. */
const ConfigSchema = z
  .object({
    format: oneOf(FORMATS).optional(),
    /** a file, or "-" for standard output */
    output: z
      .string({ error: (issue) => `must be a file name (text), not ${shown(issue.input)}` })
      .min(1, 'must not be empty')
      .optional(),
    lang: oneOf(LANGUAGES).optional(),
    redact: flag.optional(),
    /** -1 (as in eslint) means no limit */
    maxWarnings: wholeNumberSchema(-1).optional(),
    maxFindings: wholeNumberSchema(1).optional(),
    // The reader's limits: checkGop's options of the same names.
    maxBytes: wholeNumberSchema(1).optional(),
    maxDepth: wholeNumberSchema(1).optional(),
    maxElements: wholeNumberSchema(1).optional(),
    maxAttributes: wholeNumberSchema(1).optional(),
    rules: z
      .record(z.string(), SeveritySettingSchema, {
        error: (issue) => `must be an object of rule id → off, info, warning or error, not ${shown(issue.input)}`,
      })
      .optional(),
    referenceDate: z
      .string({ error: (issue) => `must be a date, YYYY-MM-DD, not ${shown(issue.input)}` })
      .refine(isIsoDate, 'must be a real date, YYYY-MM-DD')
      .optional(),
    jobs: wholeNumberSchema(1, 256).optional(),
    quiet: flag.optional(),
    exitZero: flag.optional(),
    ignorePatterns: z
      .array(z.string({ error: 'must be a glob (text)' }).min(1, 'must not be empty'), {
        error: (issue) => `must be a list of globs, not ${shown(issue.input)}`,
      })
      .optional(),
  })
  .strict();
type Config = z.infer<typeof ConfigSchema>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const DEFAULT_CONFIG_FILE = 'gop.config.json';

/** The nearest gop.config.json from `cwd` upward, as eslint finds its config. */
function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The config file as messages name it: its path from the working folder; under --redact, no part of it. */
function configShown(path: string, cwd: string, redact: boolean): string {
  if (redact) return CLI_TEXTS.en.configFile;
  const fromCwd = relative(cwd, path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}

/** `shown`: the file as messages name it. "in gop.config.json: key maxFindings: …", never a flag it does not come from. */
function readConfigFile(path: string, shown: string, redact: boolean): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message.replace(/^[A-Z]+: /, '');
    throw new UsageError(
      `cannot read ${redact ? shown : `config ${shown}`}: ${redact ? detailWithoutName(reason, path, '/', shown) : reason}`,
    );
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const where = (i: z.core.$ZodIssue) => {
      if (i.code === 'unrecognized_keys') {
        return i.keys.map((k) => `in ${shown}: key ${k}: unknown setting${didYouMean(k, Object.keys(ConfigSchema.shape))}`).join('; ');
      }
      return i.path.length ? `in ${shown}: key ${i.path.join('.')}: ${i.message}` : `in ${shown}: ${i.message}`;
    };
    throw new UsageError(parsed.error.issues.map(where).join('; '));
  }
  return parsed.data;
}

function parseRuleOption(value: string): [string, z.infer<typeof SeveritySettingSchema>] {
  const match = /^([^=]+)=(off|info|warning|error)$/.exec(value);
  if (!match) throw new UsageError(`--rule ${value}: expected ID=off|info|warning|error`);
  return [match[1]!, match[2] as z.infer<typeof SeveritySettingSchema>];
}

export interface ValidateSettings {
  config: Config;
  /** the config file used, if any */
  configPath?: string;
  /** whether a setting (its config key, and for `rules` the rule id) came from the config file: the file as shown */
  fromConfigFile: (key: string, rest: readonly string[]) => string | undefined;
  paths: string[];
  /** the name standard input is reported under */
  stdinFilename?: string;
}

/** A config key's flag where it is not simply the key in kebab case. */
const FLAG_OF_KEY: Record<string, string> = { rules: '--rule', ignorePatterns: '--ignore-pattern' };
const flagOf = (key: string) => FLAG_OF_KEY[key] ?? `--${kebab(key)}`;

/** Parsed `gop validate` options + the config file → settings; the command line wins over the file. */
export function resolveSettings(values: ParsedValues, positionals: string[], cwd: string): ValidateSettings {
  const configPath =
    values['config'] === false ? undefined : typeof values['config'] === 'string' ? resolve(cwd, values['config']) : findConfig(cwd);
  const redact = values['redact'] === true;
  const shownConfig = configPath ? configShown(configPath, cwd, redact) : undefined;
  const fromFile: Config = configPath ? readConfigFile(configPath, shownConfig!, redact) : {};
  const integer = (name: string) => wholeNumber(values, name);
  const rules = values['rule'] as string[] | undefined;
  const fromArgs: Partial<Config> = {
    format: values['format'] as Config['format'],
    output: values['output'] as string | undefined,
    lang: values['lang'] as Config['lang'],
    redact: values['redact'] as boolean | undefined,
    maxWarnings: integer('max-warnings'),
    maxFindings: integer('max-findings'),
    maxBytes: integer('max-bytes'),
    maxDepth: integer('max-depth'),
    maxElements: integer('max-elements'),
    maxAttributes: integer('max-attributes'),
    rules: rules ? Object.fromEntries(rules.map(parseRuleOption)) : undefined,
    referenceDate: values['reference-date'] as string | undefined,
    jobs: integer('jobs'),
    quiet: values['quiet'] as boolean | undefined,
    exitZero: values['exit-zero'] as boolean | undefined,
    ignorePatterns: values['ignore-pattern'] as string[] | undefined,
  };
  const merged: Record<string, unknown> = {
    ...fromFile,
    ...Object.fromEntries(Object.entries(fromArgs).filter(([, v]) => v !== undefined)),
  };
  if (fromFile.rules && fromArgs.rules) merged['rules'] = { ...fromFile.rules, ...fromArgs.rules };
  if (fromFile.ignorePatterns && fromArgs.ignorePatterns)
    merged['ignorePatterns'] = [...fromFile.ignorePatterns, ...fromArgs.ignorePatterns];
  const checked = ConfigSchema.safeParse(merged);
  if (!checked.success) {
    // The file's own values were checked as it was read: what fails here came from a flag.
    throw new UsageError(
      checked.error.issues
        .map((i) => `${flagOf(String(i.path[0] ?? ''))}${i.path.length > 1 ? ` ${i.path.slice(1).join('.')}` : ''}: ${i.message}`)
        .join('; '),
    );
  }
  /** A setting (by config key, a rule by `rules.ID`) that holds the file's value, not a flag's: the file as shown. */
  const fromConfigFile = (key: string, rest: readonly string[]): string | undefined => {
    if (shownConfig === undefined || !Object.hasOwn(fromFile, key)) return undefined;
    if (key === 'rules') return rest.length > 0 && !Object.hasOwn(fromArgs.rules ?? {}, rest[0]!) ? shownConfig : undefined;
    return (fromArgs as Record<string, unknown>)[key] === undefined ? shownConfig : undefined;
  };
  // Rule ids (unknown, fatal) are checked with checkGop's own option schema, once, by the command.
  return {
    config: checked.data,
    configPath,
    fromConfigFile,
    paths: positionals.length ? positionals : ['.'],
    stdinFilename: values['stdin-filename'] as string | undefined,
  };
}

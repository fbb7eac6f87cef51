import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { FORMATS } from '../format/index';
import { GopOptionsError } from '../options/index';
import { CheckOptionsSchema, checkCheckOptions, type CheckedOptions } from '../report/options';
import { didYouMean } from '../values/edit-distance';
import { UsageError, type ParsedValues } from './args';
import { CLI_TEXTS } from './texts';
import { detailWithoutName } from './file-names';
import { libraryOptions, libraryValues, optionsIssueLines, readJsonOption, wholeNumber } from './option-names';

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

/** The settings of `gop validate` that are the command line's own (checkGop's are LIBRARY_SETTINGS). */
const OwnSettingsSchema = z.strictObject({
  format: oneOf(FORMATS).optional(),
  /** a file, or "-" for standard output */
  output: z
    .string({ error: (issue) => `must be a file name (text), not ${shown(issue.input)}` })
    .min(1, 'must not be empty')
    .optional(),
  /** -1 (as in eslint) means no limit */
  maxWarnings: wholeNumberSchema(-1).optional(),
  jobs: wholeNumberSchema(1, 256).optional(),
  quiet: flag.optional(),
  exitZero: flag.optional(),
  ignorePatterns: z
    .array(z.string({ error: 'must be a glob (text)' }).min(1, 'must not be empty'), {
      error: (issue) => `must be a list of globs, not ${shown(issue.input)}`,
    })
    .optional(),
});
type Config = z.infer<typeof OwnSettingsSchema>;
const OWN_KEYS = Object.keys(OwnSettingsSchema.shape);

/** checkGop's options as `gop validate` flags and gop.config.json keys, generated from its schema. */
export const LIBRARY_SETTINGS = libraryOptions(
  CheckOptionsSchema,
  [
    'language',
    'redact',
    'maxFindings',
    'maxBytes',
    'maxDepth',
    'maxElements',
    'maxAttributes',
    'severity',
    'referenceDate',
    'timeZone',
    'standard',
  ],
  {
    redact: { also: '(file names too: each file is "file N", its place in the list of files; SARIF: redacted/file-N)' },
    referenceDate: { also: '(default: today in the time zone)' },
    standard: {
      instead:
        "the municipality's quality standard, a JSON file ({ name, start: { within, unit: days|workingDays,\nfrom: discharge }, contact?, weekendStarts?: false }): its dates and the binding start date\nin the facts; in gop.config.json a path relative to the config file",
    },
  },
);
const LIBRARY_KEYS = LIBRARY_SETTINGS.map((spec) => spec.library.configKey);

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

/** gop.config.json's settings as written, by key; "in gop.config.json: …" when it is no JSON object. */
function readConfigFile(path: string, shown: string, redact: boolean): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message.replace(/^[A-Z]+: /, '');
    throw new UsageError(
      `cannot read ${redact ? shown : `config ${shown}`}: ${redact ? detailWithoutName(reason, path, '/', shown) : reason}`,
    );
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new UsageError(
      `in ${shown}: must be an object of settings, not ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : `a ${typeof raw}`}`,
    );
  return raw as Record<string, unknown>;
}

export interface ValidateSettings {
  /** the command line's own settings */
  config: Config;
  /** checkGop's options, checked */
  options: CheckedOptions;
  /** the config file used, if any */
  configPath?: string;
  paths: string[];
  /** the name standard input is reported under */
  stdinFilename?: string;
}

/** A config key's flag where it is not simply the key in kebab case. */
const FLAG_OF_KEY: Record<string, string> = { ignorePatterns: '--ignore-pattern' };
const flagOf = (key: string) => FLAG_OF_KEY[key] ?? `--${kebab(key)}`;

/** The command line's own settings as its flags give them, by config key. */
const ownFromFlags = (values: ParsedValues): Partial<Config> => ({
  format: values['format'] as Config['format'],
  output: values['output'] as string | undefined,
  maxWarnings: wholeNumber(values, 'max-warnings'),
  jobs: wholeNumber(values, 'jobs'),
  quiet: values['quiet'] as boolean | undefined,
  exitZero: values['exit-zero'] as boolean | undefined,
  ignorePatterns: values['ignore-pattern'] as string[] | undefined,
});

/** Parsed `gop validate` options + the config file → settings; the command line wins over the file. */
export function resolveSettings(values: ParsedValues, positionals: string[], cwd: string): ValidateSettings {
  const configPath =
    values['config'] === false ? undefined : typeof values['config'] === 'string' ? resolve(cwd, values['config']) : findConfig(cwd);
  const redact = values['redact'] === true;
  const shownConfig = configPath ? configShown(configPath, cwd, redact) : undefined;
  const fromFile = configPath ? readConfigFile(configPath, shownConfig!, redact) : {};
  // Every setting by its config key: flags first converted, then the file's under them.
  const library = libraryValues(values, LIBRARY_SETTINGS);
  const fromArgs: Record<string, unknown> = { ...ownFromFlags(values) };
  for (const spec of LIBRARY_SETTINGS) fromArgs[spec.library.configKey] = library[spec.library.key];
  const given = Object.fromEntries(Object.entries(fromArgs).filter(([, v]) => v !== undefined));
  const merged: Record<string, unknown> = { ...fromFile, ...given };
  const both = (key: string) => Object.hasOwn(fromFile, key) && Object.hasOwn(given, key);
  const plain = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (both('rules') && plain(fromFile['rules'])) merged['rules'] = { ...(fromFile['rules'] as object), ...(given['rules'] as object) };
  if (both('ignorePatterns') && Array.isArray(fromFile['ignorePatterns']))
    merged['ignorePatterns'] = [...(fromFile['ignorePatterns'] as unknown[]), ...(given['ignorePatterns'] as unknown[])];

  /** Whether a setting (by config key, a rule by its id) holds the file's value, not a flag's: the file as shown. */
  const fileOf = (key: string, rest: readonly string[]): string | undefined => {
    if (shownConfig === undefined || !Object.hasOwn(fromFile, key)) return undefined;
    if (key === 'rules' && rest.length > 0)
      return Object.hasOwn((given['rules'] as object | undefined) ?? {}, rest[0]!) ? undefined : shownConfig;
    return Object.hasOwn(given, key) ? undefined : shownConfig;
  };
  const problems: string[] = [];
  // A file-valued setting: a path, relative to the working folder (flag) or to the config file (key), read as JSON.
  if (typeof merged['standard'] === 'string') {
    const path = merged['standard'];
    const fromConfig = fileOf('standard', []) !== undefined;
    const name = fromConfig ? `in ${shownConfig}: key standard` : '--standard';
    try {
      merged['standard'] = readJsonOption(resolve(fromConfig ? dirname(configPath!) : cwd, path), name, redact ? 'FILE' : path, (file) =>
        readFileSync(file, 'utf8'),
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
      delete merged['standard'];
    }
  }
  for (const key of Object.keys(fromFile))
    if (!OWN_KEYS.includes(key) && !LIBRARY_KEYS.includes(key))
      problems.push(`in ${shownConfig}: key ${key}: unknown setting${didYouMean(key, [...OWN_KEYS, ...LIBRARY_KEYS])}`);
  const own = OwnSettingsSchema.safeParse(Object.fromEntries(OWN_KEYS.filter((k) => Object.hasOwn(merged, k)).map((k) => [k, merged[k]])));
  if (!own.success)
    for (const issue of own.error.issues) {
      const [key = '', ...rest] = issue.path.map(String);
      const file = fileOf(key, rest);
      const name =
        file === undefined ? `${flagOf(key)}${rest.length ? ` ${rest.join('.')}` : ''}` : `in ${file}: key ${issue.path.join('.')}`;
      problems.push(`${name}: ${issue.message}`);
    }
  // checkGop's own check, its issues named by the flag or the config key they came from.
  const options = Object.fromEntries(LIBRARY_SETTINGS.map((spec) => [spec.library.key, merged[spec.library.configKey]]));
  let checked: CheckedOptions | undefined;
  try {
    checked = checkCheckOptions(options);
  } catch (error) {
    if (!(error instanceof GopOptionsError)) throw error;
    const configKeyOf = (key: string) => LIBRARY_SETTINGS.find((spec) => spec.library.key === key)?.library.configKey ?? key;
    problems.push(
      ...optionsIssueLines(error.issues, (path) => {
        const [head = '', ...rest] = path.split('.');
        return fileOf(configKeyOf(head), rest);
      }),
    );
  }
  if (problems.length > 0 || !own.success || !checked) throw new UsageError(problems.join('; '));
  return {
    config: own.data,
    options: checked,
    configPath,
    paths: positionals.length ? positionals : ['.'],
    stdinFilename: values['stdin-filename'] as string | undefined,
  };
}

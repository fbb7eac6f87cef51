import { LanguageSchema } from '../texts/languages';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { FORMATS } from '../format/index';
import { isIsoDate } from '../values/date';
import { didYouMean } from '../values/edit-distance';
import { UsageError, type ParsedValues } from './args';
import { CLI_TEXTS } from '../texts/cli';
import { detailWithoutName } from './file-names';

const SeveritySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

/** Settings of `gop validate`: a JSON config file, and the command line over it. */
const ConfigSchema = z
  .object({
    format: z.enum(FORMATS).optional(),
    /** a file, or "-" for standard output */
    output: z.string().min(1).optional(),
    lang: LanguageSchema.optional(),
    redact: z.boolean().optional(),
    /** -1 (as in eslint) means no limit */
    maxWarnings: z.number().int().min(-1).optional(),
    maxFindings: z.number().int().min(1).optional(),
    rules: z.record(z.string(), SeveritySettingSchema).optional(),
    referenceDate: z.string().refine(isIsoDate, 'must be a real date, YYYY-MM-DD').optional(),
    jobs: z.number().int().min(1).max(256).optional(),
    quiet: z.boolean().optional(),
    exitZero: z.boolean().optional(),
    ignorePatterns: z.array(z.string().min(1)).optional(),
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

/** `redact`: --redact on the command line; the file is then not named (its folders may be named after a person). */
function readConfigFile(path: string, redact: boolean): Config {
  let raw: unknown;
  const shown = redact ? CLI_TEXTS.en.configFile : `config ${path}`;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message.replace(/^[A-Z]+: /, '');
    throw new UsageError(`cannot read ${shown}: ${redact ? detailWithoutName(reason, path, '/', shown) : reason}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const where = (i: z.core.$ZodIssue) => {
      if (i.code === 'unrecognized_keys') {
        return i.keys.map((k) => `${k}: unknown setting${didYouMean(k, Object.keys(ConfigSchema.shape))}`).join('; ');
      }
      return `${i.path.join('.') || '(root)'}: ${i.message}`;
    };
    throw new UsageError(`${shown}: ${parsed.error.issues.map(where).join('; ')}`);
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
  paths: string[];
  /** the name standard input is reported under */
  stdinFilename?: string;
}

/** Parsed `gop validate` options + the config file → settings; the command line wins over the file. */
export function resolveSettings(values: ParsedValues, positionals: string[], cwd: string): ValidateSettings {
  const configPath =
    values['config'] === false ? undefined : typeof values['config'] === 'string' ? resolve(cwd, values['config']) : findConfig(cwd);
  const fromFile = configPath ? readConfigFile(configPath, values['redact'] === true) : {};
  const integer = (name: string) => {
    const value = values[name] as string | undefined;
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} ${value}: expected a whole number`);
    return Number(value);
  };
  const rules = values['rule'] as string[] | undefined;
  const fromArgs: Partial<Config> = {
    format: values['format'] as Config['format'],
    output: values['output'] as string | undefined,
    lang: values['lang'] as Config['lang'],
    redact: values['redact'] as boolean | undefined,
    maxWarnings: integer('max-warnings'),
    maxFindings: integer('max-findings'),
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
    throw new UsageError(
      checked.error.issues
        .map((i) => `--${kebab(String(i.path[0] ?? ''))}${i.path.length > 1 ? ` ${i.path.slice(1).join('.')}` : ''}: ${i.message}`)
        .join('; '),
    );
  }
  // Rule ids (unknown, fatal) are checked with checkGop's own option schema, once, by the command.
  return {
    config: checked.data,
    configPath,
    paths: positionals.length ? positionals : ['.'],
    stdinFilename: values['stdin-filename'] as string | undefined,
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FORMATS } from '../format/index';
import { rulesById } from '../rules/index';
import { isIsoDate } from '../values/date';

const SeveritySettingSchema = z.enum(['off', 'info', 'warning', 'error']);

/** Settings of `gop validate`, from the command line over a JSON config file. */
export const ConfigSchema = z.object({
  format: z.enum(FORMATS).optional(),
  output: z.string().optional(),
  lang: z.enum(['da', 'en']).optional(),
  redact: z.boolean().optional(),
  maxWarnings: z.number().int().min(0).optional(),
  rules: z.record(z.string(), SeveritySettingSchema).optional(),
  referenceDate: z.string().refine(isIsoDate, 'must be a real date, YYYY-MM-DD').optional(),
  jobs: z.number().int().min(1).max(256).optional(),
  quiet: z.boolean().optional(),
  exitZero: z.boolean().optional(),
}).strict();
export type Config = z.infer<typeof ConfigSchema>;

export class UsageError extends Error {}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const DEFAULT_CONFIG_FILE = 'gop.config.json';

function readConfigFile(path: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`config ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function parseRuleOption(value: string): [string, z.infer<typeof SeveritySettingSchema>] {
  const match = /^([A-Z]+-[A-Z]+-\d{3})=(off|info|warning|error)$/.exec(value);
  if (!match) throw new UsageError(`--rule ${value}: expected ID=off|info|warning|error`);
  return [match[1]!, match[2] as z.infer<typeof SeveritySettingSchema>];
}

export interface ValidateArgs {
  config: Config;
  paths: string[];
  /** the name standard input is reported under */
  stdinFilename?: string;
}

/** `gop validate` arguments → settings and paths. Unknown options, bad values and unknown rule ids are usage errors. */
export function parseValidateArgs(argv: string[], cwd: string): ValidateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' }, output: { type: 'string' }, lang: { type: 'string' }, redact: { type: 'boolean' },
        'max-warnings': { type: 'string' }, rule: { type: 'string', multiple: true }, config: { type: 'string' },
        'reference-date': { type: 'string' }, jobs: { type: 'string' }, quiet: { type: 'boolean' }, 'exit-zero': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const configPath = values.config ?? (existsSync(`${cwd}/${DEFAULT_CONFIG_FILE}`) ? `${cwd}/${DEFAULT_CONFIG_FILE}` : undefined);
  const fromFile = configPath ? readConfigFile(configPath) : {};
  const integer = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name} ${value}: expected a whole number`);
    return Number(value);
  };
  const fromArgs = {
    format: values.format, output: values.output, lang: values.lang, redact: values.redact,
    maxWarnings: integer('max-warnings', values['max-warnings']),
    rules: values.rule ? Object.fromEntries(values.rule.map(parseRuleOption)) : undefined,
    referenceDate: values['reference-date'], jobs: integer('jobs', values.jobs), quiet: values.quiet, exitZero: values['exit-zero'],
  };
  const merged = { ...fromFile, ...Object.fromEntries(Object.entries(fromArgs).filter(([, v]) => v !== undefined)) };
  if (fromFile.rules && fromArgs.rules) merged.rules = { ...fromFile.rules, ...fromArgs.rules };
  const checked = ConfigSchema.safeParse(merged);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `--${kebab(String(i.path[0] ?? ''))}: ${i.message}`).join('; '));
  for (const id of Object.keys(checked.data.rules ?? {})) if (!rulesById.has(id)) throw new UsageError(`unknown rule id ${id} (see gop rules)`);
  return { config: checked.data, paths: positionals.length ? positionals : ['.'], stdinFilename: values['stdin-filename'] };
}

import { didYouMean } from '../values/edit-distance';

/** A usage mistake: printed with a pointer to the command's help, exit 2. */
export class UsageError extends Error {}

/** One command-line option, as `gop help` prints it and the parser reads it. */
export interface OptionSpec {
  /** the long name without dashes, e.g. `max-warnings` */
  name: string;
  short?: string;
  type: 'boolean' | 'string';
  /** repeatable: its values are collected in order */
  multiple?: boolean;
  /** the value's placeholder in help, e.g. `N` or `text|json` */
  value?: string;
  description: string;
  /** a boolean that also has `--no-NAME` */
  negatable?: boolean;
}

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

const hint = (given: string, options: readonly OptionSpec[]) => {
  const names = options.flatMap((o) => [`--${o.name}`, ...(o.negatable ? [`--no-${o.name}`] : [])]);
  return didYouMean(given, names);
};

/**
 * Our own reader of arguments, for what node's parseArgs does not give: "did you mean", values that start with a dash
 * (`--max-warnings -1`, `--output -`) and `--no-…`. `--` ends the options; `-` alone is a path (standard input).
 */
export function parseOptions(argv: readonly string[], options: readonly OptionSpec[]): { values: ParsedValues; positionals: string[] } {
  const byLong = new Map(options.map((o) => [o.name, o]));
  const byShort = new Map(options.filter((o) => o.short).map((o) => [o.short!, o]));
  const values: ParsedValues = {};
  const positionals: string[] = [];
  const set = (spec: OptionSpec, value: string | boolean) => {
    if (spec.multiple) (values[spec.name] = (values[spec.name] as string[] | undefined) ?? []).push(value as string);
    else values[spec.name] = value; // the last one counts, as in other tools
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const name = long ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1, 2);
    const inline = long ? (eq === -1 ? undefined : arg.slice(eq + 1)) : arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    let spec = long ? byLong.get(name) : byShort.get(name);
    let negated = false;
    if (!spec && long && name.startsWith('no-')) {
      const positive = byLong.get(name.slice(3));
      if (positive?.negatable) {
        spec = positive;
        negated = true;
      }
    }
    if (!spec) throw new UsageError(`unknown option ${long ? `--${name}` : `-${name}`}${hint(long ? `--${name}` : arg, options)}`);
    const shown = long ? `--${name}` : `-${name}`;
    if (spec.type === 'boolean' || negated) {
      // --no-config: a string option switched off is false, as a boolean's --no- form is
      if (inline !== undefined) throw new UsageError(`${shown} takes no value`);
      values[spec.name] = !negated;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${shown} needs a value${spec.value ? ` (${spec.value})` : ''}`);
    set(spec, value);
  }
  return { values, positionals };
}

/** Help is at most this wide: longer description lines are wrapped at a space. */
const HELP_WIDTH = 120;

/** A description's lines, each at most `width` characters where a space allows (a line break in it is a space). */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \n]+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** The option list as help prints it: `  -f, --format text|json   description`. */
export function describeOptions(options: readonly OptionSpec[]): string {
  const heads = options.map((o) => {
    const long =
      o.type === 'boolean' && o.negatable
        ? `--[no-]${o.name}`
        : `--${o.name}${o.value ? ` ${o.value}` : ''}${o.negatable ? `, --no-${o.name}` : ''}`;
    return `${o.short ? `-${o.short}, ` : '    '}${long}`;
  });
  const width = Math.min(36, Math.max(...heads.map((h) => h.length)) + 2);
  return options
    .map((o, i) => {
      const head = heads[i]!;
      const pad = head.length + 2 > width ? `\n${' '.repeat(width + 2)}` : ' '.repeat(width - head.length);
      return `  ${head}${pad}${wrapped(o.description, HELP_WIDTH - width - 2).join(`\n${' '.repeat(width + 2)}`)}`;
    })
    .join('\n');
}

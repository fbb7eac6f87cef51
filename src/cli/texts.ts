import { countOf } from '../findings/severity-words';
import type { Language } from '../texts/languages';

/** What the CLI itself says on standard error (after "gop: "), per language. Paths and details come already escaped. */
export interface CliTexts {
  cannotWrite: (file: string, reason: string) => string;
  skippedNotRegular: (path: string, detail: string) => string;
  missing: (path: string, detail: string) => string;
  noMatch: (pattern: string, detail: string) => string;
  cannotList: (path: string, detail: string) => string;
  cannotRead: (file: string, detail: string) => string;
  notRegularFile: (kind: string) => string;
  /** `flag`: the option that raises the limit, when the command has one */
  overLimit: (file: string, maxBytes: number, flag?: string) => string;
  interrupted: (seen: number, total: number, unwritten: string | undefined) => string;
  noFiles: string;
  tooManyWarnings: (warnings: number, max: number) => string;
  /** under --redact: a path that was not validated (missing, skipped, no match), numbered in the order reported */
  redactedPath: (n: number) => string;
  /** under --redact: a pattern that matched nothing, named by its placeholder (not quoted: it is not the pattern) */
  noMatchRedacted: (placeholder: string, detail: string) => string;
  /** under --redact: the file of --output (or -o) */
  outputFile: string;
  /** under --redact: the config file, in a usage error */
  configFile: string;
}

const paren = (detail: string) => (detail ? ` (${detail})` : '');

/** A path problem's detail in Danish: from its code (the kind of entry, the OS error), Node's English as the fallback. */
const OS_DA: Record<string, string> = {
  ENOENT: 'findes ikke',
  EACCES: 'adgang nægtet',
  EPERM: 'handlingen er ikke tilladt',
  ELOOP: 'for mange symbolske links',
  ENOTDIR: 'ikke en mappe',
  EISDIR: 'er en mappe',
  EMFILE: 'for mange åbne filer',
  EIO: 'I/O-fejl',
};
const KIND_DA: Record<string, string> = {
  fifo: 'en FIFO',
  socket: 'en socket',
  charDevice: 'en tegnenhed',
  blockDevice: 'en blokenhed',
  directory: 'en mappe',
  other: 'ikke en almindelig fil',
  allIgnored: 'alle fundne filer er udeladt',
};
export function detailIn(language: Language, problem: { detail?: string; code?: string; errno?: string }): string {
  if (language === 'en' || !problem.code) return problem.detail ?? '';
  const os = problem.errno ? (OS_DA[problem.errno] ?? problem.detail ?? '') : (problem.detail ?? '');
  if (problem.code === 'os') return os;
  if (problem.code === 'brokenLink') return `et symbolsk link, der peger på noget, der ikke findes (${os})`;
  return KIND_DA[problem.code] ?? problem.detail ?? '';
}

export const CLI_TEXTS: Record<Language, CliTexts> = {
  en: {
    cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
    skippedNotRegular: (path, detail) => `${path}: skipped, not a regular file${paren(detail)}`,
    missing: (path, detail) => `${path}: ${detail || 'no such file or directory'}`,
    noMatch: (pattern, detail) => `no files matching "${pattern}"${paren(detail)}`,
    cannotList: (path, detail) => `${path}: cannot list the folder${paren(detail)}; the rest was validated`,
    cannotRead: (file, detail) => `${file}: cannot read (${detail})`,
    notRegularFile: (kind) => `not a regular file: ${kind}`,
    overLimit: (file, maxBytes, flag) => `${file}: over the limit of ${maxBytes} bytes${flag ? ` (${flag})` : ''}; not read`,
    interrupted: (seen, total, unwritten) =>
      `interrupted after ${seen} of ${total} files${unwritten === undefined ? '' : `; ${unwritten} was not written`}`,
    noFiles: 'no files to validate',
    tooManyWarnings: (warnings, max) => `${countOf('en', 'warning', warnings)}, more than --max-warnings ${max}`,
    redactedPath: (n) => `path ${n}`,
    noMatchRedacted: (placeholder, detail) => `no files matching ${placeholder}${paren(detail)}`,
    outputFile: 'the --output file',
    configFile: 'the config file',
  },
  da: {
    cannotWrite: (file, reason) => `kan ikke skrive ${file}: ${reason}`,
    skippedNotRegular: (path, detail) => `${path}: sprunget over, ikke en almindelig fil${paren(detail)}`,
    missing: (path, detail) => `${path}: ${detail || 'filen eller mappen findes ikke'}`,
    noMatch: (pattern, detail) => `ingen filer passer til "${pattern}"${paren(detail)}`,
    cannotList: (path, detail) => `${path}: mappen kan ikke læses${paren(detail)}; resten er valideret`,
    cannotRead: (file, detail) => `${file}: kan ikke læses (${detail})`,
    notRegularFile: (kind) => `ikke en almindelig fil: ${kind}`,
    overLimit: (file, maxBytes, flag) => `${file}: over grænsen på ${maxBytes} bytes${flag ? ` (${flag})` : ''}; ikke læst`,
    interrupted: (seen, total, unwritten) =>
      `afbrudt efter ${seen} af ${total} filer${unwritten === undefined ? '' : `; ${unwritten} blev ikke skrevet`}`,
    noFiles: 'ingen filer at validere',
    tooManyWarnings: (warnings, max) => `${countOf('da', 'warning', warnings)}, flere end --max-warnings ${max}`,
    redactedPath: (n) => `sti ${n}`,
    noMatchRedacted: (placeholder, detail) => `ingen filer passer til ${placeholder}${paren(detail)}`,
    outputFile: 'filen i --output',
    configFile: 'konfigurationsfilen',
  },
};

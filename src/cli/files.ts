import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
// @ts-expect-error -- picomatch ships no types and @types/picomatch is no dependency; typed below (ignore, not expect-error,
// so that adding the types later breaks nothing).
import picomatchUntyped from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** The part of picomatch used here (tinyglobby's own matcher, so one copy in the bundle). */
const picomatch = picomatchUntyped as ((patterns: string[], options: { dot: boolean }) => (path: string) => boolean) & {
  scan(pattern: string, options: { parts: true }): { parts?: string[] };
};

export interface ExpandOptions {
  cwd: string;
  ignorePatterns?: string[];
}

export interface PathProblem {
  path: string;
  reason: 'missing' | 'noMatch' | 'unreadableDir' | 'notRegular';
  /** in English, as Node words it */
  detail?: string;
  /** what the detail says, for other languages: the kind of entry, or the OS error code (EACCES …) */
  code?: PathDetailCode;
  errno?: string;
}

type PathDetailCode = 'fifo' | 'socket' | 'charDevice' | 'blockDevice' | 'directory' | 'other' | 'brokenLink' | 'allIgnored' | 'os';

const XML = /\.xml$/i;

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const slashed = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/** Node's "EACCES: permission denied, scandir '/abs/dir'" → "permission denied": the path is printed beside it. */
const reasonOf = (error: unknown) => (error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '');
/** The OS error as detail, code and errno (the code lets the CLI say it in Danish). */
const osDetail = (error: unknown) => ({ detail: reasonOf(error), code: 'os' as const, errno: (error as { code?: string }).code });

type Kind = Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;
const KIND_WORDS: Record<Exclude<PathDetailCode, 'brokenLink' | 'allIgnored' | 'os'>, string> = {
  fifo: 'a FIFO',
  socket: 'a socket',
  charDevice: 'a character device',
  blockDevice: 'a block device',
  directory: 'a directory',
  other: 'not a regular file',
};
function kindOf(entry: Kind): { detail: string; code: keyof typeof KIND_WORDS } {
  const code = entry.isFIFO()
    ? 'fifo'
    : entry.isSocket()
      ? 'socket'
      : entry.isCharacterDevice()
        ? 'charDevice'
        : entry.isBlockDevice()
          ? 'blockDevice'
          : entry.isDirectory()
            ? 'directory'
            : 'other';
  return { detail: KIND_WORDS[code], code };
}

/**
 * `--ignore-pattern`s and `!` arguments as one matcher of paths relative to cwd (forward slashes), as eslint's are:
 * anchored at cwd; `dir/` or a pattern naming a directory also covers everything below it.
 */
function ignoreMatcher(patterns: string[], cwd: string): ((rel: string) => boolean) | undefined {
  const globs: string[] = [];
  for (let pattern of patterns) {
    if (!pattern) continue;
    const directory = pattern.endsWith('/');
    if (isAbsolute(pattern)) pattern = slashed(relative(cwd, pattern)) + (directory ? '/' : '');
    while (pattern.startsWith('./')) pattern = pattern.slice(2);
    if (directory) globs.push(`${pattern}**`);
    else globs.push(pattern, `${pattern}/**`);
  }
  if (!globs.length) return undefined;
  const match = picomatch(globs, { dot: true });
  return (rel) => rel !== '' && match(rel);
}

/** Per argument: what a directory or glob matched, and how much of it was ignored (to tell noMatch). */
interface Tally {
  matched: number;
  ignored: number;
}

type Entry = Kind & { isFile(): boolean };

/**
 * An entry of a folder: join(folder, name) where the folder's path is absolute and normalized (from resolve, join or
 * realpath) and the name is one readdir gave (no separator, never . or ..), without join's normalizing, a cost per file.
 */
const inFolder = (folder: string, name: string) => (folder.endsWith(sep) ? folder + name : folder + sep + name);

const realOf = (abs: string) => {
  try {
    return realpathSync.native(abs);
  } catch {
    return abs; // e.g. /dev/stdin on a pipe: its link names no path
  }
};

/** One expansion of the command line's paths: what was found so far, each file and each problem once. */
class Expansion {
  readonly files: string[] = [];
  readonly problems: PathProblem[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenProblems = new Set<string>();
  private readonly walked = new Set<string>();
  private stdin = false;

  constructor(
    private readonly cwd: string,
    /** undefined: nothing is ignored (then no path is made relative, a cost per file) */
    private readonly ignores: ((rel: string) => boolean) | undefined,
  ) {}

  private relOf(abs: string): string {
    return slashed(relative(this.cwd, abs));
  }

  private isIgnored(abs: string): boolean {
    return this.ignores?.(this.relOf(abs)) === true;
  }

  private addFile(real: string, display: string): void {
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.files.push(display);
  }

  private addProblem(problem: PathProblem, real: string): void {
    const key = `${problem.reason}\0${real}`;
    if (this.seenProblems.has(key)) return;
    this.seenProblems.add(key);
    this.problems.push(problem);
  }

  /** A matched file (walk or glob): regular ones kept, anything else reported (a FIFO would hang the run). */
  private matchedFile(abs: string, real: string, display: string, kind: Entry, tally: Tally): void {
    tally.matched++;
    if (this.isIgnored(abs)) tally.ignored++;
    else if (kind.isFile()) this.addFile(real, display);
    else this.addProblem({ path: display, reason: 'notRegular', ...kindOf(kind) }, real);
  }

  /** False when the folder itself cannot be listed (reported); the walk goes on past unreadable subfolders. */
  private walk(dir: string, real: string, display: string, tally: Tally): boolean {
    // Once per real directory: symlink loops end, and a folder named twice is walked once.
    if (this.walked.has(real)) return true;
    this.walked.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.addProblem({ path: display, reason: 'unreadableDir', ...osDetail(error) }, real);
      return false;
    }
    for (const entry of entries.sort(byName)) this.walkEntry(entry, dir, real, display, tally);
    return true;
  }

  private walkEntry(entry: Dirent, dir: string, real: string, display: string, tally: Tally): void {
    const abs = inFolder(dir, entry.name);
    const shown = join(display, entry.name);
    let kind: Entry = entry;
    // Not a link: its real path follows from the folder's, without a syscall per file.
    let entryReal = real === dir ? abs : inFolder(real, entry.name);
    if (entry.isSymbolicLink()) {
      try {
        kind = statSync(abs);
        entryReal = realpathSync.native(abs);
      } catch (error) {
        if (XML.test(entry.name) && !this.isIgnored(abs)) {
          const detail = `a broken symbolic link (${reasonOf(error)})`;
          this.addProblem({ path: shown, reason: 'missing', ...osDetail(error), detail, code: 'brokenLink' }, abs);
        }
        return;
      }
    }
    if (kind.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || this.isIgnored(abs)) return;
      this.walk(abs, entryReal, shown, tally);
    } else if (XML.test(entry.name)) {
      this.matchedFile(abs, entryReal, shown, kind, tally);
    }
  }

  /**
   * What a glob matches that is neither file, folder nor link (FIFOs, sockets, devices): fdir, under tinyglobby,
   * skips those unseen. They are looked for in the folders the pattern's last part would match in (a last part with
   * a slash inside braces is looked at in its first folder only).
   */
  private specialMatches(pattern: string, ignore: string[]): string[] {
    const { cwd } = this;
    const parts = picomatch.scan(pattern, { parts: true }).parts ?? [pattern];
    const last = parts[parts.length - 1] ?? '';
    const parent = [...parts.slice(0, -1), ...(last.includes('**') ? ['**'] : [])].join('/');
    const folders =
      parent === ''
        ? [cwd]
        : isDynamicPattern(parent)
          ? globSync(parent, { cwd, absolute: true, onlyDirectories: true, expandDirectories: false, ignore })
          : [resolve(cwd, parent)];
    const match = picomatch([pattern.replace(/^(\.\/)+/, '')], { dot: false });
    const found: string[] = [];
    for (const folder of folders) {
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        continue; // as tinyglobby does: a glob does not report folders it cannot list
      }
      for (const entry of entries) {
        if (entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()) continue;
        const abs = join(folder, entry.name);
        if (match(isAbsolute(pattern) ? slashed(abs) : this.relOf(abs))) found.push(abs);
      }
    }
    return found;
  }

  private glob(pattern: string, tally: Tally): void {
    const { cwd } = this;
    // node_modules is left out as in a walk, unless the pattern asks for it.
    const skipModules = !pattern.includes('node_modules');
    const ignore = skipModules ? ['**/node_modules/**'] : [];
    const matches = globSync(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore });
    const shown = [...matches, ...this.specialMatches(pattern, ignore)].map((abs) => ({
      abs,
      display: isAbsolute(pattern) ? abs : relative(cwd, abs),
    }));
    for (const { abs, display } of shown.sort((a, b) => byCodeUnits(a.display, b.display))) {
      if (skipModules && display.split(/[\\/]/).includes('node_modules')) continue;
      let stats: Stats;
      try {
        stats = statSync(abs);
      } catch {
        continue; // gone since the glob saw it, or a broken link
      }
      this.matchedFile(abs, realOf(abs), display, stats, tally);
    }
  }

  /** One path of the command line (not a `!` pattern). */
  add(path: string): void {
    if (path === '-') {
      if (!this.stdin) this.files.push(path);
      this.stdin = true;
      return;
    }
    const abs = resolve(this.cwd, path);
    let stats: Stats | undefined;
    try {
      stats = statSync(abs);
    } catch (error) {
      // A file that exists wins over reading its name as a pattern (names may hold brackets).
      if (!isDynamicPattern(path)) {
        this.problems.push({ path, reason: 'missing', ...osDetail(error) });
        return;
      }
    }
    if (stats && this.isIgnored(abs)) return;
    if (stats && !stats.isDirectory()) {
      const real = realOf(abs);
      // Named by the user, a FIFO or device is read (capped); a socket cannot be read at all.
      if (stats.isSocket()) this.addProblem({ path, reason: 'notRegular', ...kindOf(stats) }, real);
      else this.addFile(real, path);
      return;
    }
    const tally: Tally = { matched: 0, ignored: 0 };
    if (stats) {
      const real = realOf(abs);
      if (this.walked.has(real)) return; // named twice, or inside a folder already walked: its files are in
      if (!this.walk(abs, real, path, tally)) return;
    } else {
      this.glob(path, tally);
    }
    if (tally.matched === 0) this.problems.push({ path, reason: 'noMatch' });
    else if (tally.ignored === tally.matched)
      this.problems.push({ path, reason: 'noMatch', detail: 'every match is ignored', code: 'allIgnored' });
  }
}

/**
 * Paths from the command line → files to validate, as eslint takes them: a file as given; a directory walked for
 * *.xml (sorted, without node_modules and dot-folders); a glob expanded (for quoted patterns and shells that do not);
 * `-` for standard input; `!pattern` and ignorePatterns leave files out. Each file once (by real path), under its
 * first spelling, in argument order. What cannot be validated is in problems, with the user's spelling.
 */
export function expandPaths(paths: string[], options: ExpandOptions): { files: string[]; problems: PathProblem[] } {
  const negations = paths.filter((path) => path.startsWith('!')).map((path) => path.slice(1));
  const expansion = new Expansion(options.cwd, ignoreMatcher([...(options.ignorePatterns ?? []), ...negations], options.cwd));
  for (const path of paths) if (!path.startsWith('!')) expansion.add(path);
  return { files: expansion.files, problems: expansion.problems };
}

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../src/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');

/** The documentation: README.md, CONTRIBUTING.md and every page in docs/. */
const DOC_FILES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const readme = read('README.md');
const catalogue = read('docs/validation.md');

interface CodeBlock {
  file: string;
  line: number;
  info: string;
  code: string;
}

/** Fenced code blocks (``` only, as these files use). */
function codeBlocks(file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = read(file).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ file, line: start + 1, info: open[1]!.trim(), code: body.join('\n') });
  }
  return blocks;
}

/** The text outside fenced code blocks and inline code spans: where links are links. */
function prose(text: string): string {
  return text.replace(/^\s*```[^]*?^\s*```\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^\s*```[^]*?^\s*```\s*$/gm, '');
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = match[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

describe('README', () => {
  it('has the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});

describe('the rule catalogue (docs/validation.md)', () => {
  it('lists every rule of the catalogue with its severity', () => {
    for (const rule of rules) expect(catalogue).toContain(`| ${rule.id} | ${rule.severity} | ${rule.docs.en} |`);
  });
});

describe('relative links in README.md, CONTRIBUTING.md and docs/*.md', () => {
  it.each(DOC_FILES)('%s: every relative link names an existing file and heading', (file) => {
    const broken: string[] = [];
    for (const match of prose(read(file)).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path ? resolve(ROOT, dirname(file), decodeURIComponent(path)) : join(ROOT, file);
      if (!existsSync(resolved)) {
        broken.push(`${target}: no file ${relative(ROOT, resolved)}`);
        continue;
      }
      if (anchor && statSync(resolved).isFile() && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor)) {
        broken.push(`${target}: no heading #${anchor} in ${relative(ROOT, resolved)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** Splits a shell line into words, quotes respected, with the operators |, ||, &&, ; and redirections as words. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let inWord = false;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '#' && !inWord) {
      break; // a comment
    } else if (/\s/.test(c)) {
      end();
    } else if ('|&;<>'.includes(c)) {
      end();
      let op = c;
      while (i + 1 < line.length && '|&>'.includes(line[i + 1]!)) op += line[++i];
      words.push(op);
    } else {
      word += c;
      inWord = true;
    }
  }
  end();
  return words;
}

const OPERATORS = new Set(['|', '||', '&&', ';', '&']);
const REDIRECTIONS = /^(\d?>>?|<|2>&1|&>)$/;

interface Invocation {
  where: string;
  args: string[];
}

/** Every run of the CLI in the documentation's shell (and CI YAML) blocks: gop, medcom-gop, npx …, node dist/cli.js. */
function invocations(): Invocation[] {
  const found: Invocation[] = [];
  for (const file of DOC_FILES) {
    for (const block of codeBlocks(file)) {
      const shell = /^(sh|bash|shell|console)$/.test(block.info);
      const yaml = /^ya?ml$/.test(block.info);
      if (!shell && !yaml) continue;
      block.code.split('\n').forEach((raw, n) => {
        let line = raw.replace(/^\s*\$\s+/, '');
        if (yaml) {
          const run = /^\s*(?:-\s+)?(?:run:\s*)?(.*)$/.exec(line)?.[1] ?? '';
          if (!/\b(npx|gop|medcom-gop)\b/.test(run) || /^[\w-]+:\s/.test(run)) return;
          line = run;
        }
        const words = shellWords(line);
        let segment: string[] = [];
        const segments: string[][] = [];
        for (const w of words) {
          if (OPERATORS.has(w)) {
            segments.push(segment);
            segment = [];
          } else segment.push(w);
        }
        segments.push(segment);
        for (const s of segments) {
          let i = 0;
          if (s[0] === 'npx') i = 1;
          else if (s[0] === 'node' && s[1] === 'dist/cli.js') i = 2;
          const program = i === 2 ? 'gop' : s[i];
          if (program !== 'gop' && program !== 'medcom-gop') continue;
          const args: string[] = [];
          for (let k = i === 2 ? 2 : i + 1; k < s.length; k++) {
            if (REDIRECTIONS.test(s[k]!)) {
              k++; // and its file
              continue;
            }
            args.push(s[k]!);
          }
          found.push({ where: `${file}:${block.line + 1 + n}`, args });
        }
      });
    }
  }
  return found;
}

interface OptionInfo {
  takesValue: boolean;
}

/** The options of a command as `gop help COMMAND` prints them: `-f, --format text|json`, `--[no-]color`, … */
function optionsFromHelp(help: string): Map<string, OptionInfo> {
  const options = new Map<string, OptionInfo>([
    ['--help', { takesValue: false }],
    ['-h', { takesValue: false }],
  ]);
  const section = help.split(/^Options:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  for (const line of section.split('\n')) {
    if (!/^\s+-/.test(line)) continue;
    const spec = line.trim().split(/\s{2,}/)[0]!;
    const parts = spec.split(/,\s+/).map((p) => {
      const [name, ...value] = p.split(/\s+/);
      return { name: name!, takesValue: value.length > 0 };
    });
    parts.forEach((part, i) => {
      // a short alias takes a value when the long name after it does: "-f, --format text|json"
      const takesValue = part.takesValue || (/^-[^-]$/.test(part.name) && (parts[i + 1]?.takesValue ?? false));
      const negatable = /^--\[no-\](.+)$/.exec(part.name);
      if (negatable) {
        options.set(`--${negatable[1]}`, { takesValue });
        options.set(`--no-${negatable[1]}`, { takesValue: false });
      } else options.set(part.name, { takesValue });
    });
  }
  return options;
}

const gop = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('gop in the shell blocks of the documentation', () => {
  it('names only commands and flags the built CLI has (npm run build first)', () => {
    expect(existsSync(CLI), 'dist/cli.js is missing: run npm run build').toBe(true);
    const commands = new Set([...gop('help').matchAll(/^ {2}gop (\w[\w-]*)/gm)].map((m) => m[1]!));
    commands.add('help');
    const optionsOf = new Map<string, Map<string, OptionInfo>>();
    for (const command of commands) if (command !== 'help') optionsOf.set(command, optionsFromHelp(gop('help', command)));
    const global = new Set(['--version', '-v', '--help', '-h']);

    const found = invocations();
    expect(found.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const { where, args } of found) {
      const [command, ...rest] = args;
      if (command === undefined) continue; // `gop` alone prints the usage
      if (command.startsWith('-')) {
        if (!global.has(command)) problems.push(`${where}: gop ${command}: no such global option`);
        continue;
      }
      if (!commands.has(command)) {
        problems.push(`${where}: gop ${command}: no such command`);
        continue;
      }
      if (command === 'help') {
        if (rest[0] !== undefined && (!commands.has(rest[0]) || rest[0] === 'help'))
          problems.push(`${where}: gop help ${rest[0]}: no such command`);
        continue;
      }
      const options = optionsOf.get(command)!;
      for (let i = 0; i < rest.length; i++) {
        const arg = rest[i]!;
        if (arg === '--') break;
        if (!arg.startsWith('-') || arg === '-') continue;
        const name = arg.split('=')[0]!;
        const option = options.get(name);
        if (!option) {
          problems.push(`${where}: gop ${command} has no option ${name}`);
          continue;
        }
        if (option.takesValue && !arg.includes('=')) i++;
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('TypeScript in the documentation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gop-docs-ts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-checks every ```ts block that imports from 'medcom-gop' (```ts fragment is skipped)", () => {
    const blocks = DOC_FILES.flatMap(codeBlocks).filter(
      (b) => /^(ts|typescript)$/.test(b.info) && /from 'medcom-gop(\/[a-z]+)?'/.test(b.code),
    );
    expect(blocks.length).toBeGreaterThan(8);
    const names = new Map<string, CodeBlock>();
    blocks.forEach((block, i) => {
      const name = `block-${i}.ts`;
      names.set(name, block);
      writeFileSync(join(dir, name), `${block.code}\n`);
    });
    const base = JSON.parse(
      read('tsconfig.json')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/,(\s*[}\]])/g, '$1'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          ...base.compilerOptions,
          noEmit: true,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
          // the root and each subpath of package.json's exports, at its folder's index.ts (./dist/receipt/… → src/receipt/…)
          paths: Object.fromEntries(
            Object.entries(JSON.parse(read('package.json')).exports as Record<string, { import?: { types: string } }>).flatMap(
              ([subpath, target]) =>
                target.import
                  ? [
                      [
                        `medcom-gop${subpath.slice(1)}`,
                        [join(ROOT, target.import.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'))],
                      ],
                    ]
                  : [],
            ),
          ),
        },
        files: [...names.keys()],
      }),
    );
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    // errors are reported against the block's place in the documentation
    const errors = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((l) => l.trim())
      .map((l) =>
        l.replace(/^(?:.*[\\/])?(block-\d+\.ts)\((\d+),(\d+)\)/, (_, name: string, line: string, col: string) => {
          const block = names.get(name)!;
          return `${block.file}:${block.line + Number(line)}:${col}`;
        }),
      );
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  }, 120_000);
});

describe('the package', () => {
  it('is importable by its name, as ESM and as CommonJS, after the build', async () => {
    const { runCommand } = await import('./helpers');
    const esm = await runCommand(process.execPath, [
      '--input-type=module',
      '-e',
      "import { parseGop, checkGop, buildGop } from 'medcom-gop'; console.log([parseGop, checkGop, buildGop].map((f) => typeof f).join())",
    ]);
    expect(esm.stdout.trim()).toBe('function,function,function');
    const cjs = await runCommand(process.execPath, [
      '-e',
      "const m = require('medcom-gop'); console.log(typeof m.parseGop, m.rules.length > 20)",
    ]);
    expect(cjs.stdout.trim()).toBe('function true');
  });

  it('reports the package version from gop --version', async () => {
    const { runGop } = await import('./helpers');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect((await runGop(['--version'])).stdout.trim()).toBe(version);
  });
});

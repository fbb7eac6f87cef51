// The browser build, read as files (no browser): the page is one self-contained file with its CSP, and neither the
// page's script nor the ESM browser bundle has anything of Node or an import left. test/web.test.ts runs them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gopInProcess } from './cli-harness';
import { REPO_ROOT } from './helpers';

const WEB = join(REPO_ROOT, 'dist', 'web');
const read = (name: string) => {
  const file = join(WEB, name);
  expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
  return readFileSync(file, 'utf8');
};

/** What would make code Node's, as the source or a bundler writes it (not `{node:x}`, `arrayBuffer`, `e.process`). */
const NODE_ISMS: [string, RegExp][] = [
  ['require(', /(?<![\w$.])require\(/],
  ['"node:…" module', /["'`]node:/],
  ['process.', /(?<![\w$.])process\./],
  ['Buffer', /(?<![\w$.])Buffer\b/],
];

describe('dist/web after the build', () => {
  it('holds the page and the browser bundle only (the page script is inlined, not beside it)', () => {
    expect(readdirSync(WEB).sort()).toEqual(['index.html', 'medcom-gop.browser.js']);
  });

  it('index.html is one file: nothing it loads is outside it (only # and data: addresses)', () => {
    const html = read('index.html');
    // the markup, without the script's and the style sheet's text (the script builds views with https links in them)
    const markup = html.replace(/(<script>)[^]*?(<\/script>)/g, '$1$2').replace(/(<style>)[^]*?(<\/style>)/g, '$1$2');
    const addresses = [...markup.matchAll(/\b(?:src|href|action|srcset|poster|data|formaction)\s*=\s*["']?([^"'\s>]*)/gi)].map(
      (m) => m[1]!,
    );
    expect(addresses.filter((a) => !a.startsWith('#') && !a.startsWith('data:'))).toEqual([]);
    expect(markup).not.toMatch(/<link\b|<base\b|<object\b|<embed\b/i);
    expect(markup.match(/<script\b/gi)).toHaveLength(1);
    expect(markup.match(/<style\b/gi)).toHaveLength(1);
    const css = /<style>([^]*?)<\/style>/.exec(html)![1]!;
    expect(css).not.toMatch(/@import|url\(\s*["']?(?!data:)/i);
  });

  it('has the CSP meta: nothing but its own inline script (by hash), inline styles, data: images, srcdoc frames', () => {
    const html = read('index.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    expect(directives.get('frame-src')).toEqual(["'self'", 'about:', 'data:']);
    expect(directives.has('connect-src')).toBe(false); // default-src 'none': no fetch, no XHR, no WebSocket
    // The one script is allowed by its hash: an injected <script> or onerror= attribute would not run.
    const script = /<script>([^]*)<\/script>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    expect(directives.get('script-src')).toEqual([hash]);
  });

  it('its inline script has nothing of Node and nothing that would end the script element early', () => {
    const script = /<script>([^]*)<\/script>/.exec(read('index.html'))![1]!;
    expect(script.length).toBeGreaterThan(10_000);
    for (const [what, pattern] of NODE_ISMS) expect(pattern.test(script), what).toBe(false);
    expect(script).not.toMatch(/<\/script|<!--/i);
    expect(script).not.toMatch(/\bimport\s*\(|^\s*import\b|\bexport\s*\{/m);
  });

  it('states on the page that nothing leaves the browser, in Danish', () => {
    expect(read('index.html')).toContain('Intet forlader browseren');
  });

  it('the ESM browser bundle imports nothing (zod and date-fns are inside) and has nothing of Node', () => {
    const bundle = read('medcom-gop.browser.js');
    expect(bundle).not.toMatch(/(?:^|[;}\s])import\s*(?:[\w$*{]|["'`])|\bimport\s*\(/);
    expect(bundle).toMatch(/export\s*\{[^}]*\bcheckGop\b[^}]*\}\s*;?\s*$/);
    expect(bundle).toMatch(/\brenderGopHtml\b/);
    for (const [what, pattern] of NODE_ISMS) expect(pattern.test(bundle), what).toBe(false);
  });
});

describe('gop web', () => {
  it('prints the absolute path of the built page, which exists', async () => {
    const run = await gopInProcess(['web']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${join(WEB, 'index.html')}\n`);
    expect(existsSync(run.stdout.trim())).toBe(true);
  });

  it('is in gop help, takes no paths', async () => {
    expect((await gopInProcess(['help'])).stdout).toMatch(/gop web \[--open\]\s+the browser page/);
    const run = await gopInProcess(['web', 'plan.xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('gop web takes no paths');
  });
});

// After tsup: dist/web/index.html, the browser page as ONE file — web/index.html with web/page.css and the page's
// script (dist/web/page.js, tsup's iife build of web/page.ts) inlined, so that it works from file:// (Chromium refuses
// module and external scripts there) and from any static host. The CSP allows that one script by its hash. Then the
// sizes of what the build wrote.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const web = join(dist, 'web');
const built = join(web, 'page.js');

const fail = (why) => {
  console.error(`build-web: ${why}`);
  process.exit(1);
};

const template = readFileSync(join(root, 'web', 'index.html'), 'utf8');
const css = readFileSync(join(root, 'web', 'page.css'), 'utf8');
let js;
try {
  js = readFileSync(built, 'utf8');
} catch {
  fail(`${built} is missing: run tsup first (npm run build)`);
}

// Inside <script>, "</script" would end the element and "<!--" starts the script-data escape states (the XML reader
// has "<!--" in its strings). "<\/script" and "<\x21--" mean the same in strings, template literals and regular
// expressions, and neither sequence occurs in minified code outside them.
js = js
  .replace(/<\/(script)/gi, '<\\/$1')
  .replace(/<!--/g, '<\\x21--')
  .trim();
if (/<\/style/i.test(css)) fail('web/page.css contains "</style"');

const hash = `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`;
const slots = { '@SCRIPT_HASH@': hash, '/*@PAGE_CSS@*/': css.trim(), '/*@PAGE_JS@*/': js };
let html = template;
for (const [slot, value] of Object.entries(slots)) {
  if (html.split(slot).length !== 2) fail(`web/index.html must hold ${slot} exactly once`);
  html = html.replace(slot, () => value); // a function: "$&" and friends in the script are not patterns
}
writeFileSync(join(web, 'index.html'), html);
rmSync(built);

const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
const files = [
  ...readdirSync(dist)
    .filter((name) => /\.(c?js)$/.test(name))
    .map((name) => join('dist', name)),
  join('dist', 'web', 'medcom-gop.browser.js'),
  join('dist', 'web', 'index.html'),
];
console.log('build output (size, gzipped):');
for (const file of files) {
  const bytes = readFileSync(join(root, file));
  console.log(`  ${file.padEnd(32)} ${kb(statSync(join(root, file)).size)} ${kb(gzipSync(bytes).length)}`);
}

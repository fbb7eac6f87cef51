// Writes src/model/model-table.ts: the message spec and element facts compiled from the zod schemas of
// src/model/schema.ts, stored so that no start has to build those schemas (test/model-table.test.ts says when it is
// out of date). `node scripts/build-model-table.mjs` after changing the schema or what src/model/spec.ts compiles.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src', 'model', 'model-table.ts');
const folder = mkdtempSync(join(tmpdir(), 'gop-model-table-'));
try {
  const bundle = join(folder, 'schema.mjs');
  await build({
    // what the script needs, and only at build time: the compiler of the table and its writer
    stdin: {
      contents: "export { compileModelTable } from './src/model/schema.ts'; export { tableSource } from './src/model/table.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    // the table being written is not read: it may be out of date, of an older encoding, or missing
    plugins: [
      {
        name: 'no-stored-table',
        setup(b) {
          b.onLoad({ filter: /[\\/]model-table\.ts$/ }, () => ({
            contents: 'export const MODEL_TABLE: unknown = { spec: {}, facts: {} };',
            loader: 'ts',
          }));
        },
      },
    ],
  });
  const { compileModelTable, tableSource } = await import(pathToFileURL(bundle).href);
  const header = '// Written by scripts/build-model-table.mjs from src/model/schema.ts: not to be edited.\n';
  writeFileSync(out, `${header}${tableSource(compileModelTable(), 'MODEL_TABLE')}`);
  // as biome formats it, so that checking the sources finds nothing to change
  const format = spawnSync(process.execPath, [join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', out], {
    encoding: 'utf8',
  });
  if (format.status !== 0) throw new Error(`biome format failed:\n${format.stdout}${format.stderr}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// The published package.json without the "prepare" script. Git installs need prepare (npm builds a git dependency by
// running it), but in a tarball it only makes npm 11 warn at every install ("install scripts not yet covered by
// allowScripts") though the tarball is built already. So `npm pack` and `npm publish` run prepack (build, then
// `strip`) and postpack (`restore`). It edits the package.json in the working directory (npm runs scripts in the
// package's root), as text, so that the rest of the file stays byte for byte as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PREPARE = '    "prepare": "npm run build",\n';
const AFTER = /^ {4}"build": .*\n/m;

const file = join(process.cwd(), 'package.json');
const text = readFileSync(file, 'utf8');
const mode = process.argv[2];

const fail = (why) => {
  console.error(`pack-manifest: ${why}`);
  process.exit(1);
};

if (mode === 'strip') {
  if (text.split(PREPARE).length !== 2) fail(`package.json must hold ${PREPARE.trim()} exactly once (this script restores that line)`);
  writeFileSync(file, text.replace(PREPARE, ''));
} else if (mode === 'restore') {
  if (text.includes('"prepare":')) process.exit(0); // nothing stripped (or restored already)
  const build = AFTER.exec(text);
  if (!build) fail('package.json has no "build" script line to put "prepare" after');
  writeFileSync(
    file,
    text.replace(AFTER, (line) => line + PREPARE),
  );
} else {
  fail('usage: node scripts/pack-manifest.mjs strip|restore');
}

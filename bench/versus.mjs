// node bench/versus.mjs OTHER_CHECKOUT: this build's checkGop and CLI start-up next to another checkout's (built with
// `npm run build`), alternating in one run so that machine noise hits both alike; three series, medians of each.
// A refactoring must show no slower check and no slower start-up than the commit before it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const other = process.argv[2];
if (!other || !existsSync(resolve(other, 'dist/index.js'))) {
  console.error('usage: node bench/versus.mjs OTHER_CHECKOUT (a checkout with dist/ built)');
  process.exit(2);
}
const here = resolve(new URL('..', import.meta.url).pathname);
const mine = await import(pathToFileURL(resolve(here, 'dist/index.js')).href);
const theirs = await import(pathToFileURL(resolve(other, 'dist/index.js')).href);

const SAMPLE = resolve(here, '../shared/samples/ggop-public-example.xml');
const FIXTURES = ['rehabilitering-apopleksi.xml', 'almen-hoftefraktur.xml', 'minimal.xml'].map((f) => resolve(here, 'fixtures/valid', f));
const inputs = [...(existsSync(SAMPLE) ? [SAMPLE] : []), ...FIXTURES].map((path) => ({
  name: path.split('/').pop(),
  bytes: readFileSync(path),
}));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ROUNDS = 15;
const PER_ROUND = 200;

function timeChecks(lib, bytes) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) lib.checkGop(bytes);
  return Number(process.hrtime.bigint() - start) / 1e6 / PER_ROUND;
}

console.log(`this build: ${here}\nother build: ${resolve(other)}\n`);
console.log('checkGop from bytes, ms per message (median of rounds, alternating):');
for (let series = 1; series <= 3; series++) {
  for (const { name, bytes } of inputs) {
    const a = [];
    const b = [];
    for (let round = 0; round < ROUNDS; round++) {
      a.push(timeChecks(mine, bytes));
      b.push(timeChecks(theirs, bytes));
    }
    const ratio = median(a) / median(b);
    console.log(
      `  series ${series} ${name.padEnd(34)} this ${median(a).toFixed(3)}  other ${median(b).toFixed(3)}  ratio ${ratio.toFixed(2)}×`,
    );
  }
}

const SPAWNS = 21;
const spawnMs = (args) => {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const minimal = FIXTURES[2];
console.log(`\nCLI start-up, \`gop validate minimal.xml\`, ms (median of ${SPAWNS} spawns each, alternating):`);
for (let series = 1; series <= 3; series++) {
  const runs = { bare: [], mine: [], theirs: [] };
  spawnMs([resolve(here, 'dist/cli.js'), 'validate', minimal]);
  spawnMs([resolve(other, 'dist/cli.js'), 'validate', minimal]);
  for (let i = 0; i < SPAWNS; i++) {
    runs.bare.push(spawnMs(['-e', '0']));
    runs.mine.push(spawnMs([resolve(here, 'dist/cli.js'), 'validate', minimal]));
    runs.theirs.push(spawnMs([resolve(other, 'dist/cli.js'), 'validate', minimal]));
  }
  const [bare, a, b] = [median(runs.bare), median(runs.mine), median(runs.theirs)];
  console.log(
    `  series ${series}  node -e 0 ${bare.toFixed(1)}  this ${a.toFixed(1)} (${(a / bare).toFixed(2)}×)  other ${b.toFixed(1)} (${(b / bare).toFixed(2)}×)  this/other ${(a / b).toFixed(2)}×`,
  );
}

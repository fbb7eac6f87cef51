// Start-up: `gop validate` of one small file and `import('medcom-gop')`, each a fresh node, against `node -e 0`;
// spawns alternating so that the machine's noise hits all three alike.
import { fileURLToPath } from 'node:url';
import { config, rootPath } from './config.mjs';
import { heading, median, ratio, spawnMs } from './measure.mjs';

/** Returns the series of ratios to `node -e 0` of `gop validate` and of the import. */
export function runStartup() {
  const minimal = fileURLToPath(config.minimal);
  const node = process.execPath;
  const contenders = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'gop validate fixtures/valid/minimal.xml', args: [config.cli, 'validate', minimal] },
    // the package by its name, as a user's code imports it (node resolves a package's own name from inside it)
    { name: 'node -e "import(\'medcom-gop\')"', args: ['-e', "import('medcom-gop')"] },
  ];
  heading('Start-up against node -e 0');
  console.log(`ms per spawn (median of ${config.spawns} spawns each per series, alternating); the file cache warmed first.`);
  for (const c of contenders) spawnMs(node, c.args, { cwd: rootPath });
  const series = [];
  const rows = [];
  for (let s = 1; s <= config.series; s++) {
    const runs = contenders.map(() => []);
    for (let i = 0; i < config.spawns; i++) contenders.forEach((c, k) => runs[k].push(spawnMs(node, c.args, { cwd: rootPath }).ms));
    const ms = runs.map(median);
    series.push({ validate: ms[1] / ms[0], import: ms[2] / ms[0] });
    rows.push({
      series: `series ${s}`,
      'node -e 0 ms': ms[0].toFixed(1),
      'gop validate ms': ms[1].toFixed(1),
      'x node -e 0 (validate)': ratio(ms[1] / ms[0]),
      'import ms': ms[2].toFixed(1),
      'x node -e 0 (import)': ratio(ms[2] / ms[0]),
    });
  }
  rows.push({
    series: 'median',
    'x node -e 0 (validate)': ratio(median(series.map((x) => x.validate))),
    'x node -e 0 (import)': ratio(median(series.map((x) => x.import))),
  });
  console.table(rows);
  return { validate: series.map((x) => x.validate), import: series.map((x) => x.import) };
}

import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's chromium for the browser tests: CHROMIUM_PATH, /usr/bin/chromium, or one on PATH; undefined when none. */
export function findChromium(): string | undefined {
  const given = process.env['CHROMIUM_PATH'];
  if (given) return existsSync(given) ? given : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium-browser', 'chromium']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

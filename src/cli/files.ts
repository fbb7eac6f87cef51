import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files named on the command line, directories walked for *.xml (sorted, so output is stable). */
export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase().endsWith('.xml')) files.push(full);
    }
  };
  for (const path of paths) {
    if (path === '-') { files.push(path); continue; }
    try {
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    } catch {
      missing.push(path);
    }
  }
  return { files, missing };
}

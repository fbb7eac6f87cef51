import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/**
 * Paths from the command line → files, in a stable order: files as given, directories walked for *.xml,
 * globs expanded (for shells that do not, and for quoted patterns). `-` is standard input.
 */
export function expandPaths(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) { if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full); }
      else if (entry.name.toLowerCase().endsWith('.xml')) files.push(full);
    }
  };
  for (const path of paths) {
    if (path === '-') { files.push(path); continue; }
    let stats;
    try { stats = statSync(path); } catch { stats = undefined; }
    if (stats?.isDirectory()) walk(path);
    else if (stats) files.push(path);
    else if (isDynamicPattern(path)) {
      const matched = globSync(path, { onlyFiles: true }).sort();
      if (matched.length) files.push(...matched);
      else missing.push(path);
    } else missing.push(path);
  }
  // A file named twice (or matched by two patterns) is validated once, as eslint does.
  return { files: [...new Set(files)], missing };
}

import type { Formatter } from './types';

/** The reports of checkGop, one per file with its name: a JSON array, written element by element. */
export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '[',
    file({ file, report }) {
      const item = JSON.stringify({ file, ...report });
      const out = (first ? '\n' : ',\n') + item;
      first = false;
      return out;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

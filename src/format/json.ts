import type { Formatter } from './types';
import { jsonWithoutControls } from '../values/controls';

/**
 * The reports of checkGop, one per file with its name: a JSON array, written element by element. Controls that
 * JSON.stringify leaves raw (DEL, C1, bidi, U+2028/U+2029) are written as \uXXXX: the parsed values are the same.
 */
export function jsonFormatter(): Formatter {
  let first = true;
  return {
    begin: () => '[',
    file({ file, report, receipt }) {
      const item = jsonWithoutControls(JSON.stringify({ file, ...report, ...(receipt ? { receipt } : {}) }));
      const out = (first ? '\n' : ',\n') + item;
      first = false;
      return out;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

import type { Formatter, FormatOptions } from './types';
import { fileNamer } from './types';
import { jsonWithoutControls } from '../values/controls';

/**
 * The reports of checkGop, one per file with its name (under redaction its placeholder, in `language`): a JSON array,
 * written element by element. Controls that JSON.stringify leaves raw (DEL, C1, bidi, U+2028/U+2029) are written as
 * \uXXXX: the parsed values are the same.
 */
export function jsonFormatter(options: FormatOptions = {}): Formatter {
  const nameOf = fileNamer(options);
  let first = true;
  return {
    begin: () => '[',
    file(result) {
      const { report, receipt } = result;
      const file = nameOf(result).name;
      const item = jsonWithoutControls(JSON.stringify({ file, ...report, ...(receipt ? { receipt } : {}) }));
      const out = (first ? '\n' : ',\n') + item;
      first = false;
      return out;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

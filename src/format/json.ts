import type { Formatter, FormatOptions } from './types';
import { streaming, fileNamer, showsReferenceDate } from './types';
import type { Report } from '../report/report';
import { jsonWithoutControls } from '../values/controls';

/** The report without what counts from its reference date, when that date was not given (FormatOptions.referenceDateGiven). */
function dated(report: Report, options: FormatOptions): Report {
  if (report.referenceDate === undefined || showsReferenceDate(options, report)) return report;
  const { referenceDate: _date, ...rest } = report;
  if (!rest.facts || rest.facts.daysUntilMustStart === undefined) return rest;
  const { daysUntilMustStart: _days, ...facts } = rest.facts;
  return { ...rest, facts };
}

/**
 * The reports of checkGop, one per file with its name (under redaction its placeholder, in `language`): a JSON array,
 * written element by element. Without a reference date given (referenceDateGiven: false), no `referenceDate` and no
 * `facts.daysUntilMustStart`: the same files give the same output on any day. Controls that JSON.stringify leaves raw
 * (DEL, C1, bidi, U+2028/U+2029) are written as \uXXXX: the parsed values are the same.
 */
export function jsonFormatter(options: FormatOptions = {}): Formatter {
  const nameOf = fileNamer(options);
  let first = true;
  return streaming({
    begin: () => '[',
    piece(result) {
      const { report, receipt } = result;
      const file = nameOf(result).name;
      return { text: jsonWithoutControls(JSON.stringify({ file, ...dated(report, options), ...(receipt ? { receipt } : {}) })) };
    },
    place(piece) {
      const out = (first ? '\n' : ',\n') + piece.text;
      first = false;
      return out;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  });
}

import type { Finding } from '../findings/finding';
import type { Formatter, FormatOptions, Piece } from './types';
import { streaming, fileNamer, locationOf, messageIn } from './types';
import { visibleControls, withoutCommandStart } from '../values/controls';
import { uiIn } from './ui-texts';

/** GitHub shows at most this many annotations of each type per step. */
export const ANNOTATIONS_PER_TYPE = 10;
/** One notice is kept for the closing summary, so that it is always shown. */
const LIMIT = { error: ANNOTATIONS_PER_TYPE, warning: ANNOTATIONS_PER_TYPE, notice: ANNOTATIONS_PER_TYPE - 1 };
const COMMAND: Record<Finding['severity'], 'error' | 'warning' | 'notice'> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

// Workflow-command escaping, as @actions/core does it, after every control is shown as an escape (a CR or LF is then
// already \r or \n; the escaping stays for what reaches it another way).
const escapeData = (s: string) => visibleControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`. Past 10 of a type the rest are
 * printed as plain log lines (nothing is lost) and one summary line says how many did not fit.
 */
export function githubFormatter(options: FormatOptions = {}): Formatter {
  const message = messageIn(options.language);
  const ui = uiIn(options.language);
  const shown = { error: 0, warning: 0, notice: 0 };
  const overflow = { error: 0, warning: 0, notice: 0 };
  const nameOf = fileNamer(options);
  return streaming({
    begin: () => '',
    piece(result) {
      const { report } = result;
      // Under redaction `file=` is the placeholder ("file 3"): the annotation then links to no file in the repository.
      const file = nameOf(result).name;
      const annotations: NonNullable<Piece['annotations']> = [];
      for (const f of report.findings) {
        const props = [`file=${escapeProperty(file)}`];
        if (f.line) props.push(`line=${f.line}`);
        if (f.line && f.column) props.push(`col=${f.column}`);
        props.push(`title=${escapeProperty(f.ruleId)}`);
        const type = COMMAND[f.severity];
        annotations.push([
          type,
          `::${type} ${props.join(',')}::${escapeData(message(f))}\n`,
          // A plain line: one line whatever the data holds, and never a workflow command (a file named "::error::x").
          `${withoutCommandStart(`${locationOf(visibleControls(file), f)}  ${ui.severity[f.severity]}  ${visibleControls(f.ruleId)}  ${visibleControls(message(f))}`)}\n`,
        ]);
      }
      return { text: '', annotations };
    },
    place(piece) {
      let out = '';
      // Past the limit of a type the rest are plain lines (nothing is lost), counted for the closing summary.
      for (const [type, annotation, plain] of piece.annotations ?? []) {
        if (shown[type] < LIMIT[type]) {
          shown[type]++;
          out += annotation;
        } else {
          overflow[type]++;
          out += plain;
        }
      }
      return out;
    },
    end(summary) {
      const lost = (Object.keys(overflow) as (keyof typeof overflow)[])
        .filter((type) => overflow[type] > 0)
        .map((type) => `${overflow[type]} ${ui.annotation[type][overflow[type] === 1 ? 0 : 1]}`);
      const [files, problems] = ui.tally(summary);
      // A workflow command is one line: the files and the problems as two sentences of the one notice.
      return lost.length
        ? `::notice title=medcom-gop::${escapeData(`${files}. ${problems}. ${ui.overflow(lost.join(', '), ANNOTATIONS_PER_TYPE)}`)}\n`
        : `${escapeData(files)}\n${escapeData(problems)}\n`;
    },
  });
}

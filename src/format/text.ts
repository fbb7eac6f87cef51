import type { Formatter, FormatOptions } from './types';
import { streaming, daysLeft, fileNamer, locationOf, messageIn } from './types';
import { uiIn } from './ui-texts';
import { visibleControls, withoutCommandStart } from '../values/controls';

const COLOURS = {
  fatal: '\x1b[1;31m',
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  green: '\x1b[32m',
  reset: '\x1b[0m',
} as const;

/**
 * For people: `file:line:col  severity  ruleId  message`, the key facts, and a closing summary. Every value printed
 * (file name, rule id, message, facts) shows its control characters as escapes, and no line starts a CI command.
 */
export function textFormatter(options: FormatOptions = {}): Formatter {
  const paint = (colour: keyof typeof COLOURS, text: string) => (options.color ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
  const message = messageIn(options.language);
  const ui = uiIn(options.language);
  // Danish severity words are longer ('oplysning'): the English column stays 7 wide, byte for byte.
  const width = options.language === 'da' ? 9 : 7;
  const nameOf = fileNamer(options);
  return streaming({
    begin: () => '',
    piece(result) {
      const { report, receipt } = result;
      const lines: string[] = [];
      const name = visibleControls(nameOf(result).name);
      for (const f of report.findings) {
        lines.push(
          withoutCommandStart(
            `${locationOf(name, f)}  ${paint(f.severity, ui.severity[f.severity].padEnd(width))}  ${visibleControls(f.ruleId)}  ${visibleControls(message(f))}`,
          ),
        );
      }
      const facts = report.facts;
      const state = report.valid ? paint('green', ui.valid) : paint('error', ui.invalid);
      // The days left only when the reference date was given (FormatOptions.referenceDateGiven): a run on the same files
      // then prints the same on any day, and a date taken from the clock is not counted from.
      const days = daysLeft(report, options)?.words;
      const factsText = facts ? `${ui.keyFacts(facts)}${days ? `, ${options.language === 'da' ? days.da : days.en}` : ''}` : '';
      const keyFacts = [factsText, receipt ? ui.receipt(receipt) : ''].filter(Boolean).join('; ');
      // The colour code goes before the line; the check for a command start is on the text itself.
      const summary = withoutCommandStart(`${name}: ${state}${keyFacts ? ` — ${visibleControls(keyFacts)}` : ''}`);
      lines.push(paint('dim', summary));
      // The date that binds on its own line: the one a case worker acts on (facts only: a plan that could be read).
      if (facts) lines.push(paint('dim', withoutCommandStart(`  ${visibleControls(ui.startBy(facts))}`)));
      return { text: `${lines.join('\n')}\n` };
    },
    place: (piece) => piece.text,
    end(summary) {
      return `\n${ui.tally(summary).join('\n')}\n`;
    },
  });
}

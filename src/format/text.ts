import type { Formatter, FormatOptions } from './types';
import { messageIn } from './types';

const COLOURS = { fatal: '\x1b[1;31m', error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', green: '\x1b[32m', reset: '\x1b[0m' } as const;

/** For people: `file:line:col  severity  ruleId  message`, the key facts, and a closing summary. */
export function textFormatter(options: FormatOptions = {}): Formatter {
  const paint = (colour: keyof typeof COLOURS, text: string) => (options.color ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
  const message = messageIn(options.language);
  const da = options.language === 'da';
  return {
    begin: () => '',
    file({ file, report }) {
      const lines: string[] = [];
      for (const f of report.findings) {
        const where = f.line ? `${file}:${f.line}:${f.column}` : file;
        lines.push(`${where}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.ruleId}  ${message(f)}`);
      }
      const facts = report.facts;
      const state = report.valid ? paint('green', da ? 'gyldig' : 'valid') : paint('error', da ? 'ugyldig' : 'invalid');
      const keyFacts = facts
        ? da
          ? `niveau ${facts.level ?? '?'}, udskrevet ${facts.dischargeDate ?? '?'}, opstart senest ${facts.mustStartBy ?? '-'}, frit valg fra ${facts.freeChoiceFrom ?? '-'}`
          : `level ${facts.level ?? '?'}, discharged ${facts.dischargeDate ?? '?'}, must start by ${facts.mustStartBy ?? '-'}, free choice from ${facts.freeChoiceFrom ?? '-'}`
        : '';
      lines.push(paint('dim', `${file}: ${state}${keyFacts ? ` — ${keyFacts}` : ''}`));
      return lines.join('\n') + '\n';
    },
    end(summary) {
      const unreadable = summary.unreadable ? (da ? `, ${summary.unreadable} ulæselige` : `, ${summary.unreadable} unreadable`) : '';
      return da
        ? `\n${summary.files} ${summary.files === 1 ? 'fil' : 'filer'}: ${summary.valid} gyldige, ${summary.errors} fejl, ${summary.warnings} advarsler${unreadable}\n`
        : `\n${summary.files} ${summary.files === 1 ? 'file' : 'files'}: ${summary.valid} valid, ${summary.errors} errors, ${summary.warnings} warnings${unreadable}\n`;
    },
  };
}

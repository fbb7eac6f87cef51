import type { Formatter, FormatOptions } from './types';
import { daysLeft, locationOf, messageIn } from './types';
import type { Facts } from '../facts/facts';
import { visibleControls, withoutCommandStart } from '../values/controls';

const PROVIDER_DA: Record<NonNullable<Facts['provider']>, string> = { hospital: 'sygehuset', municipality: 'kommunen', region: 'regionen' };
const PROVIDER_EN: Record<NonNullable<Facts['provider']>, string> = { hospital: 'the hospital', municipality: 'the municipality', region: 'the region' };

/** The facts a case worker acts on, in one line, in their words: level and who provides it, discharge, the plan's deadline, the guarantee. */
function keyFactsDa(facts: Facts): string {
  const provider = facts.provider ? `, varetages af ${PROVIDER_DA[facts.provider]}` : '';
  const guarantee = facts.guaranteedStartBy
    ? `tilbud om opstart senest ${facts.guaranteedStartBy} (genoptræningsgarantien, sundhedsloven § 140 stk. 4)`
    : facts.guarantee.applies
      ? 'genoptræningsgarantien gælder, men datoen kan ikke beregnes'
      : 'genoptræningsgarantien gælder ikke';
  return `niveau ${facts.level ?? '?'}${provider}, udskrevet ${facts.dischargeDate ?? '?'}, ${facts.mustStartBy ? `opstart senest ${facts.mustStartBy} (planens frist)` : 'ingen frist i planen'}, ${guarantee}`;
}

function keyFactsEn(facts: Facts): string {
  const provider = facts.provider ? `, provided by ${PROVIDER_EN[facts.provider]}` : '';
  const guarantee = facts.guaranteedStartBy
    ? `start to be offered by ${facts.guaranteedStartBy} (rehabilitation guarantee, Health Act s. 140(4))`
    : facts.guarantee.applies
      ? 'the rehabilitation guarantee applies, but its date cannot be computed'
      : 'no rehabilitation guarantee';
  return `level ${facts.level ?? '?'}${provider}, discharged ${facts.dischargeDate ?? '?'}, must start by ${facts.mustStartBy ?? '-'}, ${guarantee}`;
}

const COLOURS = { fatal: '\x1b[1;31m', error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', green: '\x1b[32m', reset: '\x1b[0m' } as const;

/**
 * For people: `file:line:col  severity  ruleId  message`, the key facts, and a closing summary. Every value printed
 * (file name, rule id, message, facts) shows its control characters as escapes, and no line starts a CI command.
 */
export function textFormatter(options: FormatOptions = {}): Formatter {
  const paint = (colour: keyof typeof COLOURS, text: string) => (options.color ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
  const message = messageIn(options.language);
  const da = options.language === 'da';
  return {
    begin: () => '',
    file({ file, report }) {
      const lines: string[] = [];
      const name = visibleControls(file);
      for (const f of report.findings) {
        lines.push(withoutCommandStart(`${locationOf(name, f)}  ${paint(f.severity, f.severity.padEnd(7))}  ${visibleControls(f.ruleId)}  ${visibleControls(message(f))}`));
      }
      const facts = report.facts;
      const state = report.valid ? paint('green', da ? 'gyldig' : 'valid') : paint('error', da ? 'ugyldig' : 'invalid');
      const days = daysLeft(report);
      const keyFacts = facts ? `${da ? keyFactsDa(facts) : keyFactsEn(facts)}${days ? `, ${da ? days.da : days.en}` : ''}` : '';
      // The colour code goes before the line; the check for a command start is on the text itself.
      const summary = withoutCommandStart(`${name}: ${state}${keyFacts ? ` — ${visibleControls(keyFacts)}` : ''}`);
      lines.push(paint('dim', summary));
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

import type { RuleContext } from '../rule';
import { inForce } from '../../standard/legal-calendar';

/** Plans authorised before the 2015 order (the legal calendar) follow the old one: its content rules differ (GOP-LAW-012 says so). */
export function isOldRegime(context: Pick<RuleContext<unknown>, 'facts'>): boolean {
  const authorised = context.facts.authorisedAt;
  return authorised !== undefined && !inForce('order2015', authorised);
}

/** Formatted text that says something: absent, empty and whitespace-only all say nothing. */
function isBlank(text: { text?: string } | undefined): boolean {
  return !text?.text?.trim();
}

type DescriptionProp = 'abilityAtDischargeSummary' | 'rehabilitationNeedAndPotential' | 'abilityAtDischargeExtended';

/** The law asks the plan to describe something: report the element when it is absent or says nothing. */
export function requireDescription(context: RuleContext<{ notDescribed: Record<string, never> }>, prop: DescriptionProp): void {
  if (!isOldRegime(context) && isBlank(context.message.rehabilitationPlan?.[prop]))
    context.report(['rehabilitationPlan', prop], 'notDescribed');
}

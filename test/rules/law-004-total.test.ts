import rule from '../../src/rules/catalogue/law-004-total';
import { before, MIN, P, withLevel } from './plan';
import { testRule } from './test-rule';

/** The total description that level rehabilitering asks for. */
const withExtended = (
  xml: string,
  text = 'Samlet funktionsevne: afasi og højresidig lammelse; behov for støtte til at vende tilbage til arbejdet.',
) => before(xml, '<RehabilitationNeedAndPotential>', `<AbilityAtDischargeExtended>${text}</AbilityAtDischargeExtended>`);

testRule(rule, {
  others: [],
  valid: [
    { name: 'almen without AbilityAtDischargeExtended (minimal.xml itself)', xml: MIN },
    { name: 'rehabilitering with AbilityAtDischargeExtended', xml: withExtended(withLevel('rehabilitering')) },
  ],
  invalid: [
    {
      name: 'rehabilitering without AbilityAtDischargeExtended',
      xml: withLevel('rehabilitering'),
      findings: [{ messageId: 'notDescribed', path: `${P}/AbilityAtDischargeExtended`, at: ['RehabilitationPlan'] }],
    },
    {
      name: 'rehabilitering with a blank AbilityAtDischargeExtended',
      xml: withExtended(withLevel('rehabilitering'), ' '),
      findings: [{ messageId: 'notDescribed', path: `${P}/AbilityAtDischargeExtended`, at: ['AbilityAtDischargeExtended'] }],
    },
  ],
});

import rule from '../../src/rules/catalogue/law-002-ability';
import { drop, MIN, P, setText } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [
    {
      name: 'ability at discharge given only in bold',
      xml: setText(MIN, ['AbilityAtDischargeSummary'], '<mm100:Bold>Går med rollator</mm100:Bold>'),
    },
  ],
  invalid: [
    {
      name: 'AbilityAtDischargeSummary of whitespace only',
      xml: setText(MIN, ['AbilityAtDischargeSummary'], '   '),
      findings: [{ messageId: 'notDescribed', path: `${P}/AbilityAtDischargeSummary`, at: ['AbilityAtDischargeSummary'] }],
    },
    {
      name: 'no AbilityAtDischargeSummary (points at RehabilitationPlan)',
      xml: drop(MIN, 'AbilityAtDischargeSummary'),
      findings: [{ messageId: 'notDescribed', path: `${P}/AbilityAtDischargeSummary`, at: ['RehabilitationPlan'] }],
    },
  ],
});

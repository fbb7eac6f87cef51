import rule from '../../src/rules/catalogue/law-003-need';
import { drop, MIN, P } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [{ name: 'need described (minimal.xml itself)', xml: MIN }],
  invalid: [
    {
      name: 'no RehabilitationNeedAndPotential (points at RehabilitationPlan)',
      xml: drop(MIN, 'RehabilitationNeedAndPotential'),
      findings: [{ messageId: 'notDescribed', path: `${P}/RehabilitationNeedAndPotential`, at: ['RehabilitationPlan'] }],
    },
  ],
});

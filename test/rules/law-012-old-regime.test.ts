import rule from '../../src/rules/catalogue/law-012-old-regime';
import { MIN, P, plannedOn, withLevel, withoutContent } from './plan';
import { testRule } from './test-rule';

// The old regime: the content rules GOP-LAW-001..004 are then not applied.
testRule(rule, {
  others: [],
  valid: [
    {
      name: 'authorised 2015-01-01, level avanceret: the 2015 rules apply',
      xml: plannedOn('2015-01-01', withLevel('avanceret')),
      others: ['GOP-LAW-001'],
    },
    {
      name: 'authorised 2015-01-01, no content: GOP-LAW-001..003 fire',
      xml: plannedOn('2015-01-01', withoutContent(MIN)),
      others: ['GOP-LAW-001', 'GOP-LAW-002', 'GOP-LAW-003'],
    },
  ],
  invalid: [
    {
      name: 'authorised 2014-12-31, level avanceret, no ability, no need: only the info',
      xml: plannedOn('2014-12-31', withoutContent(MIN)),
      findings: [{ messageId: 'oldRegime', path: `${P}/Letter/Authorisation`, at: ['Authorisation'], message: /2014-12-31/ }],
    },
    {
      name: 'authorised 2014-12-31, rehabilitering without the total description: only the info',
      xml: plannedOn('2014-12-31', withLevel('rehabilitering')),
      findings: [{ messageId: 'oldRegime', path: `${P}/Letter/Authorisation`, at: ['Authorisation'] }],
    },
  ],
});

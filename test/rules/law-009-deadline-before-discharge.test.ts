import rule from '../../src/rules/catalogue/law-009-deadline-before-discharge';
import { P, withDeadline } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [{ name: 'deadline 05.03.2019, the discharge day itself', xml: withDeadline('senest 05.03.2019') }],
  invalid: [
    {
      name: 'deadline 01.03.2019, four days before the discharge on 2019-03-05',
      xml: withDeadline('senest 01.03.2019'),
      findings: [
        {
          messageId: 'beforeDischarge',
          path: `${P}/RehabilitationDeadline`,
          at: ['RehabilitationDeadline'],
          message: /2019-03-01.*2019-03-05/,
        },
      ],
    },
  ],
});

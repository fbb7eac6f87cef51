import rule from '../../src/rules/catalogue/law-010-authorised-late';
import { authorisedOn, P, sentOn } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [{ name: 'authorised the day before discharge', xml: sentOn('2019-03-04', authorisedOn('2019-03-04')) }],
  invalid: [
    {
      name: 'authorised and sent 2019-03-06, the day after discharge',
      xml: sentOn('2019-03-06', authorisedOn('2019-03-06')),
      findings: [
        { messageId: 'afterDischarge', path: `${P}/Letter/Authorisation`, at: ['Authorisation'], message: /2019-03-06.*2019-03-05/ },
      ],
    },
  ],
});

import rule from '../../src/rules/catalogue/law-007-gp';
import { drop, MIN, P, replace, withGpCopy } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [
    { name: 'GPCCReceiver with <Deselected/> (minimal.xml itself)', xml: MIN },
    { name: 'GPCCReceiver with the GP', xml: withGpCopy(MIN) },
  ],
  invalid: [
    {
      name: 'no GPCCReceiver (points at RehabilitationPlan)',
      xml: drop(MIN, 'GPCCReceiver'),
      findings: [{ messageId: 'noGpccReceiver', path: `${P}/GPCCReceiver`, at: ['RehabilitationPlan'], message: /has no GPCCReceiver/ }],
    },
    {
      name: 'an empty <GPCCReceiver/>',
      xml: replace(MIN, '<GPCCReceiver>\n      <Deselected/>\n    </GPCCReceiver>', '<GPCCReceiver/>'),
      findings: [{ messageId: 'emptyGpccReceiver', path: `${P}/GPCCReceiver`, at: ['GPCCReceiver'], message: /names neither/ }],
    },
  ],
});

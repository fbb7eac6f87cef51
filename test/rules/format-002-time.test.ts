import rule from '../../src/rules/catalogue/format-002-time';
import { MIN, P, setText } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [
    {
      name: 'authorised at 00:00 and sent at 23:59',
      xml: setText(setText(MIN, ['Authorisation', 'mm100:Time'], '00:00'), ['mm100:Sent', 'mm100:Time'], '23:59'),
    },
  ],
  invalid: [
    {
      name: 'sent at 24:15',
      xml: setText(MIN, ['mm100:Sent', 'mm100:Time'], '24:15'),
      findings: [{ messageId: 'notATime', path: '/Emessage/Envelope/Sent/Time', at: ['mm100:Sent', 'mm100:Time'], message: /"24:15"/ }],
    },
    {
      name: 'authorised at 9:58 (one-digit hour)',
      xml: setText(MIN, ['Authorisation', 'mm100:Time'], '9:58'),
      findings: [{ messageId: 'notATime', path: `${P}/Letter/Authorisation/Time`, at: ['Authorisation', 'mm100:Time'] }],
    },
  ],
});

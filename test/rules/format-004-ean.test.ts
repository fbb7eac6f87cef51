import rule from '../../src/rules/catalogue/format-004-ean';
import { MIN, P, setText } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [
    // 5,7,9,0,0,0,1,3,5,4,1,4 weighted 1,3,1,3,...: 5+21+9+0+0+0+1+9+5+12+1+12 = 75, check digit (10 - 5) % 10 = 5
    { name: 'sender EAN 5790001354145 (correct GS1 check digit 5)', xml: setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790001354145') },
  ],
  invalid: [
    {
      name: 'sender EAN with check digit 1 instead of 0',
      xml: setText(MIN, ['Sender', 'mm100:EANIdentifier'], '5790002724511'),
      findings: [
        { messageId: 'checkDigit', path: `${P}/Sender/EANIdentifier`, at: ['Sender', 'mm100:EANIdentifier'], message: /should be 0/ },
      ],
    },
    {
      name: 'receiver EAN of 12 digits',
      xml: setText(MIN, ['Receiver', 'mm100:EANIdentifier'], '579000139919'),
      findings: [
        {
          messageId: 'notThirteenDigits',
          path: `${P}/Receiver/EANIdentifier`,
          at: ['Receiver', 'mm100:EANIdentifier'],
          message: /not a 13-digit/,
        },
      ],
    },
  ],
});

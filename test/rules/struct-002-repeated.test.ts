import { STRUCT_002 } from '../../src/model/diagnostics/struct-002-repeated';
import { MIN, P, replace } from './plan';
import { testRule } from './test-rule';

const phone = (number: string) =>
  `<TelephoneSubscriber><mm100:TelephoneSubscriberIdentifier>${number}</mm100:TelephoneSubscriberIdentifier><TelephoneSubscriberCode>mobil</TelephoneSubscriberCode></TelephoneSubscriber>`;

testRule(STRUCT_002, {
  others: [],
  valid: [
    {
      name: 'two patient phones (TelephoneSubscriber may repeat)',
      xml: replace(MIN, '</Patient>', `${phone('20304050')}${phone('20304051')}</Patient>`),
    },
  ],
  invalid: [
    {
      name: 'ConsentInformed twice',
      xml: replace(
        MIN,
        '<ConsentInformed>ja</ConsentInformed>',
        '<ConsentInformed>ja</ConsentInformed><ConsentInformed>ja</ConsentInformed>',
      ),
      findings: [
        {
          messageId: 'tooMany',
          path: `${P}/ConsentInformed`,
          at: ['ConsentInformed', 'ConsentInformed'],
          data: { element: 'ConsentInformed', max: 1 },
        },
      ],
    },
    {
      name: 'Deselected twice',
      xml: replace(MIN, '<Deselected/>', '<Deselected/><Deselected/>'),
      findings: [
        {
          messageId: 'tooMany',
          path: `${P}/GPCCReceiver/Deselected`,
          at: ['Deselected', 'Deselected'],
          data: { element: 'Deselected', max: 1 },
        },
      ],
    },
  ],
});

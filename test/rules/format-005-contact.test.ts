import rule from '../../src/rules/catalogue/format-005-contact';
import { after, MIN, P, setText } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [
    {
      name: 'postcode 5260, phone +45 48 29 31 40, a well-formed e-mail',
      xml: setText(
        after(
          MIN,
          '<mm100:PersonGivenName>',
          '<mm100:PostCodeIdentifier>5260</mm100:PostCodeIdentifier>',
          '<EmailAddressIdentifier>kirsten.hojgaard@example.dk</EmailAddressIdentifier>',
        ),
        ['ContactCounty', 'mm100:TelephoneSubscriberIdentifier'],
        '+45 48 29 31 40',
      ),
    },
  ],
  invalid: [
    {
      name: 'patient postcode 52600',
      xml: after(MIN, '<mm100:PersonGivenName>', '<mm100:PostCodeIdentifier>52600</mm100:PostCodeIdentifier>'),
      findings: [{ messageId: 'postcode', path: `${P}/Patient/PostCodeIdentifier`, at: ['Patient', 'mm100:PostCodeIdentifier'] }],
    },
    {
      name: 'region phone of 7 digits',
      xml: setText(MIN, ['ContactCounty', 'mm100:TelephoneSubscriberIdentifier'], '4829314'),
      findings: [
        {
          messageId: 'phone',
          path: `${P}/ContactCounty/TelephoneSubscriberIdentifier`,
          at: ['ContactCounty', 'mm100:TelephoneSubscriberIdentifier'],
        },
      ],
    },
    {
      name: 'patient e-mail without a domain',
      xml: after(MIN, '<mm100:PersonGivenName>', '<EmailAddressIdentifier>kirsten@</EmailAddressIdentifier>'),
      findings: [{ messageId: 'email', path: `${P}/Patient/EmailAddressIdentifier`, at: ['EmailAddressIdentifier'] }],
    },
  ],
});

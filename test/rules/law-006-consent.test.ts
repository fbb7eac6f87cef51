import rule from '../../src/rules/catalogue/law-006-consent';
import { MIN, P, replace, withConsent, withGpCopy } from './plan';
import { testRule } from './test-rule';

const TO_MUNICIPALITY = {
  messageId: 'sentWithoutConsent',
  path: `${P}/Receiver`,
  at: ['Receiver'],
  data: { to: 'municipality' },
  message: /addressed to the home municipality/,
} as const;
const TO_GP = {
  messageId: 'sentWithoutConsent',
  path: `${P}/GPCCReceiver/CCReceiver`,
  at: ['GPCCReceiver', 'CCReceiver'],
  data: { to: 'gp' },
  message: /copied to the GP/,
} as const;

testRule(rule, {
  others: [],
  valid: [
    { name: 'consent ja, to a municipality and copied to the GP', xml: withConsent('ja', withGpCopy(MIN)) },
    { name: 'consent ja, GP opted out (minimal.xml itself)', xml: MIN },
  ],
  invalid: [
    { name: 'consent nej, addressed to a municipality (GP opted out)', xml: withConsent('nej'), findings: [TO_MUNICIPALITY] },
    {
      name: 'consent nej, receiver given by location number (still the home municipality) and copied to the GP',
      xml: withConsent(
        'nej',
        withGpCopy(replace(MIN, '<IdentifierCode>kommunenummer</IdentifierCode>', '<IdentifierCode>lokationsnummer</IdentifierCode>')),
      ),
      findings: [TO_MUNICIPALITY, TO_GP],
    },
    {
      name: 'consent nej, to a municipality and copied to the GP: two findings',
      xml: withConsent('nej', withGpCopy(MIN)),
      findings: [TO_MUNICIPALITY, TO_GP],
    },
  ],
});

import rule from '../../src/rules/catalogue/law-005-contacts';
import { drop, MIN, P, replace } from './plan';
import { testRule } from './test-rule';

const COUNTY_PHONE = '<mm100:TelephoneSubscriberIdentifier>48 29 31 40</mm100:TelephoneSubscriberIdentifier>';

testRule(rule, {
  others: [],
  valid: [
    { name: 'ContactCounty with a phone (minimal.xml itself)', xml: MIN },
    {
      name: 'ContactCounty with a street and postcode, no phone',
      xml: replace(
        MIN,
        COUNTY_PHONE,
        '<mm100:StreetName>Kongens Vænge 2</mm100:StreetName>\n      <mm100:PostCodeIdentifier>3400</mm100:PostCodeIdentifier>',
      ),
    },
  ],
  invalid: [
    {
      name: 'ContactCounty with only a department name',
      xml: replace(MIN, COUNTY_PHONE, '<mm100:DepartmentName>Region Hovedstaden</mm100:DepartmentName>'),
      findings: [
        {
          messageId: 'unreachable',
          path: `${P}/ContactCounty`,
          at: ['ContactCounty'],
          message: /neither a phone number nor a street address/,
        },
      ],
    },
    {
      name: 'ContactMunicipality with a street but no postcode',
      xml: replace(
        MIN,
        '<mm100:TelephoneSubscriberIdentifier>72 32 25 50</mm100:TelephoneSubscriberIdentifier>',
        '<mm100:StreetName>Rådhuspladsen 1</mm100:StreetName>',
      ),
      findings: [{ messageId: 'unreachable', path: `${P}/ContactMunicipality`, at: ['ContactMunicipality'] }],
    },
    {
      name: 'no ContactMunicipality at all',
      xml: drop(MIN, 'ContactMunicipality'),
      findings: [
        {
          messageId: 'absent',
          path: `${P}/ContactMunicipality`,
          at: ['RehabilitationPlan'],
          message: /no contact details for the home municipality/,
        },
      ],
    },
  ],
});

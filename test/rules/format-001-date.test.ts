import rule from '../../src/rules/catalogue/format-001-date';
import { admittedOn, authorisedOn, P } from './plan';
import { testRule } from './test-rule';

testRule(rule, {
  others: [],
  valid: [
    { name: 'admission on 2016-02-29 (a leap day)', xml: admittedOn('2016-02-29') },
    { name: 'admission on 2000-02-29 (divisible by 400)', xml: admittedOn('2000-02-29') },
  ],
  invalid: [
    {
      name: 'admission on 29 February of a common year (2015-02-29)',
      xml: admittedOn('2015-02-29'),
      findings: [{ messageId: 'notADate', path: `${P}/CurrentHospitalContact/Start/Date`, at: ['Start', 'Date'], message: /"2015-02-29"/ }],
    },
    {
      name: 'authorisation date written the Danish way (05.03.2019)',
      xml: authorisedOn('05.03.2019'),
      findings: [{ messageId: 'notADate', path: `${P}/Letter/Authorisation/Date`, at: ['Authorisation', 'mm100:Date'] }],
    },
  ],
});

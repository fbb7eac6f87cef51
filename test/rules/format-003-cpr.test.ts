import rule from '../../src/rules/catalogue/format-003-cpr';
import { MIN, P, setText } from './plan';
import { testRule } from './test-rule';

const withCpr = (cpr: string) => setText(MIN, ['mm100:CivilRegistrationNumber'], cpr);
const CPR = { path: `${P}/Patient/CivilRegistrationNumber`, at: ['mm100:CivilRegistrationNumber'] };

testRule(rule, {
  others: [],
  valid: [
    { name: 'CPR 290284-1234 (29 February 1984, a leap year)', xml: withCpr('2902841234') },
    { name: 'CPR 290200-4000 (7th digit 4 and year 00: 2000, a leap year)', xml: withCpr('2902004000') },
    { name: 'CPR failing modulus 11 (not required since 2007)', xml: withCpr('0512471831') },
  ],
  invalid: [
    {
      name: 'CPR 290285-1234 (29 February 1985, not a leap year)',
      xml: withCpr('2902851234'),
      findings: [{ messageId: 'invalidBirthDate', ...CPR, message: /not a real date of birth/ }],
    },
    {
      name: 'CPR 290200-3000 (7th digit 3: 1900, not a leap year)',
      xml: withCpr('2902003000'),
      findings: [{ messageId: 'invalidBirthDate', ...CPR }],
    },
    {
      name: 'CPR of 9 digits',
      xml: withCpr('051247183'),
      findings: [{ messageId: 'notTenDigits', ...CPR, message: /not exactly 10 digits/ }],
    },
  ],
});

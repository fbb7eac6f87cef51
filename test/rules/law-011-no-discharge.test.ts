import rule from '../../src/rules/catalogue/law-011-no-discharge';
import { after, dischargedOn, drop, MIN, P } from './plan';
import { testRule } from './test-rule';

const EXPECTED_END = `${P}/CurrentHospitalContact/ExpectedEnd`;

testRule(rule, {
  others: [],
  valid: [
    { name: 'an invalid discharge date is GOP-FORMAT-001, not GOP-LAW-011', xml: dischargedOn('2019-02-30'), others: ['GOP-FORMAT-001'] },
  ],
  invalid: [
    {
      name: 'no ExpectedEnd (points at CurrentHospitalContact)',
      xml: drop(MIN, 'ExpectedEnd'),
      findings: [{ messageId: 'noDischargeDate', path: EXPECTED_END, at: ['CurrentHospitalContact'], data: { hasText: false } }],
    },
    {
      name: 'only ExpectedEndText',
      xml: after(drop(MIN, 'ExpectedEnd'), '</Start>', '<ExpectedEndText>Forventet udskrivelse i næste uge</ExpectedEndText>'),
      findings: [
        {
          messageId: 'noDischargeDate',
          path: EXPECTED_END,
          at: ['CurrentHospitalContact'],
          data: { hasText: true },
          message: /only free text/,
        },
      ],
    },
    {
      name: 'no CurrentHospitalContact at all (points at RehabilitationPlan)',
      xml: drop(MIN, 'CurrentHospitalContact'),
      findings: [{ messageId: 'noDischargeDate', path: EXPECTED_END, at: ['RehabilitationPlan'] }],
    },
  ],
});

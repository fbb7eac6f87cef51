import { STRUCT_001 } from '../../src/model/diagnostics/struct-001-missing';
import { drop, MIN, P, replace } from './plan';
import { testRule } from './test-rule';

testRule(STRUCT_001, {
  others: [],
  valid: [
    { name: "the Sender's optional local Identifier left out", xml: replace(MIN, '<mm100:Identifier>4001171</mm100:Identifier>', '') },
    { name: 'minimal.xml itself', xml: MIN },
  ],
  invalid: [
    {
      // GOP-LAW-001's finding beside it: test/rules/law-001-level.test.ts
      name: 'no TypeOfRehabilitationPlan (points at RehabilitationPlan)',
      xml: drop(MIN, 'TypeOfRehabilitationPlan'),
      others: ['GOP-LAW-001'],
      findings: [{ messageId: 'missing', path: P, at: ['RehabilitationPlan'], data: { element: 'TypeOfRehabilitationPlan' } }],
    },
    {
      name: 'a Patient without CivilRegistrationNumber',
      xml: drop(MIN, 'mm100:CivilRegistrationNumber'),
      findings: [
        { messageId: 'missing', path: `${P}/Patient`, at: ['Patient'], data: { element: 'CivilRegistrationNumber', parent: 'Patient' } },
      ],
    },
  ],
});

import { STRUCT_005 } from '../../src/model/diagnostics/struct-005-wrong-type';
import { minimalModel, P } from './plan';
import { testRule } from './test-rule';

// Only an object given to checkGop can hold a value of the wrong type (test/validate-object.test.ts has many more).
const edited = (edit: (message: ReturnType<typeof minimalModel>) => void) => {
  const message = minimalModel();
  edit(message);
  return message;
};

testRule(STRUCT_005, {
  others: [],
  valid: [
    { name: "minimal.xml's model", model: minimalModel() },
    { name: 'another CPR number, as text', model: edited((m) => (m.rehabilitationPlan.patient.civilRegistrationNumber = '0101701234')) },
    {
      name: 'one object twice in a list is shared, not a cycle',
      model: edited((m) => {
        const party = { eanIdentifier: '5790000121526' };
        m.rehabilitationPlan.ccReceiver = [party, party];
      }),
    },
  ],
  invalid: [
    {
      name: 'a numeric CPR number',
      model: edited((m) => (m.rehabilitationPlan.patient.civilRegistrationNumber = 512471830)),
      findings: [
        {
          messageId: 'wrongType',
          path: `${P}/Patient/CivilRegistrationNumber`,
          data: { element: 'CivilRegistrationNumber', expected: 'text', found: 'number' },
          message: /^CivilRegistrationNumber must be text \(a string\), not a number; it is left out of every other check\.$/,
        },
      ],
    },
    {
      name: 'ConsentInformed null',
      model: edited((m) => (m.rehabilitationPlan.consentInformed = null)),
      findings: [{ messageId: 'wrongType', path: `${P}/ConsentInformed`, data: { found: 'null' } }],
    },
    {
      name: 'a Patient that is the plan itself (a cycle)',
      model: edited((m) => (m.rehabilitationPlan.patient = m.rehabilitationPlan)),
      findings: [{ messageId: 'cycle', path: `${P}/Patient`, message: /\(a cycle\)/ }],
    },
  ],
});

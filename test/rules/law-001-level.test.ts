import rule from '../../src/rules/catalogue/law-001-level';
import { drop, MIN, P, plannedOn, withLevel } from './plan';
import { testRule } from './test-rule';

const LEVEL = { path: `${P}/TypeOfRehabilitationPlan`, at: ['TypeOfRehabilitationPlan'] };

testRule(rule, {
  others: [],
  valid: [
    { name: 'level specialiseret', xml: withLevel('specialiseret') },
    {
      name: 'no TypeOfRehabilitationPlan in a plan authorised 2014-12-31 (old regime): only the structure finding',
      xml: plannedOn('2014-12-31', drop(MIN, 'TypeOfRehabilitationPlan')),
      others: ['GOP-STRUCT-001', 'GOP-LAW-012'],
    },
  ],
  invalid: [
    {
      name: "level avanceret (the municipality's split of almen)",
      xml: withLevel('avanceret'),
      findings: [{ messageId: 'unknown', ...LEVEL, message: /"avanceret"/ }],
    },
    {
      name: 'level Almen (case matters)',
      xml: withLevel('Almen'),
      findings: [{ messageId: 'unknown', ...LEVEL, message: /"Almen" is not one of/ }],
    },
    {
      // GOP-STRUCT-001's own finding, where it points: test/rules/struct-001-missing.test.ts
      name: "no TypeOfRehabilitationPlan: the law's finding beside the structure finding",
      xml: drop(MIN, 'TypeOfRehabilitationPlan'),
      others: ['GOP-STRUCT-001'],
      findings: [
        {
          messageId: 'missing',
          path: `${P}/TypeOfRehabilitationPlan`,
          at: ['RehabilitationPlan'],
          message: /^The plan states no specialisation level \(TypeOfRehabilitationPlan\)/,
        },
      ],
    },
    {
      // GOP-STRUCT-004's own finding, where it points: test/rules/struct-004-empty.test.ts
      name: 'an empty TypeOfRehabilitationPlan: "no level", not "not one of the three"',
      xml: withLevel(''),
      others: ['GOP-STRUCT-004'],
      findings: [{ messageId: 'missing', ...LEVEL, message: /^The plan states no specialisation level/ }],
    },
  ],
});

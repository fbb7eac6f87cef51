import { STRUCT_004 } from '../../src/model/diagnostics/struct-004-empty';
import { MIN, P, setText, withLevel } from './plan';
import { testRule } from './test-rule';

const withSurname = (name: string) => setText(MIN, ['mm100:PersonSurnameName'], name);
const SURNAME = { path: `${P}/Patient/PersonSurnameName`, at: ['mm100:PersonSurnameName'], data: { element: 'PersonSurnameName' } };

testRule(STRUCT_004, {
  others: [],
  valid: [
    { name: 'a one-letter surname', xml: withSurname('Ø') },
    {
      name: 'ability at discharge given only in bold',
      xml: setText(MIN, ['AbilityAtDischargeSummary'], '<mm100:Bold>Går med rollator</mm100:Bold>'),
    },
  ],
  invalid: [
    { name: 'an empty PersonSurnameName', xml: withSurname(''), findings: [{ messageId: 'empty', ...SURNAME }] },
    { name: 'a PersonSurnameName of spaces', xml: withSurname('  '), findings: [{ messageId: 'empty', ...SURNAME }] },
    {
      // GOP-LAW-001's finding beside it: test/rules/law-001-level.test.ts
      name: 'an empty TypeOfRehabilitationPlan',
      xml: withLevel(''),
      others: ['GOP-LAW-001'],
      findings: [{ messageId: 'empty', path: `${P}/TypeOfRehabilitationPlan`, at: ['TypeOfRehabilitationPlan'] }],
    },
  ],
});

import rule from '../../src/rules/catalogue/law-008-deadline-unreadable';
import { P, withDeadline } from './plan';
import { testRule } from './test-rule';

const DEADLINE = { path: `${P}/RehabilitationDeadline`, at: ['RehabilitationDeadline'] };

testRule(rule, {
  others: [],
  valid: [
    { name: 'deadline "inden for 7 dage"', xml: withDeadline('inden for 7 dage') },
    { name: 'deadline "hurtigst muligt"', xml: withDeadline('hurtigst muligt') },
    { name: 'deadline "ingen"', xml: withDeadline('ingen') },
  ],
  invalid: [
    {
      name: 'deadline "når patienten er klar"',
      xml: withDeadline('når patienten er klar'),
      findings: [{ messageId: 'unreadable', ...DEADLINE, message: /når patienten er klar/ }],
    },
    {
      name: 'deadline 30.02.2019 (no such day)',
      xml: withDeadline('senest 30.02.2019'),
      findings: [{ messageId: 'unreadable', ...DEADLINE }],
    },
  ],
});

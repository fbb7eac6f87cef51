import rule from '../../src/rules/catalogue/law-013-chronology';
import { admittedOn, MIN, P, sentOn, setText } from './plan';
import { testRule } from './test-rule';

// Dates in an impossible order (added by the project).
testRule(rule, {
  others: [],
  valid: [
    { name: 'sent in the very minute of authorisation', xml: setText(MIN, ['mm100:Sent', 'mm100:Time'], '09:58') },
    { name: 'sent the next day at an earlier clock time', xml: setText(sentOn('2019-03-06'), ['mm100:Sent', 'mm100:Time'], '08:00') },
    { name: 'admitted on the discharge day', xml: admittedOn('2019-03-05') },
  ],
  invalid: [
    {
      name: 'admitted 2019-03-06, after the discharge on 2019-03-05',
      xml: admittedOn('2019-03-06'),
      findings: [
        {
          messageId: 'admissionAfterDischarge',
          path: `${P}/CurrentHospitalContact/Start`,
          at: ['Start'],
          message: /admission \(2019-03-06\) is after the discharge \(2019-03-05\)/,
        },
      ],
    },
    {
      name: 'sent 09:41, authorised 09:58 the same day',
      xml: setText(MIN, ['mm100:Sent', 'mm100:Time'], '09:41'),
      findings: [
        {
          messageId: 'sentBeforeAuthorised',
          path: '/Emessage/Envelope/Sent',
          at: ['mm100:Sent'],
          message: /sent \(2019-03-05T09:41\) before the plan was authorised \(2019-03-05T09:58\)/,
        },
      ],
    },
  ],
});

import rule from '../../src/rules/catalogue/code-001-code-lists';
import { after, MIN, P, withConsent, withDiagnosis } from './plan';
import { testRule } from './test-rule';

const withPatientPhone = (number: string, code: string) =>
  after(
    MIN,
    '<mm100:PersonGivenName>',
    '<TelephoneSubscriber>',
    `  <mm100:TelephoneSubscriberIdentifier>${number}</mm100:TelephoneSubscriberIdentifier>`,
    `  <TelephoneSubscriberCode>${code}</TelephoneSubscriberCode>`,
    '</TelephoneSubscriber>',
  );

testRule(rule, {
  others: [],
  valid: [{ name: 'telephone code mobil', xml: withPatientPhone('20 30 40 50', 'mobil') }],
  invalid: [
    {
      name: 'telephone code mobiltelefon',
      xml: withPatientPhone('20 30 40 50', 'mobiltelefon'),
      findings: [
        {
          messageId: 'notInList',
          path: `${P}/Patient/TelephoneSubscriber[1]/TelephoneSubscriberCode`,
          at: ['TelephoneSubscriber', 'TelephoneSubscriberCode'],
          message: /TelephoneSubscriberCode/,
        },
      ],
    },
    {
      name: 'consent Ja (code lists are case-sensitive)',
      xml: withConsent('Ja'),
      findings: [{ messageId: 'notInList', path: `${P}/ConsentInformed`, at: ['ConsentInformed'] }],
    },
    {
      name: 'diagnosis TypeCode ICD-10',
      xml: withDiagnosis('DS720', 'ICD-10'),
      findings: [
        {
          messageId: 'notInList',
          path: `${P}/ICD10Diagnoses/ICD10Diagnose[1]/PrimaryDiagnosis/TypeCode`,
          at: ['PrimaryDiagnosis', 'TypeCode'],
        },
      ],
    },
  ],
});

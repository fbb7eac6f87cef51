import rule from '../../src/rules/catalogue/format-006-codes';
import { before, MIN, P, withDiagnosis } from './plan';
import { testRule } from './test-rule';

const withIcf = (...codes: string[]) =>
  before(
    MIN,
    '<ContactCounty>',
    '<ICFClassifications>',
    ...codes.flatMap((code) => [
      '  <ICFClassification>',
      '    <ICFCode>',
      `      <Code>${code}</Code>`,
      '      <TypeCode>ICFKode</TypeCode>',
      '    </ICFCode>',
      '  </ICFClassification>',
    ]),
    '</ICFClassifications>',
  );

testRule(rule, {
  others: [],
  valid: [
    { name: 'SKS diagnosis DS720', xml: withDiagnosis('DS720') },
    { name: 'ICF codes FB799 (SKS) and b2801 (WHO)', xml: withIcf('FB799', 'b2801') },
  ],
  invalid: [
    {
      name: 'diagnosis written the WHO way (S72.0)',
      xml: withDiagnosis('S72.0'),
      findings: [
        { messageId: 'diagnosis', path: `${P}/ICD10Diagnoses/ICD10Diagnose[1]/PrimaryDiagnosis/Code`, at: ['PrimaryDiagnosis', 'Code'] },
      ],
    },
    {
      name: 'ICF code FX799 (no such component)',
      xml: withIcf('FX799'),
      findings: [{ messageId: 'icf', path: `${P}/ICFClassifications/ICFClassification[1]/ICFCode/Code`, at: ['ICFCode', 'Code'] }],
    },
  ],
});

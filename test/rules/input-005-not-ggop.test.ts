import { readFileSync } from 'node:fs';
import { INPUT_005 } from '../../src/read/diagnostics/input-005-not-ggop';
import { FIXTURES_DIR, OTHER_PREFIXES, reprefix } from '../helpers';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

testRule(INPUT_005, {
  others: [],
  valid: [
    { name: 'minimal.xml with other namespace prefixes', xml: reprefix(MIN, OTHER_PREFIXES) },
    { name: 'minimal.xml itself', xml: MIN },
  ],
  invalid: [
    {
      name: 'a root element of another namespace',
      xml: '<?xml version="1.0"?><Foo xmlns="urn:x"/>',
      findings: [{ messageId: 'wrongRoot', path: '/Foo', at: ['Foo'], data: { element: 'Foo', namespace: 'urn:x' } }],
    },
    {
      name: 'Letter/TypeCode XGOP',
      xml: replace(MIN, '<TypeCode>GGOP</TypeCode>', '<TypeCode>XGOP</TypeCode>'),
      findings: [{ messageId: 'wrongTypeCode', path: '/Emessage', at: ['Emessage'], data: { typeCode: 'XGOP', expected: 'GGOP' } }],
    },
    {
      name: 'an Emessage without a RehabilitationPlan',
      xml: MIN.replace(/<RehabilitationPlan>[^]*<\/RehabilitationPlan>/, ''),
      findings: [{ messageId: 'noPlan', path: '/Emessage', at: ['Emessage'] }],
    },
    {
      name: 'a home-care observation (fixture), as bytes',
      xml: readFileSync(`${FIXTURES_DIR}invalid/GOP-INPUT-005--homecare-observation.xml`),
      findings: [{ messageId: 'noPlan' }],
    },
  ],
});

import { INPUT_001 } from '../../src/xml/diagnostics/input-001-not-well-formed';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

testRule(INPUT_001, {
  others: [],
  valid: [
    {
      name: 'a character reference, an escaped ampersand and a CDATA section in a name',
      xml: replace(MIN, 'Kirsten', 'Kirs&#116;en &amp; <![CDATA[x]]>'),
    },
    {
      name: 'a comment and a processing instruction beside the elements',
      xml: replace(MIN, '<Deselected/>', '<Deselected/><?note x?><!-- fravalgt -->'),
    },
    { name: 'CRLF line ends', xml: MIN.replace(/\n/g, '\r\n') },
  ],
  invalid: [
    {
      name: 'a bare ampersand in a name',
      xml: replace(MIN, 'Kirsten', 'Kirsten & Co'),
      findings: [{ messageId: 'bareAmpersand', path: '/' }],
    },
    {
      name: 'an end tag that does not match its start tag',
      xml: replace(MIN, '</Patient>', '</Patiet>'),
      findings: [{ messageId: 'endTagMismatch', path: '/', data: { name: 'Patiet', open: 'Patient' } }],
    },
    {
      name: 'an element prefix no namespace is declared for',
      xml: replace(MIN, '<Deselected/>', '<x:Deselected/>'),
      findings: [{ messageId: 'undeclaredPrefix', path: '/', at: ['x:Deselected'], data: { element: 'x:Deselected', prefix: 'x' } }],
    },
    {
      name: 'the document ends before the root is closed',
      xml: replace(MIN, '</Emessage>', ''),
      findings: [{ messageId: 'truncated', path: '/', data: { open: 'Emessage' } }],
    },
  ],
});

import { INPUT_004 } from '../../src/input/diagnostics/input-004-limits';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

const SIZE = new TextEncoder().encode(MIN).length;

// minimal.xml nests five deep: Emessage/RehabilitationPlan/Letter/Authorisation/Date.
testRule(INPUT_004, {
  others: [],
  valid: [
    { name: 'exactly maxBytes bytes', xml: MIN, options: { maxBytes: SIZE } },
    { name: 'nested exactly maxDepth deep', xml: MIN, options: { maxDepth: 5 } },
  ],
  invalid: [
    {
      name: 'one byte over maxBytes',
      xml: MIN,
      options: { maxBytes: SIZE - 1 },
      findings: [{ messageId: 'bytes', path: '/', data: { size: SIZE, max: SIZE - 1 } }],
    },
    {
      name: 'one level deeper than maxDepth',
      xml: MIN,
      options: { maxDepth: 4 },
      findings: [{ messageId: 'depth', path: '/', at: ['Authorisation', 'mm100:Date'], data: { max: 4 } }],
    },
    {
      name: 'more elements than maxElements',
      xml: MIN,
      options: { maxElements: 10 },
      findings: [{ messageId: 'elements', path: '/', data: { max: 10 } }],
    },
    {
      name: 'more attributes on one element than maxAttributes',
      xml: replace(MIN, '<Deselected/>', '<Deselected a="1" b="2"/>'),
      options: { maxAttributes: 1 },
      findings: [{ messageId: 'attributes', path: '/', data: { max: 1 } }],
    },
  ],
});

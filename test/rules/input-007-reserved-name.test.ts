import { INPUT_007 } from '../../src/xml/diagnostics/input-007-reserved-name';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

testRule(INPUT_007, {
  others: [],
  valid: [{ name: '__proto__ as the text of a name, not as a name of the XML', xml: replace(MIN, 'Kirsten', '__proto__') }],
  invalid: [
    {
      name: 'an element named __proto__',
      xml: replace(MIN, '<Deselected/>', '<__proto__/>'),
      findings: [{ messageId: 'reservedName', path: '/', at: ['__proto__'], data: { name: '__proto__' } }],
    },
    {
      name: 'an attribute named constructor',
      xml: replace(MIN, '<Deselected/>', '<Deselected constructor="x"/>'),
      findings: [{ messageId: 'reservedName', path: '/', at: ['Deselected'], data: { name: 'constructor' } }],
    },
  ],
});

import { readFileSync } from 'node:fs';
import { INPUT_002 } from '../../src/xml/diagnostics/input-002-doctype';
import { FIXTURES_DIR } from '../helpers';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

testRule(INPUT_002, {
  others: [],
  valid: [
    { name: 'a comment that mentions a DOCTYPE', xml: replace(MIN, '<Emessage', '<!-- no <!DOCTYPE here -->\n<Emessage') },
    { name: 'the text "<!DOCTYPE x>", escaped, in a name', xml: replace(MIN, 'Kirsten', '&lt;!DOCTYPE x&gt;') },
  ],
  invalid: [
    {
      name: 'a DOCTYPE before the root',
      xml: replace(MIN, '<Emessage', '<!DOCTYPE Emessage>\n<Emessage'),
      findings: [{ messageId: 'doctype', path: '/', at: ['!DOCTYPE'] }],
    },
    {
      name: 'an entity declaration before the root',
      xml: replace(MIN, '<Emessage', '<!ENTITY a "b">\n<Emessage'),
      findings: [{ messageId: 'entity', path: '/', at: ['!ENTITY'] }],
    },
    {
      name: 'the billion laughs (fixture), as bytes',
      xml: readFileSync(`${FIXTURES_DIR}invalid/GOP-INPUT-002--billion-laughs.xml`),
      findings: [{ messageId: 'doctype', path: '/', severity: 'fatal' }],
    },
  ],
});

import { INPUT_008 } from '../../src/read/diagnostics/input-008-too-many-findings';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

/** Three unknown elements: three GOP-STRUCT-003 warnings. (test/findings-cap.test.ts: the cap over thousands.) */
const KAFFE = replace(MIN, '<Deselected/>', '<Deselected/><Kaffe/><Kaffe/><Kaffe/>');

testRule(INPUT_008, {
  valid: [
    {
      name: 'exactly maxFindings findings',
      xml: KAFFE,
      options: { maxFindings: 3 },
      others: ['GOP-STRUCT-003', 'GOP-STRUCT-003', 'GOP-STRUCT-003'],
    },
    { name: 'no finding at all', xml: MIN, options: { maxFindings: 1 }, others: [] },
  ],
  invalid: [
    {
      name: 'three findings, maxFindings 1',
      xml: KAFFE,
      options: { maxFindings: 1 },
      others: ['GOP-STRUCT-003'],
      findings: [
        {
          messageId: 'tooMany',
          path: '/',
          data: { shown: 1, fatal: 0, error: 0, warning: 2, info: 0 },
          message: /first 1 findings are listed; 2 more/,
        },
      ],
    },
  ],
});

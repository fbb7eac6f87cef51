import { STRUCT_003 } from '../../src/model/diagnostics/struct-003-unknown';
import { OTHER_PREFIXES, reprefix } from '../helpers';
import { MIN, minimalModel, P, replace } from './plan';
import { testRule } from './test-rule';

const withProperty = () => {
  const message = minimalModel();
  message.rehabilitationPlan.kaffe = 'sort';
  return message;
};

testRule(STRUCT_003, {
  others: [],
  valid: [
    {
      name: 'a comment and a processing instruction are no elements',
      xml: replace(MIN, '<Deselected/>', '<Deselected/><?note x?><!-- fravalgt -->'),
    },
    { name: 'minimal.xml with other namespace prefixes', xml: reprefix(MIN, OTHER_PREFIXES) },
    { name: "minimal.xml's model", model: minimalModel() },
  ],
  invalid: [
    {
      name: 'an element <Kaffe/> the standard does not have',
      xml: replace(MIN, '<Deselected/>', '<Deselected/><Kaffe/>'),
      findings: [
        {
          messageId: 'unknownElement',
          path: `${P}/GPCCReceiver/Kaffe`,
          at: ['Kaffe'],
          data: { element: 'Kaffe', namespace: 'urn:oio:medcom:municipality:1.0.4' },
        },
      ],
    },
    {
      name: 'an attribute the standard does not have',
      xml: replace(MIN, '<Deselected/>', '<Deselected note="x"/>'),
      findings: [
        {
          messageId: 'unknownAttribute',
          path: `${P}/GPCCReceiver/Deselected`,
          at: ['Deselected'],
          data: { attribute: 'note', value: 'x' },
        },
      ],
    },
    {
      name: 'a model with a property the standard does not have',
      model: withProperty(),
      findings: [{ messageId: 'unknownProperty', path: `${P}/kaffe`, data: { property: 'kaffe' } }],
    },
  ],
});

import { INPUT_006 } from '../../src/read/diagnostics/input-006-vans';
import { wrapInVansForTest } from '../helpers';
import { MIN, replace } from './plan';
import { testRule } from './test-rule';

const INNER = new TextEncoder().encode(MIN);
/** The envelope's endpoints made those of the plan inside it (minimal.xml's Sender and Receiver). */
const matching = (envelope: string) =>
  replace(replace(envelope, '>5790001354145<', '>5790002724510<'), '>5790000121441<', '>5790001399191<');

testRule(INPUT_006, {
  others: [],
  valid: [
    { name: 'minimal.xml in an envelope that agrees with it', xml: matching(wrapInVansForTest(INNER)) },
    { name: 'minimal.xml alone, without an envelope', xml: MIN },
  ],
  invalid: [
    {
      name: 'Data that is not base64',
      xml: matching(wrapInVansForTest(INNER, { data: '!!!notbase64' })),
      findings: [{ messageId: 'invalidBase64', path: '/VANSEnvelope/Message/Data', at: ['Data'] }],
    },
    {
      name: 'SizeInBytes 99',
      xml: matching(wrapInVansForTest(INNER, { size: '99' })),
      findings: [
        {
          messageId: 'sizeMismatch',
          path: '/VANSEnvelope/Message/MetaInformation/Document/SizeInBytes',
          at: ['SizeInBytes'],
          data: { declared: '99', actual: INNER.length },
        },
      ],
    },
    {
      name: "the envelope's endpoints are not the plan's Sender and Receiver",
      xml: wrapInVansForTest(INNER),
      findings: [
        { messageId: 'eanMismatch', path: '/VANSEnvelope/SenderID', at: ['SenderID'], data: { element: 'SenderID', ean: '5790002724510' } },
        {
          messageId: 'eanMismatch',
          path: '/VANSEnvelope/ReceiverID',
          at: ['ReceiverID'],
          data: { element: 'ReceiverID', ean: '5790001399191' },
        },
      ],
    },
  ],
});

import lawContacts from '../../src/rules/catalogue/law-005-contacts';
import { INPUT_009 } from '../../src/read/diagnostics/input-009-internal-error';
import { MIN, minimalModel } from './plan';
import { testRule } from './test-rule';

/** minimal.xml's model with a getter for its consent: reading it calls `read`. */
function withConsentGetter(read: () => string) {
  const message = minimalModel();
  Object.defineProperty(message.rehabilitationPlan, 'consentInformed', { get: read, enumerable: true });
  return message;
}

/** A bug of ours, made on purpose: GOP-LAW-005's check throws while the case runs. */
const ruleThrows = () => {
  const check = lawContacts.check;
  lawContacts.check = () => {
    throw new Error('boom');
  };
  return () => {
    lawContacts.check = check;
  };
};

testRule(INPUT_009, {
  others: [],
  valid: [
    { name: 'a model with a getter that answers', model: withConsentGetter(() => 'ja') },
    { name: 'minimal.xml, every rule running', xml: MIN },
  ],
  invalid: [
    {
      name: 'a model with a getter that throws',
      model: withConsentGetter(() => {
        throw new Error('getter boom');
      }),
      findings: [{ messageId: 'validation', path: '/', data: { detail: 'getter boom' } }],
    },
    {
      name: 'a rule that throws',
      xml: MIN,
      setup: ruleThrows,
      findings: [{ messageId: 'validation', path: '/', data: { detail: 'boom' } }],
    },
  ],
});

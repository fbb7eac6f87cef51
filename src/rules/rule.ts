import { defineMeta, type DataArgument, type MessageData, type RuleMeta } from '../findings/finding';
import type { Facts } from '../facts/facts';
import type { ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';

/** A leaf value somewhere in the message, with where it is. */
export interface ValueAt {
  readonly value: string;
  readonly path: ModelPath;
}

// biome-ignore lint/suspicious/noExplicitAny: the default for "any rule", whatever its messages
export interface RuleContext<M = any> {
  message: DeepPartial<GopMessage>;
  facts: Facts;
  /** every text value whose property is `prop`, anywhere in the message, in document order */
  values(prop: string): readonly ValueAt[];
  /** one finding: which of the rule's messages, with its data (JSON values) */
  report<K extends keyof M & string>(path: ModelPath, messageId: K, ...data: DataArgument<M[K]>): void;
}

/**
 * One rule, as ESLint keeps them: metadata (id, layer, severity, messages, reference, docs) and one check function.
 * Rules of the input and structure layers have no check: the reader detects them while reading.
 */
// biome-ignore lint/suspicious/noExplicitAny: the default for "any rule", whatever its messages
export interface Rule<M = any> extends RuleMeta<M> {
  check?: (context: RuleContext<M>) => void;
}

export function defineRule<M extends { [K in keyof M]: MessageData }>(rule: Omit<Rule<M>, 'reference'>): Rule<M> {
  return { ...defineMeta<M>(rule), check: rule.check } as Rule<M>;
}

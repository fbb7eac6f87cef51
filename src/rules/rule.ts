import type { RuleMeta } from '../findings/finding';
import type { Facts } from '../facts/facts';
import type { ModelPath } from '../model/locate';
import type { DeepPartial } from '../model/partial';
import type { GopMessage } from '../model/schema';

/** A leaf value somewhere in the message, with where it is. */
export interface ValueAt {
  readonly value: string;
  readonly path: ModelPath;
}

export interface RuleContext<D> {
  message: DeepPartial<GopMessage>;
  facts: Facts;
  /** every text value whose property is `prop`, anywhere in the message, in document order */
  values(prop: string): readonly ValueAt[];
  report(path: ModelPath, details: D): void;
}

/**
 * One rule, as ESLint keeps them: metadata (id, layer, severity, texts, reference, docs) and one check function.
 * Rules of the input and structure layers have no check: the reader detects them while reading.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Rule<D = any> extends RuleMeta<D> {
  docs: { en: string; da: string };
  check?: (context: RuleContext<D>) => void;
}

export function defineRule<D>(rule: Rule<D>): Rule<D> {
  return rule;
}

import type { ExtraElement } from '../model/schema';
import type { NamespaceKey } from '../standard/namespaces';
import type { BuildEncoding } from '../standard/encodings';

export interface BuildOptions {
  /** indent elements (never inside text or formatted text, where whitespace is content) */
  pretty?: boolean;
  /** prefixes to write; '' makes a namespace the default one. Default: m104 default, m100 as `m100:` */
  prefixes?: Partial<Record<NamespaceKey, string>>;
  /** the encoding named in the XML declaration (buildGopBytes encodes to it) */
  encoding?: BuildEncoding;
  /** also refuse a plan with error findings of the validator (format, code lists, law), not only a broken structure */
  strict?: boolean;
}

export interface BuildIssue {
  path: string;
  message: string;
}

/** Thrown instead of writing a half-built or invalid plan: a sending system must not send one. */
export class GopBuildError extends Error {
  constructor(readonly issues: BuildIssue[]) {
    super(`cannot build the G-GOP message:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'GopBuildError';
  }
}

/** A value quoted in an issue, cut short. */
export const shown = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** What was kept aside, as an issue names it. */
export function describe(extra: Pick<ExtraElement, 'reason' | 'name'>): string {
  return extra.reason === 'text'
    ? 'text kept aside'
    : extra.reason === 'attribute'
      ? `the attribute ${shown(extra.name)} kept aside`
      : `the element ${shown(extra.name)} kept aside (${extra.reason})`;
}

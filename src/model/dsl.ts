import { z } from 'zod';
import type { NamespaceKey } from '../standard/namespaces';
import { FormattedTextSchema } from './formatted';

/**
 * How a schema property maps to XML: the element's local name and the namespace(s) the standard puts it in.
 * Kept as zod metadata, so that the zod schema stays the single source of the model.
 */
export interface XmlMapping {
  name: string;
  /** first = the namespace the standard uses (and the builder writes); the rest are accepted silently */
  ns: readonly NamespaceKey[];
  /** formatted text (mixed content with Break/Bold/Italic/Underline) */
  formatted?: true;
}

export function el<T extends z.ZodType>(ns: NamespaceKey | readonly NamespaceKey[], name: string, schema: T): T {
  return schema.meta({ xml: { name, ns: typeof ns === 'string' ? [ns] : ns } }) as T;
}

/** A leaf element: its text exactly as sent, surrounding whitespace trimmed. */
export const text = (ns: NamespaceKey | readonly NamespaceKey[], name: string) => el(ns, name, z.string());

/** Either namespace: the standard's examples put Date and Time in m100 or m104 depending on the parent. */
export const EITHER: readonly NamespaceKey[] = ['m104', 'm100'];

export function xmlMappingOf(schema: z.ZodType): XmlMapping | undefined {
  return (schema.meta() as { xml?: XmlMapping } | undefined)?.xml;
}

/** A formatted-text element: `{ text, content }`. */
export function formatted(ns: NamespaceKey, name: string) {
  return FormattedTextSchema.meta({ xml: { name, ns: [ns], formatted: true } satisfies XmlMapping });
}

/** An element that is present or absent and carries nothing else, such as `Deselected`. */
export const flag = (ns: NamespaceKey, name: string) => el(ns, name, z.literal(true));

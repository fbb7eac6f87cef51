// The message spec and element facts are stored (src/model/model-table.ts) rather than compiled from the zod schemas
// at every start: the stored table must be what the schemas compile to now.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODEL_TABLE } from '../src/model/model-table';
import { compileModelTable, GopMessageSchema, MESSAGE_FACTS, MESSAGE_SPEC, PartySchema, ROOT_SPEC } from '../src/model/schema';
import { tableSource } from '../src/model/table';

describe('the stored model table', () => {
  it('is what the schemas compile to (else: node scripts/build-model-table.mjs)', () => {
    expect(MODEL_TABLE).toStrictEqual(compileModelTable());
  });

  it('gives the spec and facts that the table holds', () => {
    expect(ROOT_SPEC.name).toBe('Emessage');
    expect(MESSAGE_SPEC.byProp.get('rehabilitationPlan')?.element?.byLocal.get('Patient')?.prop).toBe('patient');
    expect(MESSAGE_FACTS.at(['rehabilitationPlan', 'patient', 'civilRegistrationNumber'])).toEqual({ format: 'cpr', personal: 'cpr' });
  });

  it('is written as a module that makes the same data again, shared objects once', () => {
    const shared = { a: [1, Infinity, -Infinity, undefined, null, 'x', true] };
    const value = { one: shared, two: shared, map: new Map([['k', shared]]), set: new Set([shared]) };
    const source = tableSource(value, 'T');
    expect(source.match(/^const t\d+: unknown = /gm)).toHaveLength(1);
    const js = source
      .replace(/: unknown/g, '')
      .replace(/new (Map|Set)<[^>]*>/g, 'new $1')
      .replace('export const T =', 'return');
    const back = new Function(js)() as typeof value;
    expect(back).toStrictEqual(value);
    expect(back.one).toBe(back.two);
    expect(back.map.get('k')).toBe(back.one);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => tableSource(cyclic, 'T')).toThrow();
    expect(() => tableSource({ f: () => 1 }, 'T')).toThrow();
    expect(() => tableSource({ d: new Date(0) }, 'T')).toThrow();
  });
});

describe('the exported schemas, built at first use', () => {
  it('are zod schemas in every way a caller can tell', () => {
    expect(PartySchema instanceof z.ZodObject).toBe(true);
    expect(GopMessageSchema).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(PartySchema.shape)).toContain('eanIdentifier');
    expect(PartySchema.safeParse({ organisationName: 'x' }).success).toBe(true);
    expect(PartySchema.optional().safeParse(undefined).success).toBe(true);
    expect(PartySchema.extend({ more: z.string() }).safeParse({ more: 'y' }).success).toBe(true);
    expect(z.toJSONSchema(PartySchema)).toEqual(z.toJSONSchema(PartySchema.extend({})));
    expect(Object.getOwnPropertyDescriptor(PartySchema, '_zod')).toBeDefined();
  });
});

// The XML mapping lives in a registry of our own (src/model/spec.ts), not in zod's global metadata.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GopMessageSchema, MESSAGE_SPEC, PatientSchema, ROOT_SPEC } from '../src/model/schema';
import { el, text, xmlMappingOf, xmlRegistry } from '../src/model/spec';

describe('model spec', () => {
  it('keeps xml out of JSON Schema', () => {
    for (const schema of [PatientSchema, GopMessageSchema]) {
      const json = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }));
      expect(json).not.toMatch(/"xml":\{"name"/); // ExtraElement's own `xml` property is a string schema, and stays
      expect(json).toContain('"civilRegistrationNumber"');
    }
  });

  it('reads the mapping through optional and array wrappers', () => {
    const plan = MESSAGE_SPEC.byProp.get('rehabilitationPlan')!;
    expect(ROOT_SPEC).toMatchObject({ name: 'Emessage', nsKeys: ['m104'] });
    expect(plan).toMatchObject({ name: 'RehabilitationPlan', min: 1, max: 1, many: false, kind: 'object' });
    const object = z.object({
      a: text('m104', 'A').optional(),
      b: z.array(text('m100', 'B')).min(1).max(3),
      c: z.array(text('m100', 'C')).min(2).optional(),
    });
    const spec = el('m104', 'X', object);
    expect(xmlRegistry.has(spec)).toBe(true);
    expect(xmlRegistry.has(object)).toBe(false); // el() maps a copy: one schema may stand under several names
    expect(xmlMappingOf(spec)).toEqual({ name: 'X', ns: ['m104'] });
  });

  it('compiles array bounds from .min()/.max()', async () => {
    const { compileElement } = await import('../src/model/spec');
    const spec = compileElement(
      z.object({
        a: text('m104', 'A').optional(),
        b: z.array(text('m100', 'B')).min(1).max(3),
        c: z.array(text('m100', 'C')).min(2).optional(),
      }),
    );
    expect(spec.children.map(({ prop, min, max, many }) => ({ prop, min, max, many }))).toEqual([
      { prop: 'a', min: 0, max: 1, many: false },
      { prop: 'b', min: 1, max: 3, many: true },
      { prop: 'c', min: 0, max: Infinity, many: true },
    ]);
  });
});

describe('the VANS envelope, bound by the same spec', () => {
  it('reads attributes (attr) and an element’s own text (ownText) as properties, in schema order, with nothing invented', async () => {
    const { parseXml } = await import('../src/xml/tree');
    const { DEFAULT_PARSE_OPTIONS } = await import('../src/options/index');
    const { readBySpec } = await import('../src/model/read');
    const { vansEnvelopeSpec } = await import('../src/model/vans');
    const ns = 'urn:oio:medcom:vans-envelope:1.0.4';
    const xml = `<v:VANSEnvelope xmlns:v="${ns}"><v:ReceiverID EndPointType="VANS">R1</v:ReceiverID><v:SenderID EndPointType="EAN">5790000121526</v:SenderID><v:EnvelopeIdentifier> 0f8fad5b-d9cb-469f-a165-70867728950e </v:EnvelopeIdentifier><x:Other xmlns:x="urn:x"/></v:VANSEnvelope>`;
    const parsed = parseXml(xml, DEFAULT_PARSE_OPTIONS);
    if (!parsed.ok) throw new Error('not well-formed');
    const read = readBySpec(parsed.doc.root, vansEnvelopeSpec());
    expect(read).toEqual({
      sender: { id: '5790000121526', endPointType: 'EAN' },
      receiver: { id: 'R1', endPointType: 'VANS' },
      envelopeIdentifier: '0f8fad5b-d9cb-469f-a165-70867728950e',
    });
    expect(Object.keys(read)).toEqual(['sender', 'receiver', 'envelopeIdentifier']);
  });
});

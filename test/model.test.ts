import { describe, expect, it } from 'vitest';
import { parseGop, GopMessageSchema } from '../src/index';
import { MESSAGE_SPEC } from '../src/model/schema';
import type { ElementSpec } from '../src/model/spec';
import { plainText, type RichText } from '../src/model/formatted';
import { tinyMessage } from './helpers';
import fc from 'fast-check';

const findings = (xml: string) => parseGop(xml).findings.map((f) => `${f.ruleId} ${f.path}`);
const withPatient = (extra: string) => tinyMessage().replace('</Patient>', `${extra}</Patient>`);

describe('binding elements to the typed model', () => {
  it('reads the minimal message with no findings and absent optionals undefined', () => {
    const result = parseGop(tinyMessage());
    expect(result.findings).toEqual([]);
    if (!result.ok) throw new Error('not ok');
    expect(result.message.rehabilitationPlan.patient.civilRegistrationNumber).toBe('0101701234');
    expect(result.message.envelope.identifier).toBe('00012345');
    expect(result.message.rehabilitationPlan.gpccReceiver).toBeUndefined();
    expect(result.message.rehabilitationPlan.journalExcerpt).toBeUndefined();
    expect(GopMessageSchema.safeParse(result.message).success).toBe(true);
  });

  it('makes a repeatable element an array even with one item', () => {
    const result = parseGop(
      withPatient(
        '<TelephoneSubscriber><m100:TelephoneSubscriberIdentifier>+4520304050</m100:TelephoneSubscriberIdentifier><TelephoneSubscriberCode>mobil</TelephoneSubscriberCode></TelephoneSubscriber>',
      ),
    );
    expect(result.ok && result.message.rehabilitationPlan.patient.telephoneSubscriber).toEqual([
      { telephoneSubscriberIdentifier: '+4520304050', telephoneSubscriberCode: 'mobil' },
    ]);
  });

  it('keeps leaf text as sent: inner line breaks, leading zeros, æøå; trims only the ends', () => {
    const result = parseGop(withPatient('<m100:Occupation>\n  Tømrer\n  og snedker  \n</m100:Occupation>'));
    expect(result.ok && result.message.rehabilitationPlan.patient.occupation).toBe('Tømrer\n  og snedker');
  });

  it('reports an unknown element (GOP-STRUCT-003) and keeps it with its path', () => {
    const result = parseGop(withPatient('<Kaffe sort="sort">med mælk</Kaffe>'));
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-003']);
    expect(result.findings[0]).toMatchObject({ severity: 'warning', path: '/Emessage/RehabilitationPlan/Patient/Kaffe', line: 11 });
    expect(result.ok && result.message.extraElements).toEqual([
      {
        path: '/Emessage/RehabilitationPlan/Patient',
        reason: 'unknown',
        namespace: 'urn:oio:medcom:municipality:1.0.4',
        name: 'Kaffe',
        xml: '<Kaffe sort="sort">med mælk</Kaffe>',
      },
    ]);
  });

  it('reads an element sent in the other MedCom namespace, with a warning', () => {
    const result = parseGop(withPatient('<Occupation>Tømrer</Occupation>'));
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-003']);
    expect(result.findings[0]!.message).toContain('urn:oio:medcom:municipality:1.0.0');
    expect(result.ok && result.message.rehabilitationPlan.patient.occupation).toBe('Tømrer');
  });

  it('reports a missing mandatory element (GOP-STRUCT-001) and still returns what was read', () => {
    const result = parseGop(tinyMessage().replace(/<m100:CivilRegistrationNumber>.*<\/m100:CivilRegistrationNumber>/, ''));
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'GOP-STRUCT-001', path: '/Emessage/RehabilitationPlan/Patient', line: 10, column: 5 }),
    ]);
    expect(result.findings[0]!.message).toBe('Patient lacks the mandatory element CivilRegistrationNumber.');
    expect(!result.ok && result.partial?.rehabilitationPlan?.patient?.personSurnameName).toBe('Østergård');
  });

  it('reports a repeated element (GOP-STRUCT-002) and keeps the extra aside', () => {
    const doubled = tinyMessage().replace(
      '<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>',
      '<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan><TypeOfRehabilitationPlan>specialiseret</TypeOfRehabilitationPlan>',
    );
    const result = parseGop(doubled);
    expect(findings(doubled)).toEqual(['GOP-STRUCT-002 /Emessage/RehabilitationPlan/TypeOfRehabilitationPlan']);
    expect(result.ok && result.message.rehabilitationPlan.typeOfRehabilitationPlan).toBe('almen');
    expect(result.ok && result.message.extraElements?.[0]).toMatchObject({
      reason: 'repeated',
      xml: '<TypeOfRehabilitationPlan>specialiseret</TypeOfRehabilitationPlan>',
    });
  });

  it('reports more than five ResultReceivers as GOP-STRUCT-002', () => {
    const receiver = '<ResultReceiver><m100:EANIdentifier>5790000121441</m100:EANIdentifier></ResultReceiver>';
    const xml = tinyMessage().replace('</RehabilitationPlan>', `<FinalResult>${receiver.repeat(6)}</FinalResult></RehabilitationPlan>`);
    expect(findings(xml)).toEqual(['GOP-STRUCT-002 /Emessage/RehabilitationPlan/FinalResult/ResultReceiver']);
    const ok = parseGop(xml);
    expect(ok.ok && ok.message.rehabilitationPlan.finalResult?.resultReceiver).toHaveLength(5);
  });

  it('reports an empty mandatory element (GOP-STRUCT-004) at its own line', () => {
    const xml = tinyMessage().replace('<ConsentInformed>ja</ConsentInformed>', '<ConsentInformed>  </ConsentInformed>');
    const result = parseGop(xml);
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'GOP-STRUCT-004', path: '/Emessage/RehabilitationPlan/ConsentInformed', line: 13 }),
    ]);
    expect(result.ok).toBe(true);
  });

  it('stays silent on each structure rule for a complete message', () => {
    expect(findings(tinyMessage())).toEqual([]);
  });

  it('reads formatted text into plain text and rich content', () => {
    const xml = tinyMessage().replace(
      '</RehabilitationPlan>',
      '<AbilityAtDischargeSummary>Går med <m100:Bold>rollator</m100:Bold><m100:Break/>  Trapper:\n   <m100:Italic>ikke</m100:Italic> mulige</AbilityAtDischargeSummary></RehabilitationPlan>',
    );
    const result = parseGop(xml);
    expect(result.findings).toEqual([]);
    expect(result.ok && result.message.rehabilitationPlan.abilityAtDischargeSummary).toEqual({
      text: 'Går med rollator\nTrapper: ikke mulige',
      content: [
        { type: 'text', value: 'Går med ' },
        { type: 'bold', content: [{ type: 'text', value: 'rollator' }] },
        { type: 'break' },
        { type: 'text', value: '  Trapper:\n   ' },
        { type: 'italic', content: [{ type: 'text', value: 'ikke' }] },
        { type: 'text', value: ' mulige' },
      ],
    });
  });
});

describe('the schema is the single source', () => {
  const lowerCamel = (name: string) => name.replace(/^[A-Z0-9]+(?=[A-Z][a-z]|$)|^[A-Z]/, (head) => head.toLowerCase());

  it('names every property the lowerCamelCase of its element', () => {
    const seen: string[] = [];
    const walk = (spec: ElementSpec) => {
      for (const child of spec.children) {
        expect(child.prop).toBe(lowerCamel(child.name));
        seen.push(child.name);
        if (child.element) walk(child.element);
      }
    };
    walk(MESSAGE_SPEC);
    expect(seen).toContain('ICD10Diagnoses');
    expect(lowerCamel('ICD10Diagnoses')).toBe('icd10Diagnoses');
    expect(lowerCamel('GPCCReceiver')).toBe('gpccReceiver');
    expect(lowerCamel('URL')).toBe('url');
  });
});

describe('parseGop never throws', () => {
  it('on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = parseGop(bytes);
        return typeof result.ok === 'boolean' && Array.isArray(result.findings);
      }),
      { numRuns: 2000 },
    );
  });

  it('on any string, and on the message cut or corrupted anywhere', () => {
    const message = tinyMessage();
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => typeof parseGop(text).ok === 'boolean'),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.nat(message.length), fc.nat(message.length), fc.string({ maxLength: 5 }), (cut, at, junk) => {
        const mutated = message.slice(0, at) + junk + message.slice(at, Math.max(at, cut));
        const result = parseGop(mutated);
        return result.ok || result.findings.length > 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('plain text of formatted text', () => {
  // The definition, one character at a time: each run of XML whitespace (across text nodes and inline markup) is one
  // space, written only when text follows on the same line; a Break is a line; the ends are trimmed.
  function byDefinition(content: readonly RichText[]): string {
    let out = '';
    let space = false;
    let lineStart = true;
    const walk = (nodes: readonly RichText[]) => {
      for (const node of nodes) {
        if (node.type === 'break') {
          out += '\n';
          space = false;
          lineStart = true;
          continue;
        }
        if (node.type !== 'text') {
          walk(node.content);
          continue;
        }
        for (const ch of node.value) {
          if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
            space = true;
            continue;
          }
          if (space && !lineStart) out += ' ';
          out += ch;
          space = false;
          lineStart = false;
        }
      }
    };
    walk(content);
    return out.replace(/^\n+|\n+$/g, '');
  }
  const text = fc
    .array(fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', 'a', 'ø', '\u00A0', 'Gang'), { maxLength: 8 })
    .map((a) => a.join(''));
  const node: fc.Arbitrary<RichText> = fc.letrec((tie) => ({
    n: fc.oneof(
      { depthSize: 'small' },
      text.map((value) => ({ type: 'text' as const, value })),
      fc.constant({ type: 'break' as const }),
      fc.array(tie('n'), { maxLength: 4 }).map((content) => ({ type: 'bold' as const, content: content as RichText[] })),
    ),
  })).n;

  it('follows its definition for any content', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (content) => {
        expect(plainText(content)).toBe(byDefinition(content));
      }),
      { numRuns: 5000, seed: 20261201 },
    );
  });

  it('collapses whitespace across text nodes and keeps the no-break space', () => {
    expect(
      plainText([
        { type: 'text', value: 'x ' },
        { type: 'text', value: ' ' },
        { type: 'bold', content: [{ type: 'text', value: ' y\u00A0z' }] },
      ]),
    ).toBe('x y\u00A0z');
    expect(plainText([{ type: 'text', value: ' a ' }, { type: 'break' }, { type: 'text', value: '\t b  c\r\n' }])).toBe('a\nb c');
  });

  it('drops leading and trailing Breaks and keeps those between text', () => {
    const br = { type: 'break' } as const;
    const t = (value: string) => ({ type: 'text', value }) as const;
    expect(plainText([br, t(' '), br, t('a'), br, br, { type: 'italic', content: [br, t(' b ')] }, t(' '), br, br])).toBe('a\n\n\nb');
    expect(plainText([br, t('  '), br])).toBe('');
    expect(plainText([t('one')])).toBe('one');
  });

  it('is not disturbed by a call from inside its own walk', () => {
    const inner = [{ type: 'text', value: 'inner  text' }] as RichText[];
    let seen = '';
    const sneaky = {
      get type() {
        seen = plainText(inner); // a caller's getter: the outer walk's state must survive it
        return 'text' as const;
      },
      value: 'b ',
    };
    expect(plainText([{ type: 'text', value: 'a' }, { type: 'break' }, sneaky as RichText, { type: 'text', value: 'c' }])).toBe('a\nb c');
    expect(seen).toBe('inner text');
  });
});

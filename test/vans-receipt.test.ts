// Receipts in the VANSEnvelope (../shared/spec/receipts.md, "The VANSEnvelope"): wrapReceiptInVans answers a received
// envelope (parties swapped, the received MetaInformation as OriginalMessage), readVansReceipt reads any VANS receipt.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGopBytes, GopBuildError, GopOptionsError, parseGop, type GopMessage } from '../src/index';
import { wrapInVans } from '../src/write/index';
import { readVansReceipt } from '../src/read/vans';
import { VANS_RECEIPT_DOCUMENT, wrapReceiptInVans } from '../src/write/vans';
import { NS } from '../src/standard/namespaces';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { DEFAULT_PARSE_OPTIONS } from '../src/options/index';
import { FIXTURES_DIR } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const read = parseGop(MIN);
if (!read.ok) throw new Error('minimal.xml does not read');
const MESSAGE: GopMessage = read.message;
const HOSPITAL = MESSAGE.rehabilitationPlan.sender.eanIdentifier!;
const MUNICIPALITY = MESSAGE.rehabilitationPlan.receiver.eanIdentifier!;

const RECEIVED_ENVELOPE = '0f8fad5b-d9cb-469f-a165-70867728950e';
const RECEIVED_MESSAGE = '7C9E6679-7425-40DE-944B-E07FC1F90AE7';
const RECEIVED = wrapInVans(buildGopBytes(MESSAGE), {
  sender: { id: HOSPITAL, endPointType: 'EAN' },
  receiver: { id: MUNICIPALITY, endPointType: 'EAN' },
  envelopeIdentifier: RECEIVED_ENVELOPE,
  messageIdentifier: RECEIVED_MESSAGE,
  sentDateTime: '2019-03-05T10:15:00',
});
const ANSWER_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const OPTIONS = { envelopeIdentifier: ANSWER_ID, sentDateTime: '2019-03-05T10:20:00+01:00' };

const wellFormed = (xml: string) => {
  const result = parseXml(xml, DEFAULT_PARSE_OPTIONS);
  expect(result.ok, result.ok ? '' : result.finding.message).toBe(true);
  return result.ok ? result.doc.root : undefined;
};
const names = (element: XmlElement | undefined) =>
  (element?.children ?? []).filter((c): c is XmlElement => typeof c !== 'string').map((c) => c.local);
const find = (element: XmlElement | undefined, local: string) =>
  element?.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === local);

function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

describe('wrapReceiptInVans', () => {
  it('answers positively: parties swapped, the caller ids, the received ids back, in the order of the standard', () => {
    const xml = wrapReceiptInVans(RECEIVED, { kind: 'positive' }, OPTIONS);
    const root = wellFormed(xml)!;
    expect(root.ns).toBe(NS.vans);
    expect(names(root)).toEqual(['SenderID', 'ReceiverID', 'EnvelopeIdentifier', 'SentDateTime', 'Receipt']);
    expect(names(find(root, 'Receipt'))).toEqual(['PositiveMessage']);
    expect(names(find(find(root, 'Receipt'), 'PositiveMessage'))).toEqual(['OriginalEnvelopeIdentifier', 'OriginalMessage']);

    const receipt = readVansReceipt(xml);
    expect(receipt).toEqual({
      ok: true,
      kind: 'positiveMessage',
      sender: { id: MUNICIPALITY, endPointType: 'EAN' },
      receiver: { id: HOSPITAL, endPointType: 'EAN' },
      envelopeIdentifier: ANSWER_ID,
      sentDateTime: '2019-03-05T10:20:00+01:00',
      originalEnvelopeIdentifier: RECEIVED_ENVELOPE,
      originalMessage: {
        identifier: RECEIVED_MESSAGE,
        document: { format: 'XML', name: 'MCM:GGOP', version: 'GGOP100', sizeInBytes: String(buildGopBytes(MESSAGE).length) },
      },
      findings: [],
    });
  });

  it('answers negatively: Error (Code, Description) first, then the original ids', () => {
    const xml = wrapReceiptInVans(RECEIVED, { kind: 'negative', refuseText: 'Ukendt lokationsnummer', code: 7 }, OPTIONS);
    const answer = find(find(wellFormed(xml), 'Receipt'), 'NegativeMessage');
    expect(names(answer)).toEqual(['Error', 'OriginalEnvelopeIdentifier', 'OriginalMessage']);
    expect(names(find(answer, 'Error'))).toEqual(['Code', 'Description']);
    const receipt = readVansReceipt(xml);
    expect(receipt.ok && receipt.kind).toBe('negativeMessage');
    if (!receipt.ok) return;
    expect(receipt.error).toEqual({ code: 7, description: 'Ukendt lokationsnummer' });
    expect(receipt.originalEnvelopeIdentifier).toBe(RECEIVED_ENVELOPE);
    expect(receipt.originalMessage?.identifier).toBe(RECEIVED_MESSAGE);
    // Without a code: Description alone.
    const plain = readVansReceipt(wrapReceiptInVans(RECEIVED, { kind: 'negative', refuseText: 'Syntaksfejl' }, OPTIONS));
    expect(plain.ok && plain.error).toEqual({ description: 'Syntaksfejl' });
  });

  it('answers a real-world envelope (non-UUID ids, Document on several lines) with its ids as received, bytes or text', () => {
    const fixture = readFileSync(`${FIXTURES_DIR}valid/almen-vans-wrapped.xml`);
    for (const input of [new Uint8Array(fixture), fixture.toString('utf8')]) {
      const receipt = readVansReceipt(wrapReceiptInVans(input, { kind: 'positive' }, OPTIONS));
      expect(receipt.ok).toBe(true);
      if (!receipt.ok) return;
      expect(receipt.sender).toEqual({ id: '5790001552244', endPointType: 'EAN' });
      expect(receipt.receiver).toEqual({ id: '5790002770135', endPointType: 'EAN' });
      expect(receipt.originalEnvelopeIdentifier).toBe('20190122101403550112');
      expect(receipt.originalMessage).toEqual({
        identifier: '55011201901221',
        document: { format: 'XML', name: 'GGOP', version: 'GGOP100', sizeInBytes: '7272' },
      });
    }
  });

  it('keeps Processing, Transport and ServiceTags of the received MetaInformation, and CVR/VANS endpoint types', () => {
    const received = RECEIVED.replace('<SenderID EndPointType="EAN">', '<SenderID EndPointType="VANS">')
      .replace('<ReceiverID EndPointType="EAN">', '<ReceiverID EndPointType="CVR">')
      .replace(
        '<Document>',
        '<Processing><ProviderIdentifier>P1</ProviderIdentifier><ServiceIdentifier>S1</ServiceIdentifier></Processing><Document>',
      )
      .replace(
        '</MetaInformation>',
        '<Transport><Type>reliable</Type><TransformMessage>false</TransformMessage><ServiceTag name="a&amp;b">x &lt; y</ServiceTag></Transport></MetaInformation>',
      );
    const xml = wrapReceiptInVans(received, { kind: 'positive' }, OPTIONS);
    const original = find(find(find(wellFormed(xml), 'Receipt'), 'PositiveMessage'), 'OriginalMessage');
    expect(names(original)).toEqual(['Identifier', 'Processing', 'Document', 'Transport']);
    const receipt = readVansReceipt(xml);
    if (!receipt.ok) throw new Error(receipt.reason);
    expect(receipt.sender).toEqual({ id: MUNICIPALITY, endPointType: 'CVR' });
    expect(receipt.receiver).toEqual({ id: HOSPITAL, endPointType: 'VANS' });
    expect(receipt.originalMessage?.processing).toEqual({ providerIdentifier: 'P1', serviceIdentifier: 'S1' });
    expect(receipt.originalMessage?.transport).toEqual({
      type: 'reliable',
      transformMessage: 'false',
      serviceTags: [{ name: 'a&b', value: 'x < y' }],
    });
  });

  it('escapes hostile values from the received envelope and the caller: the answer stays well-formed and unsteered', () => {
    const evil = '</Name><Injected/>&amp;]]>"\'';
    const received = RECEIVED.replace(
      '<Name>MCM:GGOP</Name>',
      `<Name>${evil.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</Name>`,
    )
      .replace(`<EnvelopeIdentifier>${RECEIVED_ENVELOPE}</EnvelopeIdentifier>`, '<EnvelopeIdentifier>&lt;x&gt;&amp;</EnvelopeIdentifier>')
      .replace(
        '</MetaInformation>',
        '<Transport><ServiceTag name="&quot;&gt;&lt;Injected a=&quot;">t</ServiceTag></Transport></MetaInformation>',
      );
    const text = '<Injected/> & "quoted" \u00e6\u00f8\u00e5\nanden linje';
    const xml = wrapReceiptInVans(received, { kind: 'negative', refuseText: text }, OPTIONS);
    expect(xml).not.toContain('<Injected');
    wellFormed(xml);
    const receipt = readVansReceipt(xml);
    if (!receipt.ok) throw new Error(receipt.reason);
    expect(receipt.originalMessage?.document?.name).toBe(evil);
    expect(receipt.originalEnvelopeIdentifier).toBe('<x>&');
    expect(receipt.originalMessage?.transport?.serviceTags).toEqual([{ name: '"><Injected a="', value: 't' }]);
    expect(receipt.error?.description).toBe(text);
  });

  it('refuses options and answers it cannot use with GopOptionsError, every problem listed', () => {
    const error = thrown(() =>
      wrapReceiptInVans(
        RECEIVED,
        { kind: 'negative', code: 0 } as never,
        { envelopeIdentifier: 'E1', sentDateTime: '2019-03-05 10:20', extra: 1 } as never,
      ),
    );
    expect(error).toBeInstanceOf(GopOptionsError);
    const paths = (error as GopOptionsError).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['answer.code', 'answer.refuseText', 'envelopeIdentifier', 'extra', 'sentDateTime']);
    const issues = (call: () => unknown) => (thrown(call) as GopOptionsError).issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues(() => wrapReceiptInVans(RECEIVED, { kind: 'negative' }, OPTIONS))).toEqual([
      'answer.refuseText: a negative answer needs refuseText (Error/Description)',
    ]);
    expect(issues(() => wrapReceiptInVans(RECEIVED, { kind: 'positive', refuseText: 'x' }, OPTIONS))[0]).toMatch(
      /positive answer carries no error/,
    );
    expect(issues(() => wrapReceiptInVans(RECEIVED, { kind: 'negative', refuseText: 'x'.repeat(513) }, OPTIONS))[0]).toMatch(/1–512/);
    expect(issues(() => wrapReceiptInVans(RECEIVED, { kind: 'negative', refuseText: 'a\u0000b' }, OPTIONS))[0]).toMatch(/control/);
    expect(issues(() => wrapReceiptInVans(RECEIVED, { kind: 'maybe' } as never, OPTIONS))[0]).toMatch(/positive or negative/);
    expect(issues(() => wrapReceiptInVans(RECEIVED, null as never, OPTIONS))[0]).toMatch(/^answer: /);
  });

  it('refuses a received input that is no VANS message envelope with GopBuildError, saying why', () => {
    const problem = (received: unknown) => {
      const error = thrown(() => wrapReceiptInVans(received as string, { kind: 'positive' }, OPTIONS));
      expect(error).toBeInstanceOf(GopBuildError);
      return (error as GopBuildError).issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    };
    expect(problem(MIN)).toMatch(/^received: not a readable VANSEnvelope: the root element is <Emessage>/);
    expect(problem('<VANSEnvelope')).toMatch(/^received: not a readable VANSEnvelope/);
    expect(problem(`<!DOCTYPE x [<!ENTITY e "e">]>${RECEIVED.replace(/^<\?xml[^>]*>/, '')}`)).toMatch(/DOCTYPE/i);
    expect(problem(42)).toMatch(/neither text nor bytes/);
    expect(problem(wrapReceiptInVans(RECEIVED, { kind: 'positive' }, OPTIONS))).toMatch(/a receipt is not answered/);
    expect(problem(RECEIVED.replace(/<SenderID[^<]*<\/SenderID>/, ''))).toMatch(/received.SenderID: the received envelope has no SenderID/);
    expect(problem(RECEIVED.replace(' EndPointType="EAN">', '>'))).toMatch(/received.SenderID: the received SenderID has no EndPointType/);
    expect(problem(RECEIVED.replace('EndPointType="EAN"', 'EndPointType="X400"'))).toMatch(/received.SenderID: .*EAN, CVR or VANS/);
    expect(problem(RECEIVED.replace(`>${HOSPITAL}<`, `>${'9'.repeat(19)}<`))).toMatch(/received.SenderID: .*1–18/);
    expect(problem(RECEIVED.replace(/<Identifier>[^<]*<\/Identifier>/, ''))).toMatch(
      /MetaInformation.Identifier: the received message has no Identifier/,
    );
    expect(problem(RECEIVED.replace(/<EnvelopeIdentifier>[^<]*<\/EnvelopeIdentifier>/, ''))).toMatch(/received.EnvelopeIdentifier/);
  });

  it('is deterministic: the same inputs give the same answer', () => {
    expect(wrapReceiptInVans(RECEIVED, { kind: 'positive' }, OPTIONS)).toBe(wrapReceiptInVans(RECEIVED, { kind: 'positive' }, OPTIONS));
  });
});

describe('an XCTL receipt sent as a VANS Message', () => {
  it('wrapInVans carries it with the receipt Document (MCM:XCTL03 / XC0330Q, assumed)', () => {
    const receiptXml = `<?xml version="1.0" encoding="UTF-8"?>\n<Emessage xmlns="http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/"/>`;
    const envelope = wrapInVans(receiptXml, {
      sender: { id: MUNICIPALITY },
      receiver: { id: HOSPITAL },
      envelopeIdentifier: ANSWER_ID,
      messageIdentifier: RECEIVED_MESSAGE,
      sentDateTime: '2019-03-05T10:20:00',
      document: VANS_RECEIPT_DOCUMENT.positive,
    });
    expect(envelope).toContain('<Document><Format>XML</Format><Name>MCM:XCTL03</Name><Version>XC0330Q</Version>');
    const data = /<Data>([^<]*)<\/Data>/.exec(envelope)![1]!.replace(/\s+/g, '');
    expect(Buffer.from(data, 'base64').toString('utf8')).toBe(receiptXml);
    // Not a receipt in the VANS sense: a Message envelope.
    const read = readVansReceipt(envelope);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toBe('the VANSEnvelope carries a Message, not a Receipt');
  });
});

describe('readVansReceipt', () => {
  const POSITIVE = wrapReceiptInVans(RECEIVED, { kind: 'positive' }, OPTIONS);

  it('reads a NegativeVans (Error and OriginalEnvelopeIdentifier, no OriginalMessage)', () => {
    const xml = `<?xml version="1.0"?>
<v:VANSEnvelope xmlns:v="${NS.vans}">
  <v:SenderID EndPointType="VANS">vans-1</v:SenderID><v:ReceiverID EndPointType="EAN">${HOSPITAL}</v:ReceiverID>
  <v:EnvelopeIdentifier>${ANSWER_ID}</v:EnvelopeIdentifier><v:SentDateTime>2019-03-05T10:16:00Z</v:SentDateTime>
  <v:Receipt><v:NegativeVans><v:Error><v:Code>012</v:Code><v:Description>Modtager ukendt</v:Description></v:Error>
    <v:OriginalEnvelopeIdentifier>${RECEIVED_ENVELOPE}</v:OriginalEnvelopeIdentifier></v:NegativeVans></v:Receipt>
</v:VANSEnvelope>`;
    expect(readVansReceipt(new TextEncoder().encode(xml))).toEqual({
      ok: true,
      kind: 'negativeVans',
      sender: { id: 'vans-1', endPointType: 'VANS' },
      receiver: { id: HOSPITAL, endPointType: 'EAN' },
      envelopeIdentifier: ANSWER_ID,
      sentDateTime: '2019-03-05T10:16:00Z',
      originalEnvelopeIdentifier: RECEIVED_ENVELOPE,
      error: { code: 12, description: 'Modtager ukendt' },
      findings: [],
    });
  });

  it('refuses hostile input with the reader’s own finding, and never throws', () => {
    const hostile = readFileSync(`${FIXTURES_DIR}hostile/entity-bomb-nested.xml`);
    const bomb = readVansReceipt(new Uint8Array(hostile));
    expect(bomb.ok).toBe(false);
    expect(bomb.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-002']);
    const doctype = readVansReceipt(`<!DOCTYPE VANSEnvelope SYSTEM "http://example.org/x.dtd">${POSITIVE.replace(/^<\?xml[^>]*>/, '')}`);
    expect(doctype.ok).toBe(false);
    expect(doctype.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-002']);
    const deep = readVansReceipt(POSITIVE.replace('<Receipt>', `<Receipt>${'<x>'.repeat(100)}${'</x>'.repeat(100)}`));
    expect(deep.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-004']);
    for (const input of [null, 42, {}, '', '\u0000', new Uint8Array([0xff, 0xfe, 0x00]), MIN, RECEIVED]) {
      const result = readVansReceipt(input as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  it('refuses an envelope whose Receipt does not hold one known receipt, or has no OriginalEnvelopeIdentifier or a bad Code', () => {
    const reason = (xml: string) => {
      const result = readVansReceipt(xml);
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason(POSITIVE.replace(/<PositiveMessage>[\s\S]*<\/PositiveMessage>/, ''))).toMatch(/holds nothing/);
    expect(reason(POSITIVE.replace(/PositiveMessage>/g, 'MaybeMessage>'))).toMatch(/holds <MaybeMessage>/);
    expect(reason(POSITIVE.replace(/<OriginalEnvelopeIdentifier>[^<]*<\/OriginalEnvelopeIdentifier>/, ''))).toBe(
      'PositiveMessage has no OriginalEnvelopeIdentifier',
    );
    const negative = wrapReceiptInVans(RECEIVED, { kind: 'negative', refuseText: 'x', code: 3 }, OPTIONS);
    expect(reason(negative.replace('<Code>3</Code>', '<Code>-3</Code>'))).toMatch(/positive integer/);
    expect(reason(negative.replace('<Code>3</Code>', '<Code>0</Code>'))).toMatch(/positive integer/);
    expect(reason(POSITIVE.replace(/<Receipt>[\s\S]*<\/Receipt>/, ''))).toBe('the VANSEnvelope carries no Receipt');
  });

  it('refuses options it cannot use', () => {
    expect(() => readVansReceipt(POSITIVE, { maxBytes: -1 })).toThrow(GopOptionsError);
  });
});

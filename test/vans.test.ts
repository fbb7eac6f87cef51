// The VANSEnvelope (../shared/spec/receipts.md, "The VANSEnvelope"): wrapInVans checks every value the caller gives
// (it generates none), and the reader reports an envelope addressed otherwise than the plan inside (GOP-INPUT-006).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGopBytes, checkGop, GopBuildError, parseGop, type GopMessage } from '../src/index';
import { isXsDateTime, wrapInVans, type VansWrapOptions } from '../src/write/index';
import { FIXTURES_DIR, wrapInVansForTest } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const read = parseGop(MIN);
if (!read.ok) throw new Error('minimal.xml does not read');
const MESSAGE: GopMessage = read.message;
const SENDER_EAN = MESSAGE.rehabilitationPlan.sender.eanIdentifier!;
const RECEIVER_EAN = MESSAGE.rehabilitationPlan.receiver.eanIdentifier!;

const ENVELOPE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const MESSAGE_ID = '7C9E6679-7425-40DE-944B-E07FC1F90AE7';
const OPTIONS: VansWrapOptions = {
  sender: { id: SENDER_EAN, endPointType: 'EAN' },
  receiver: { id: RECEIVER_EAN },
  envelopeIdentifier: ENVELOPE_ID,
  messageIdentifier: MESSAGE_ID,
  sentDateTime: '2019-03-05T10:15:00',
};

/** The issues of the GopBuildError a call throws. */
function buildIssues(call: () => unknown): { path: string; message: string }[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(GopBuildError);
    return (error as GopBuildError).issues;
  }
  throw new Error('expected a GopBuildError, but nothing was thrown');
}
const dataOf = (envelope: string) => Buffer.from(/<Data>([^<]*)<\/Data>/.exec(envelope)![1]!.replace(/\s+/g, ''), 'base64');

describe('wrapInVans', () => {
  it('wraps bytes so that the reader unwraps the same model, with the envelope facts and no finding', () => {
    for (const encoding of ['UTF-8', 'ISO-8859-1'] as const) {
      const bytes = buildGopBytes(MESSAGE, { encoding });
      const envelope = wrapInVans(bytes, OPTIONS);
      const result = parseGop(envelope);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.message).toEqual(MESSAGE);
      expect(result.findings).toEqual([]);
      expect(result.envelope).toEqual({
        sender: { id: SENDER_EAN, endPointType: 'EAN' },
        receiver: { id: RECEIVER_EAN, endPointType: 'EAN' },
        envelopeIdentifier: ENVELOPE_ID,
        sentDateTime: '2019-03-05T10:15:00',
        messageIdentifier: MESSAGE_ID,
        document: { format: 'XML', name: 'MCM:GGOP', version: 'GGOP100', sizeInBytes: String(bytes.byteLength) },
      });
      expect(dataOf(envelope).equals(Buffer.from(bytes))).toBe(true);
      expect(checkGop(envelope).valid).toBe(true);
    }
  });

  it('writes the elements in the order of the standard, with the namespace 1.0.4', () => {
    const envelope = wrapInVans(Buffer.from(MIN), OPTIONS);
    const order = [...envelope.matchAll(/<(\w+)[ >]/g)].map((m) => m[1]);
    expect(order).toEqual([
      'VANSEnvelope',
      'SenderID',
      'ReceiverID',
      'EnvelopeIdentifier',
      'SentDateTime',
      'Message',
      'MetaInformation',
      'Identifier',
      'Document',
      'Format',
      'Name',
      'Version',
      'SizeInBytes',
      'Data',
    ]);
    expect(envelope).toContain('<VANSEnvelope xmlns="urn:oio:medcom:vans-envelope:1.0.4">');
    expect(envelope).toContain('<ReceiverID EndPointType="EAN">'); // the default
  });

  it('is deterministic: the same input and options give the same envelope (no randomness, no clock)', () => {
    expect(wrapInVans(MIN, OPTIONS)).toBe(wrapInVans(MIN, OPTIONS));
  });

  it('text is encoded as its XML declaration says, and SizeInBytes counts those bytes', () => {
    const utf8 = wrapInVans(MIN, OPTIONS); // minimal.xml declares UTF-8
    expect(dataOf(utf8).equals(Buffer.from(MIN, 'utf8'))).toBe(true);
    expect(utf8).toContain(`<SizeInBytes>${Buffer.byteLength(MIN)}</SizeInBytes>`);

    const latin1Text = MIN.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const latin1 = wrapInVans(latin1Text, OPTIONS);
    expect(dataOf(latin1).equals(Buffer.from(latin1Text, 'latin1'))).toBe(true);
    expect(Buffer.from(latin1Text, 'latin1').length).toBeLessThan(Buffer.byteLength(latin1Text)); // ø, æ, å: one byte each
    expect(latin1).toContain(`<SizeInBytes>${Buffer.from(latin1Text, 'latin1').length}</SizeInBytes>`);
    const back = parseGop(latin1);
    expect(back.ok && back.message).toEqual(MESSAGE);

    // windows-1252: € is byte 0x80, ø 0xF8; U+0080 (a C1 control, what ISO-8859-1 would make of 0x80) is no character of it
    const cp1252Text = MIN.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace(
      '<mm100:PersonGivenName>',
      '<mm100:PersonGivenName>€ø',
    );
    const cp1252Data = dataOf(wrapInVans(cp1252Text, OPTIONS));
    expect(cp1252Data.includes(Buffer.from([0x80, 0xf8]))).toBe(true);
    expect(cp1252Data.length).toBe(cp1252Text.length);
    expect(buildIssues(() => wrapInVans(cp1252Text.replace('€', '\u0080'), OPTIONS))[0]!.message).toContain('U+0080');

    // no declaration: UTF-8; a BOM in the string is not part of the text
    const bare = `\uFEFF${MIN.replace(/^<\?xml[^>]*\?>\s*/, '')}`;
    expect(dataOf(wrapInVans(bare, OPTIONS)).equals(Buffer.from(bare.slice(1), 'utf8'))).toBe(true);
  });

  it('refuses text it cannot encode as declared, or in an encoding MedCom does not use', () => {
    const latin1 = MIN.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('<mm100:PersonGivenName>', '<mm100:PersonGivenName>€');
    expect(buildIssues(() => wrapInVans(latin1, OPTIONS))).toEqual([
      { path: 'message', message: expect.stringMatching(/U\+20AC \(line \d+\) cannot be written in ISO-8859-1/) },
    ]);
    const ascii = MIN.replace('encoding="UTF-8"', 'encoding="US-ASCII"');
    expect(buildIssues(() => wrapInVans(ascii, OPTIONS))[0]!.message).toContain('cannot be written in US-ASCII');
    expect(buildIssues(() => wrapInVans(MIN.replace('encoding="UTF-8"', 'encoding="UTF-16"'), OPTIONS))[0]!.message).toContain(
      'declares encoding "UTF-16"',
    );
    expect(
      buildIssues(() => wrapInVans(MIN.replace('<mm100:PersonGivenName>', '<mm100:PersonGivenName>\uD800'), OPTIONS))[0]!.message,
    ).toContain('U+D800');
  });

  it('refuses input that is neither text nor bytes, and an empty message', () => {
    for (const input of [undefined, null, 42, {}, [60, 63], new ArrayBuffer(4)]) {
      expect(buildIssues(() => wrapInVans(input as never, OPTIONS))).toEqual([
        { path: 'message', message: expect.stringContaining('must be text or bytes') },
      ]);
    }
    expect(buildIssues(() => wrapInVans('', OPTIONS))[0]!.message).toContain('empty');
    expect(buildIssues(() => wrapInVans(new Uint8Array(0), OPTIONS))[0]!.message).toContain('empty');
    expect(() => wrapInVans(Buffer.from(MIN), OPTIONS)).not.toThrow(); // a Buffer is bytes
  });

  it.each([
    ['envelopeIdentifier', { envelopeIdentifier: 'ENV-42' }, 'must be a UUID'],
    ['envelopeIdentifier', { envelopeIdentifier: '0f8fad5b-d9cb-469f-a165-70867728950' }, 'must be a UUID'],
    ['envelopeIdentifier', { envelopeIdentifier: '{0f8fad5b-d9cb-469f-a165-70867728950e}' }, 'must be a UUID'],
    ['envelopeIdentifier', { envelopeIdentifier: undefined }, 'a UUID given by the caller'],
    ['messageIdentifier', { messageIdentifier: undefined }, 'a UUID given by the caller'],
    ['messageIdentifier', { messageIdentifier: 'g0000000-0000-0000-0000-000000000000' }, 'must be a UUID'],
    ['sentDateTime', { sentDateTime: '2019-03-05 10:15:00' }, 'must be an xs:dateTime'],
    ['sentDateTime', { sentDateTime: '2019-03-05T10:15' }, 'must be an xs:dateTime'],
    ['sentDateTime', { sentDateTime: '2019-02-29T10:15:00' }, 'must be an xs:dateTime'],
    ['sentDateTime', { sentDateTime: '2019-03-05T10:60:00' }, 'must be an xs:dateTime'],
    ['sentDateTime', { sentDateTime: '2019-03-05T10:15:00+14:30' }, 'must be an xs:dateTime'],
    ['sentDateTime', { sentDateTime: new Date(0) }, 'an xs:dateTime, not a Date'],
    ['sender.id', { sender: { id: '' } }, '1–18 characters'],
    ['sender.id', { sender: { id: '1234567890123456789' } }, '1–18 characters'],
    ['sender.id', { sender: { id: ' 5790001354145' } }, '1–18 characters'],
    ['sender.id', { sender: { id: 5790001354145 } }, 'not a number'],
    ['receiver.endPointType', { receiver: { id: RECEIVER_EAN, endPointType: 'GLN' } }, 'EAN, CVR or VANS'],
    ['receiver', { receiver: RECEIVER_EAN }, '{ id, endPointType? }'],
    ['receiver.name', { receiver: { id: RECEIVER_EAN, name: 'Odense' } }, 'unknown option'],
    ['document.format', { document: { format: 'JSON' } }, 'XML, EDIFACT, HL7, Binary or Other'],
    ['document.name', { document: { name: 'x'.repeat(256) } }, '1–255 characters'],
    ['sentAt', { sentAt: '2019-03-05T10:15:00' }, 'unknown option'],
  ] as [string, Record<string, unknown>, string][])('refuses %s in %j', (path, change, text) => {
    const options = { ...OPTIONS, ...change };
    for (const key of Object.keys(change)) if (change[key] === undefined) delete (options as Record<string, unknown>)[key];
    expect(buildIssues(() => wrapInVans(MIN, options as never))).toEqual([{ path, message: expect.stringContaining(text) }]);
  });

  it('lists every problem at once, and says so in the message', () => {
    let error: GopBuildError | undefined;
    try {
      wrapInVans(
        42 as never,
        { sender: { id: '' }, receiver: { id: 'x', endPointType: 'GLN' }, envelopeIdentifier: 'ENV-1', sentDateTime: 'now' } as never,
      );
    } catch (e) {
      error = e as GopBuildError;
    }
    expect(error?.name).toBe('GopBuildError');
    expect(error!.issues.map((i) => i.path).sort()).toEqual([
      'envelopeIdentifier',
      'message',
      'messageIdentifier',
      'receiver.endPointType',
      'sender.id',
      'sentDateTime',
    ]);
    for (const issue of error!.issues) expect(error!.message).toContain(issue.message);
  });

  it('refuses options that are no object', () => {
    for (const options of [undefined, null, 'x', []]) expect(buildIssues(() => wrapInVans(MIN, options as never))[0]!.path).toBe('options');
  });

  it('takes the Document fields, endpoint types and time zones the standard allows', () => {
    const envelope = wrapInVans(MIN, {
      ...OPTIONS,
      sender: { id: '12345678', endPointType: 'CVR' },
      receiver: { id: 'VANS-7', endPointType: 'VANS' },
      sentDateTime: '2019-03-05T10:15:00.250+01:00',
      document: { format: 'XML', name: 'GGOP', version: 'GGOP100' },
    });
    expect(envelope).toContain('<SenderID EndPointType="CVR">12345678</SenderID>');
    expect(envelope).toContain('<Name>GGOP</Name>');
    const result = parseGop(envelope);
    expect(result.ok && result.findings).toEqual([]); // a CVR or VANS endpoint is not compared with the plan's EANs
  });
});

describe('isXsDateTime', () => {
  it.each([
    '2019-03-05T10:15:00',
    '2019-03-05T10:15:00Z',
    '2019-03-05T10:15:00.5-05:00',
    '2020-02-29T23:59:59+14:00',
    '2019-03-05T24:00:00',
    '2019-03-05T24:00:00.000',
  ])('accepts %s', (value) => {
    expect(isXsDateTime(value)).toBe(true);
  });
  it.each([
    '2019-03-05',
    '2019-03-05T10:15',
    '2019-03-05T24:00:01',
    '2019-03-05T10:15:60',
    '2019-02-29T10:00:00',
    '0000-01-01T00:00:00',
    '2019-03-05T10:15:00+1:00',
    '2019-03-05T10:15:00z',
    '2019-03-05T10:15:00 ',
  ])('refuses %s', (value) => {
    expect(isXsDateTime(value)).toBe(false);
  });
});

describe('the reader: an envelope addressed otherwise than the plan inside (GOP-INPUT-006)', () => {
  const wrapped = (change: Partial<VansWrapOptions>) => wrapInVans(MIN, { ...OPTIONS, ...change });
  const other = '5790000121526';

  it('fires for a SenderID that is not the Sender EAN, where it stands in the envelope', () => {
    const result = parseGop(wrapped({ sender: { id: other, endPointType: 'EAN' } }));
    expect(result.ok).toBe(true); // the plan is read all the same
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'GOP-INPUT-006',
        severity: 'error',
        path: '/VANSEnvelope/SenderID',
        line: 3,
        column: 3,
        message: `VANSEnvelope: SenderID is the EAN location number ${other}, but the message's Sender/EANIdentifier is ${SENDER_EAN}: the envelope is addressed otherwise than the plan.`,
      }),
    ]);
    expect(result.findings[0]!.messageDa).toContain(`Sender/EANIdentifier er ${SENDER_EAN}`);
    expect(checkGop(wrapped({ sender: { id: other } })).valid).toBe(false);
  });

  it('fires for a ReceiverID that is not the Receiver EAN, and for both', () => {
    expect(parseGop(wrapped({ receiver: { id: other } })).findings.map((f) => f.path)).toEqual(['/VANSEnvelope/ReceiverID']);
    expect(parseGop(wrapped({ sender: { id: RECEIVER_EAN }, receiver: { id: SENDER_EAN } })).findings.map((f) => f.path)).toEqual([
      '/VANSEnvelope/SenderID',
      '/VANSEnvelope/ReceiverID',
    ]);
  });

  it('stays silent when they agree, for CVR and VANS endpoints, and when the plan has no EAN to compare', () => {
    expect(parseGop(wrapped({})).findings).toEqual([]);
    expect(
      parseGop(wrapped({ sender: { id: other, endPointType: 'CVR' }, receiver: { id: other, endPointType: 'VANS' } })).findings,
    ).toEqual([]);
    const noEans = MIN.replace(/<(\w+:)?EANIdentifier>[^<]*<\/(\w+:)?EANIdentifier>/g, '');
    expect(noEans).not.toContain('EANIdentifier>');
    const result = parseGop(wrapInVans(noEans, { ...OPTIONS, sender: { id: other }, receiver: { id: other } }));
    expect(result.findings.filter((f) => f.ruleId === 'GOP-INPUT-006')).toEqual([]);
    // the bundled wrapped fixture and the test helper's envelope agree with their plans
    expect(parseGop(readFileSync(`${FIXTURES_DIR}valid/almen-vans-wrapped.xml`)).findings).toEqual([]);
    expect(
      parseGop(wrapInVansForTest(Buffer.from(MIN.replace(SENDER_EAN, '5790001354145').replace(RECEIVER_EAN, '5790000121441')))).findings,
    ).toEqual([]);
  });

  it('can be switched off or lowered like any error (it is no fatal)', () => {
    const envelope = wrapped({ sender: { id: other } });
    expect(checkGop(envelope, { severity: { 'GOP-INPUT-006': 'off' } })).toMatchObject({ valid: true, findings: [] });
    expect(checkGop(envelope, { severity: { 'GOP-INPUT-006': 'warning' } })).toMatchObject({ valid: true, counts: { warning: 1 } });
  });

  it("Document/Name may be the type code or MedCom's MCM: form; another type is reported", () => {
    for (const name of ['GGOP', 'MCM:GGOP']) expect(parseGop(wrapped({ document: { name } })).findings).toEqual([]);
    expect(parseGop(wrapped({ document: { name: 'MCM:XDIS22' } })).findings).toEqual([
      expect.objectContaining({
        ruleId: 'GOP-INPUT-006',
        message: 'VANSEnvelope: Document/Name says MCM:XDIS22, but the message is a GGOP.',
      }),
    ]);
  });
});

import { z } from 'zod';
import { CP1252_BYTE_OF, ENCODING_LABELS, type Encoding } from '../standard/encodings';
import { DEFAULT_PARSE_OPTIONS, GopOptionsError, kindOf, type OptionsIssue } from '../options/index';
import { openVans, readVansEnvelope } from '../read/vans';
import { writeBySpec } from '../model/write';
import { vansEnvelopeRoot, type VansEnvelopeXml } from '../model/vans';
import { serializeXml } from '../xml/serialize';
import { daysInMonth } from '../values/date';
import { encodeBase64, encodeUtf8 } from '../values/bytes';
import { GopBuildError, type BuildIssue } from './build';

/*
 * The VANSEnvelope 1.0.4 (../shared/spec/receipts.md, "The VANSEnvelope"): SenderID, ReceiverID, EnvelopeIdentifier,
 * SentDateTime, then Message with MetaInformation (Identifier, Document) and the message's bytes in base64 Data.
 * Every value comes from the caller and is checked: the library generates no identifier and reads no clock.
 */

const VANS_END_POINT_TYPES = ['EAN', 'CVR', 'VANS'] as const;
export type VansEndPointType = (typeof VANS_END_POINT_TYPES)[number];
const VANS_DOCUMENT_FORMATS = ['XML', 'EDIFACT', 'HL7', 'Binary', 'Other'] as const;

/** "MCM:" + the catalogue type, as for other MedCom messages (MCM:XDIS22); for a G-GOP MCM:GGOP (assumed). */
export const VANS_GGOP_DOCUMENT = { format: 'XML', name: 'MCM:GGOP', version: 'GGOP100' } as const;
/** Messages are at most 100 MB. */
const VANS_MAX_BYTES = 100 * 1024 * 1024;

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const XS_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/;
// Control characters (and the two non-characters) XML cannot carry; ids are printable text.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** xs:dateTime as XML Schema 1.0 writes it (a four-digit year): a real date, 00:00:00–23:59:59 or 24:00:00, an optional zone up to ±14:00. */
export function isXsDateTime(value: string): boolean {
  const m = XS_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(m[7] ?? '');
  if (!endOfDay && (hour > 23 || minute > 59 || second > 59)) return false;
  if (m[9] !== undefined) {
    const zoneHours = Number(m[9]);
    const zoneMinutes = Number(m[10]);
    if (zoneMinutes > 59 || zoneHours > 14 || (zoneHours === 14 && zoneMinutes > 0)) return false;
  }
  return true;
}

const endpointId = (value: string) => {
  const length = [...value].length;
  return length >= 1 && length <= 18 && !CONTROL.test(value) && value.trim() === value;
};

const required = (what: string) => (issue: { input?: unknown }) => `${what}, not ${kindOf(issue.input)}`;
const uuid = (element: string) =>
  z.string({ error: required(`${element}: a UUID given by the caller (the library generates none)`) }).regex(UUID, {
    error: (issue) =>
      `${element} must be a UUID, 8-4-4-4-12 hexadecimal digits (e.g. 0f8fad5b-d9cb-469f-a165-70867728950e), not ${JSON.stringify(issue.input)}`,
  });
const endpoint = (element: string) =>
  z.strictObject(
    {
      id: z.string({ error: required(`${element}: the id, text`) }).refine(endpointId, {
        error: (issue) =>
          `${element} must be 1–18 characters without control characters or surrounding spaces, not ${JSON.stringify(issue.input)}`,
      }),
      endPointType: z
        .enum(VANS_END_POINT_TYPES, {
          error: (issue) =>
            `${element}/@EndPointType must be EAN, CVR or VANS, not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
        })
        .optional()
        .describe('default EAN'),
    },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : `${element}: { id, endPointType? }, not ${kindOf(issue.input)}`),
    },
  );

/** wrapInVans' options: every value of the envelope, none generated. */
export const VansWrapOptionsSchema = z.strictObject(
  {
    sender: endpoint('SenderID'),
    receiver: endpoint('ReceiverID'),
    /** EnvelopeIdentifier: a UUID, new for each envelope */
    envelopeIdentifier: uuid('EnvelopeIdentifier'),
    /** MetaInformation/Identifier: a UUID identifying the message */
    messageIdentifier: uuid('MetaInformation/Identifier'),
    /** SentDateTime: xs:dateTime (2019-03-05T10:15:00, optionally with Z or ±hh:mm); given by the caller, never read from the clock */
    sentDateTime: z.string({ error: required('SentDateTime: an xs:dateTime') }).refine(isXsDateTime, {
      error: (issue) =>
        `SentDateTime must be an xs:dateTime (YYYY-MM-DDThh:mm:ss, optional fraction and Z or ±hh:mm; a real date and time), not ${JSON.stringify(issue.input)}`,
    }),
    /** Document: default Format XML, Name MCM:GGOP, Version GGOP100 */
    document: z
      .strictObject(
        {
          format: z
            .enum(VANS_DOCUMENT_FORMATS, {
              error: (issue) =>
                `Document/Format must be XML, EDIFACT, HL7, Binary or Other, not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
            })
            .optional(),
          name: z
            .string({ error: required('Document/Name: text') })
            .refine((v) => [...v].length >= 1 && [...v].length <= 255 && !CONTROL.test(v), {
              error: 'Document/Name must be 1–255 characters without control characters',
            })
            .optional(),
          version: z
            .string({ error: required('Document/Version: text') })
            .refine((v) => v.length >= 1 && !CONTROL.test(v), { error: 'Document/Version must be text without control characters' })
            .optional(),
        },
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys' ? undefined : `document: { format?, name?, version? }, not ${kindOf(issue.input)}`,
        },
      )
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? undefined : `the options of wrapInVans are an object, not ${kindOf(issue.input)}`,
  },
);

export type VansWrapOptions = z.input<typeof VansWrapOptionsSchema>;
export type VansEndpoint = VansWrapOptions['sender'];

/** The bytes of a message given as text, in the encoding its XML declaration names (UTF-8 without one). */
function encodeMessage(text: string, issues: BuildIssue[]): Uint8Array | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const label = /^<\?xml\s[^?]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(body)?.[1];
  const key = label?.toLowerCase();
  const encoding: Encoding | undefined =
    key === undefined ? 'UTF-8' : Object.hasOwn(ENCODING_LABELS, key) ? ENCODING_LABELS[key] : undefined;
  if (!encoding) {
    issues.push({
      path: 'message',
      message: `the message declares encoding "${label}"; MedCom messages use UTF-8, ISO-8859-1, windows-1252 or US-ASCII`,
    });
    return undefined;
  }
  const unencodable = (index: number) => {
    const code = body.codePointAt(index)!;
    const line = body.slice(0, index).split('\n').length;
    issues.push({
      path: 'message',
      message: `character U+${code.toString(16).toUpperCase().padStart(4, '0')} (line ${line}) cannot be written in ${encoding}, the encoding the message declares`,
    });
  };
  if (encoding === 'UTF-8') {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(body);
    if (lone) {
      unencodable(lone.index);
      return undefined;
    }
    return encodeUtf8(body);
  }
  const bytes = new Uint8Array(body.length);
  const top = encoding === 'US-ASCII' ? 0x7f : 0xff;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const byte = encoding === 'windows-1252' && c >= 0x80 && !(c >= 0xa0 && c <= 0xff) ? CP1252_BYTE_OF.get(c) : c <= top ? c : undefined;
    if (byte === undefined) {
      unencodable(i);
      return undefined;
    }
    bytes[i] = byte;
  }
  return bytes;
}

/**
 * A VANSEnvelope around a message: its bytes base64-encoded in Data, their number in Document/SizeInBytes. A message
 * given as text is encoded as its XML declaration says (UTF-8 without one). Every option is checked; anything the
 * envelope cannot carry (a missing or malformed UUID, a SentDateTime that is no xs:dateTime, an id over 18 characters,
 * an unknown EndPointType, input that is neither text nor bytes) throws GopBuildError listing every problem.
 */
export function wrapInVans(message: string | Uint8Array, options: VansWrapOptions): string {
  const issues: BuildIssue[] = [];
  let bytes: Uint8Array | undefined;
  if (message instanceof Uint8Array) bytes = message;
  else if (typeof message === 'string') bytes = encodeMessage(message, issues);
  else issues.push({ path: 'message', message: `the message must be text or bytes (a string or a Uint8Array), not ${kindOf(message)}` });
  if (bytes && bytes.byteLength === 0) issues.push({ path: 'message', message: 'the message is empty: there is nothing to send' });
  if (bytes && bytes.byteLength > VANS_MAX_BYTES)
    issues.push({ path: 'message', message: `the message is ${bytes.byteLength} bytes; VANS carries at most ${VANS_MAX_BYTES} (100 MB)` });

  const own =
    options !== null && typeof options === 'object' && !Array.isArray(options) ? Object.fromEntries(Object.entries(options)) : options;
  const parsed = VansWrapOptionsSchema.safeParse(own);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys) issues.push({ path: path ? `${path}.${key}` : key, message: 'unknown option' });
      else issues.push({ path: path || 'options', message: issue.message });
    }
  }
  if (issues.length || !parsed.success || !bytes) throw new GopBuildError(issues);

  const o = parsed.data;
  const doc = { ...VANS_GGOP_DOCUMENT, ...Object.fromEntries(Object.entries(o.document ?? {}).filter(([, v]) => v !== undefined)) };
  return writeEnvelope({
    sender: endpointOut(o.sender),
    receiver: endpointOut(o.receiver),
    envelopeIdentifier: o.envelopeIdentifier,
    sentDateTime: o.sentDateTime,
    message: {
      metaInformation: {
        identifier: o.messageIdentifier,
        document: { format: doc.format, name: doc.name, version: doc.version, sizeInBytes: String(bytes.byteLength) },
      },
      // the message's bytes in base64 (receipts.md, "The VANSEnvelope"), in lines of 76 as MIME writes it
      data: encodeBase64(bytes).replace(/(.{76})(?=.)/g, '$1\n'),
    },
  });
}

const endpointOut = (e: VansEndpoint) => ({ id: e.id, endPointType: e.endPointType ?? 'EAN' });

/**
 * An envelope as text by the spec engine (src/model/vans.ts): the elements in the standard's order, every value
 * escaped. As read (VansEnvelopeXml): an answer repeats the received MetaInformation, with no more than it had.
 */
const writeEnvelope = (envelope: VansEnvelopeXml) =>
  `${serializeXml(writeBySpec(vansEnvelopeRoot(), envelope), { declaration: { encoding: 'UTF-8' }, pretty: true })}\n`;

// ---------------------------------------------------------------------------------------------------------------
// Answering a received envelope: Receipt → PositiveMessage | NegativeMessage (receipts.md, "The VANSEnvelope")

/**
 * Document for an XCTL receipt sent as a VANS Message (`wrapInVans(receipt.xml, { …, document })`): "MCM:" + its
 * catalogue type and its fixed VersionCode, as for other MedCom messages (assumed).
 */
export const VANS_RECEIPT_DOCUMENT = {
  positive: { format: 'XML', name: 'MCM:XCTL03', version: 'XC0330Q' },
  negative: { format: 'XML', name: 'MCM:XCTL02', version: 'XC0230Q' },
} as const;

/** A received envelope is read with the reader's limits, but up to the size of the largest VANS message in base64. */
const VANS_MAX_ENVELOPE_BYTES = Math.ceil(VANS_MAX_BYTES / 3) * 4 + 1024 * 1024;
// Error/Description is 1–512 characters of text; tab and line ends are text too.
const DESCRIPTION_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

const VansAnswerSchema = z
  .strictObject(
    {
      kind: z.enum(['positive', 'negative'], {
        error: (issue) =>
          `kind must be positive or negative, not ${typeof issue.input === 'string' ? JSON.stringify(issue.input) : kindOf(issue.input)}`,
      }),
      /** Error/Description of a NegativeMessage (required there): 1–512 characters, no personal data */
      refuseText: z
        .string({ error: required('refuseText: text') })
        .refine((v) => [...v].length >= 1 && [...v].length <= 512 && !DESCRIPTION_CONTROL.test(v) && v.trim() !== '', {
          error: 'refuseText (Error/Description) must be 1–512 characters of text without control characters',
        })
        .optional(),
      /** Error/Code of a NegativeMessage: a positive whole number */
      code: z
        .number({ error: required('code: a positive whole number') })
        .int({ error: 'code (Error/Code) must be a positive whole number' })
        .positive({ error: 'code (Error/Code) must be a positive whole number' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'code (Error/Code) must be a positive whole number' })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? undefined : `the answer is { kind, refuseText?, code? }, not ${kindOf(issue.input)}`,
    },
  )
  .superRefine((answer, context) => {
    if (answer.kind === 'negative' && answer.refuseText === undefined)
      context.addIssue({ code: 'custom', path: ['refuseText'], message: 'a negative answer needs refuseText (Error/Description)' });
    if (answer.kind === 'positive' && (answer.refuseText !== undefined || answer.code !== undefined))
      context.addIssue({
        code: 'custom',
        path: [answer.refuseText !== undefined ? 'refuseText' : 'code'],
        message: 'a positive answer carries no error',
      });
  });
export type VansAnswer = z.input<typeof VansAnswerSchema>;

/** wrapReceiptInVans' options: the answer's own envelope identifier and time, from the caller. */
const VansReceiptOptionsSchema = VansWrapOptionsSchema.pick({ envelopeIdentifier: true, sentDateTime: true });
export type VansReceiptOptions = z.input<typeof VansReceiptOptionsSchema>;

const own = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : value;

function optionIssues(error: z.ZodError, prefix: string): OptionsIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'unknown option' }))
      : [{ path, message: issue.message }];
  });
}

/**
 * The VANSEnvelope answering a received one: SenderID and ReceiverID swapped (with their EndPointType), the caller's
 * EnvelopeIdentifier (a UUID) and SentDateTime (xs:dateTime), then Receipt → PositiveMessage (OriginalEnvelopeIdentifier,
 * OriginalMessage) or NegativeMessage (Error: Code?, Description; OriginalEnvelopeIdentifier, OriginalMessage).
 * OriginalMessage repeats the received MetaInformation. Options or an answer it cannot use throw GopOptionsError; a
 * received input that is no VANS message envelope (not XML, a DOCTYPE, a Receipt, no MetaInformation/Identifier or
 * Document, an endpoint without a usable id or EndPointType) throws GopBuildError, each problem under `received`.
 */
export function wrapReceiptInVans(received: Uint8Array | string, answer: VansAnswer, options: VansReceiptOptions): string {
  const optionsIssues: OptionsIssue[] = [];
  const parsedAnswer = VansAnswerSchema.safeParse(own(answer));
  if (!parsedAnswer.success) optionsIssues.push(...optionIssues(parsedAnswer.error, 'answer'));
  const parsedOptions = VansReceiptOptionsSchema.safeParse(own(options));
  if (!parsedOptions.success) optionsIssues.push(...optionIssues(parsedOptions.error, ''));
  if (optionsIssues.length || !parsedAnswer.success || !parsedOptions.success)
    throw new GopOptionsError('wrapReceiptInVans', optionsIssues);

  const issues: BuildIssue[] = [];
  const opened = openVans(received, { ...DEFAULT_PARSE_OPTIONS, maxBytes: VANS_MAX_ENVELOPE_BYTES });
  if (!opened.ok) throw new GopBuildError([{ path: 'received', message: `not a readable VANSEnvelope: ${opened.reason}` }]);
  const head = readVansEnvelope(opened.root);
  const meta = head.metaInformation;
  if (head.receipt) issues.push({ path: 'received', message: 'the envelope carries a Receipt: a receipt is not answered' });
  else if (!meta)
    issues.push({ path: 'received.Message.MetaInformation', message: 'the envelope carries no Message/MetaInformation to answer' });
  if (meta && !meta.identifier)
    issues.push({ path: 'received.Message.MetaInformation.Identifier', message: 'the received message has no Identifier' });
  if (meta && !(meta.document?.format && meta.document.name))
    issues.push({
      path: 'received.Message.MetaInformation.Document',
      message: 'the received message has no Document with Format and Name',
    });
  if (!head.envelopeIdentifier)
    issues.push({ path: 'received.EnvelopeIdentifier', message: 'the received envelope has no EnvelopeIdentifier' });
  // The answer goes back the way the message came: its sender is our receiver, and the reverse.
  const swapped: Record<'sender' | 'receiver', VansEndpoint | undefined> = { sender: undefined, receiver: undefined };
  for (const [ours, theirs, tag] of [
    ['sender', head.receiver, 'ReceiverID'],
    ['receiver', head.sender, 'SenderID'],
  ] as const) {
    const checked = VansWrapOptionsSchema.shape[ours].safeParse(theirs ? { id: theirs.id, endPointType: theirs.endPointType } : undefined);
    if (checked.success && theirs?.endPointType !== undefined) swapped[ours] = checked.data;
    else
      issues.push({
        path: `received.${tag}`,
        message: !theirs
          ? `the received envelope has no ${tag}`
          : theirs.endPointType === undefined
            ? `the received ${tag} has no EndPointType`
            : `the received ${tag} cannot be answered: ${checked.error?.issues[0]?.message ?? ''}`,
      });
  }
  if (issues.length || !meta || !swapped.sender || !swapped.receiver) throw new GopBuildError(issues);

  const a = parsedAnswer.data;
  const o = parsedOptions.data;
  // the received MetaInformation as OriginalMessage, every value as received (escaped, none interpreted)
  const answered = { originalEnvelopeIdentifier: head.envelopeIdentifier!, originalMessage: meta };
  return writeEnvelope({
    sender: endpointOut(swapped.sender),
    receiver: endpointOut(swapped.receiver),
    envelopeIdentifier: o.envelopeIdentifier,
    sentDateTime: o.sentDateTime,
    receipt:
      a.kind === 'positive'
        ? { positiveMessage: answered }
        : {
            negativeMessage: {
              error: { ...(a.code === undefined ? {} : { code: String(a.code) }), description: a.refuseText ?? '' },
              ...answered,
            },
          },
  });
}

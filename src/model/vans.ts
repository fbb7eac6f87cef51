import { z } from 'zod';
import { attr, compileRoot, el, ownText, text, type ChildSpec, type ElementSpec } from './spec';

/**
 * The VANSEnvelope (receipts.md, "The VANSEnvelope", namespace urn:oio:medcom:vans-envelope:1.0.4) in the model DSL:
 * what the envelope reader reads (readBySpec) and the envelope writers write (writeBySpec). The values' constraints are
 * the writers' options schemas (src/write/vans.ts); a received envelope is checked by its own readers.
 */
const ONE_LINE = { oneLine: true } as const;
const vans = (name: string) => text('vans', name);

const VansEndpointXmlSchema = z.object({ id: ownText(), endPointType: attr('EndPointType') });

const VansServiceTagXmlSchema = z.object({ name: attr('name'), value: ownText() });

/** MetaInformation, and a receipt's OriginalMessage, which has its shape. */
const VansMetaInformationXmlSchema = z.object({
  identifier: vans('Identifier'),
  processing: el(
    'vans',
    'Processing',
    z.object({ providerIdentifier: vans('ProviderIdentifier'), serviceIdentifier: vans('ServiceIdentifier') }),
    ONE_LINE,
  ).optional(),
  document: el(
    'vans',
    'Document',
    z.object({ format: vans('Format'), name: vans('Name'), version: vans('Version').optional(), sizeInBytes: vans('SizeInBytes') }),
    ONE_LINE,
  ),
  transport: el(
    'vans',
    'Transport',
    z.object({
      type: vans('Type').optional(),
      transformMessage: vans('TransformMessage').optional(),
      serviceTags: z
        .array(el('vans', 'ServiceTag', VansServiceTagXmlSchema))
        .max(5)
        .optional(),
    }),
    ONE_LINE,
  ).optional(),
});

const VansErrorXmlSchema = el('vans', 'Error', z.object({ code: vans('Code').optional(), description: vans('Description') }), ONE_LINE);

const VansReceiptXmlSchema = z.object({
  negativeVans: el(
    'vans',
    'NegativeVans',
    z.object({
      error: VansErrorXmlSchema,
      originalEnvelopeIdentifier: vans('OriginalEnvelopeIdentifier'),
      originalMessage: el('vans', 'OriginalMessage', VansMetaInformationXmlSchema).optional(),
    }),
  ).optional(),
  negativeMessage: el(
    'vans',
    'NegativeMessage',
    z.object({
      error: VansErrorXmlSchema,
      originalEnvelopeIdentifier: vans('OriginalEnvelopeIdentifier'),
      originalMessage: el('vans', 'OriginalMessage', VansMetaInformationXmlSchema),
    }),
  ).optional(),
  positiveMessage: el(
    'vans',
    'PositiveMessage',
    z.object({
      originalEnvelopeIdentifier: vans('OriginalEnvelopeIdentifier'),
      originalMessage: el('vans', 'OriginalMessage', VansMetaInformationXmlSchema),
    }),
  ).optional(),
});

/** The envelope: its head, then either a Message (MetaInformation and the base64 Data) or a Receipt. */
const VansEnvelopeXmlSchema = el(
  'vans',
  'VANSEnvelope',
  z.object({
    sender: el('vans', 'SenderID', VansEndpointXmlSchema),
    receiver: el('vans', 'ReceiverID', VansEndpointXmlSchema),
    envelopeIdentifier: vans('EnvelopeIdentifier'),
    sentDateTime: vans('SentDateTime'),
    message: el(
      'vans',
      'Message',
      z.object({ metaInformation: el('vans', 'MetaInformation', VansMetaInformationXmlSchema), data: vans('Data') }),
    ).optional(),
    receipt: el('vans', 'Receipt', VansReceiptXmlSchema).optional(),
  }),
);

/** What readBySpec gives for a schema, and writeBySpec writes: its shape with nothing required (neither checks presence). */
type Read<T> = T extends string ? T : T extends readonly (infer U)[] ? Read<U>[] : T extends object ? { [K in keyof T]?: Read<T[K]> } : T;

export type VansEnvelopeXml = Read<z.infer<typeof VansEnvelopeXmlSchema>>;
export type VansMetaInformationXml = Read<z.infer<typeof VansMetaInformationXmlSchema>>;
/** The envelope's root, for writeBySpec. */
let envelopeRoot: ChildSpec | undefined;
/** The envelope compiled, when first needed (not at every start: only VANS reading and writing use it). */
export const vansEnvelopeRoot = (): ChildSpec => (envelopeRoot ??= compileRoot(VansEnvelopeXmlSchema));
export const vansEnvelopeSpec = (): ElementSpec => vansEnvelopeRoot().element!;

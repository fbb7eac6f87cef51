import { z } from 'zod';
import { attr, compileRoot, el, ownText, text } from './spec';

/**
 * The VANSEnvelope (receipts.md, "The VANSEnvelope", namespace urn:oio:medcom:vans-envelope:1.0.4) in the model DSL:
 * what the envelope reader reads, by readBySpec (findings-free: the envelope is checked by its own readers).
 */
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
  ).optional(),
  document: el(
    'vans',
    'Document',
    z.object({ format: vans('Format'), name: vans('Name'), version: vans('Version').optional(), sizeInBytes: vans('SizeInBytes') }),
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
  ).optional(),
});

const VansErrorXmlSchema = el('vans', 'Error', z.object({ code: vans('Code').optional(), description: vans('Description') }));

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

/** What readBySpec gives for a schema: its shape with nothing required (the walker checks no presence). */
type Read<T> = T extends string ? T : T extends readonly (infer U)[] ? Read<U>[] : T extends object ? { [K in keyof T]?: Read<T[K]> } : T;

export type VansEnvelopeXml = Read<z.infer<typeof VansEnvelopeXmlSchema>>;
export type VansMetaInformationXml = Read<z.infer<typeof VansMetaInformationXmlSchema>>;

export const VANS_ENVELOPE_SPEC = compileRoot(VansEnvelopeXmlSchema).element!;
/** MetaInformation's spec, for an element read on its own (readMetaInformation). */
export const VANS_META_INFORMATION_SPEC = VANS_ENVELOPE_SPEC.byProp.get('message')!.element!.byProp.get('metaInformation')!.element!;

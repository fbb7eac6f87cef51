import { GopOptionsError } from '../../options/index';
import { checkGop } from '../../report/validate';
import { GopBuildError } from '../../write/build';
import { receiptFor, type ReceiptOptions } from '../../receipt/index';
import { wrapReceiptInVans } from '../../write/vans';
import { parseOptions, UsageError, type OptionSpec } from '../args';
import { inCliWords, LIMIT_OPTIONS, limitsFrom, optionsUsage } from '../option-names';
import { readInput } from '../input';
import { openOutput, type Output } from '../output';
import { cannotWriteLine } from '../file-names';
import { visibleControls as safe } from '../../values/controls';
import type { Command } from './types';

const OPTIONS: OptionSpec[] = [
  {
    name: 'id',
    type: 'string',
    value: 'ID',
    description: "the receipt's Envelope/Identifier and Letter/Identifier (1–14 characters; required)",
  },
  {
    name: 'sent',
    type: 'string',
    value: 'YYYY-MM-DDThh:mm',
    description: "the receipt's Envelope/Sent: when the plan was received (required)",
  },
  {
    name: 'own-ean',
    type: 'string',
    multiple: true,
    value: 'EAN',
    description: 'one of our own location numbers (repeatable): a plan to another is refused ukendt_lokationsnummer',
  },
  {
    name: 'statistical-code',
    type: 'string',
    value: 'CODE',
    description: "the receipt's Letter/StatisticalCode (default XCTL03 / XCTL02)",
  },
  {
    name: 'vans',
    type: 'boolean',
    description:
      'print the VANS answer (VANSEnvelope Receipt, PositiveMessage or NegativeMessage) to the\nenvelope the plan arrived in, instead of the XCTL receipt',
  },
  { name: 'envelope-id', type: 'string', value: 'UUID', description: "with --vans: the answer's EnvelopeIdentifier" },
  { name: 'sent-date-time', type: 'string', value: 'xs:dateTime', description: "with --vans: the answer's SentDateTime" },
  { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the XML to FILE instead of standard output' },
  ...LIMIT_OPTIONS,
];

const asUsage = (error: GopOptionsError) => optionsUsage(error.issues);

/** Error/Description: the receipt's refuse text on one line, at most 512 characters (else its code). */
function description(text: string | undefined, code: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line ? [...line].slice(0, 512).join('') : (code ?? 'ikke_specificeret');
}

export const receiptCommand: Command = {
  name: 'receipt',
  summary: 'print the receipt (XCTL) a received plan gets, or its VANS answer',
  usage: 'gop receipt --id ID --sent YYYY-MM-DDThh:mm [options] FILE',
  description: `Checks the plan in FILE (or - for standard input) as a receiver does and prints the receipt to send back: a positive
receipt (XCTL03) when it can be processed, a negative one (XCTL02) with the refuse code and text when not. With --vans, the
VANS answer to the envelope the plan arrived in (only for a plan that arrived in a VANSEnvelope).
Exit 0: positive; 1: negative; 2: a usage or I/O problem, or no receipt can be built (the reason on standard error).`,
  options: OPTIONS,
  examples: [
    'gop receipt --id R1 --sent 2019-03-05T10:20 --own-ean 5790000121441 plan.xml > receipt.xml',
    'gop receipt --id R1 --sent 2019-03-05T10:20 --vans --envelope-id 3b241101-e2bb-4255-8caf-4136c566a962 --sent-date-time 2019-03-05T10:20:00 envelope.xml',
  ],
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) throw new UsageError('gop receipt takes exactly one FILE');
    const id = values['id'] as string | undefined;
    const sent = values['sent'] as string | undefined;
    if (id === undefined || sent === undefined) throw new UsageError('gop receipt needs --id and --sent (the library reads no clock)');
    const vans = values['vans'] === true;
    const envelopeIdentifier = values['envelope-id'] as string | undefined;
    const sentDateTime = values['sent-date-time'] as string | undefined;
    if (vans && (envelopeIdentifier === undefined || sentDateTime === undefined))
      throw new UsageError('--vans needs --envelope-id and --sent-date-time (the answer’s own envelope)');
    if (!vans && (envelopeIdentifier !== undefined || sentDateTime !== undefined))
      throw new UsageError('--envelope-id and --sent-date-time go with --vans');

    const file = positionals[0]!;
    const limits = limitsFrom(values);
    const read = await readInput(file, limits.maxBytes, io, 'en', false, '--max-bytes');
    if (!read.ok) return read.status;
    const options: ReceiptOptions = {
      receiptIdentifier: id,
      sentAt: sent,
      ...(values['own-ean'] ? { ownLocationNumbers: values['own-ean'] as string[] } : {}),
      ...(values['statistical-code'] === undefined ? {} : { statisticalCode: values['statistical-code'] as string }),
    };
    const report = checkGop(read.bytes, limits);
    if (vans && !report.envelope)
      throw new UsageError(`--vans: ${safe(file)} did not arrive in a VANSEnvelope; there is no envelope to answer`);
    let result: ReturnType<typeof receiptFor>;
    try {
      result = receiptFor(report, options);
    } catch (error) {
      if (error instanceof GopOptionsError) throw asUsage(error);
      throw error;
    }
    const receipt = result.receipt;
    if (!receipt) {
      const why = result.reason ?? (result.decision.kind === 'none' ? result.decision.reason : 'no receipt');
      await io.stderr.write(`gop: ${safe(file)}: no receipt can be built: ${safe(inCliWords(why))}\n`);
      return 2;
    }
    let xml = receipt.xml;
    if (vans) {
      try {
        xml = wrapReceiptInVans(
          read.bytes,
          receipt.kind === 'positive'
            ? { kind: 'positive' }
            : { kind: 'negative', refuseText: description(receipt.refuseText, receipt.refuseCode) },
          { envelopeIdentifier: envelopeIdentifier!, sentDateTime: sentDateTime! },
        );
      } catch (error) {
        if (error instanceof GopOptionsError) throw asUsage(error);
        if (!(error instanceof GopBuildError)) throw error;
        const lines = error.issues.map((issue) => `  ${safe(issue.path)}: ${safe(inCliWords(issue.message))}\n`);
        await io.stderr.write(`gop: ${safe(file)}: no VANS answer can be built:\n${lines.join('')}`);
        return 2;
      }
    }
    const path = values['output'] as string | undefined;
    let output: Output | undefined;
    try {
      output = openOutput(path, io);
      await output.sink.write(xml);
      await output.commit();
    } catch (error) {
      output?.abort();
      await io.stderr.write(`gop: ${cannotWriteLine(path, (error as Error).message, io.cwd, false)}\n`);
      return 2;
    }
    return receipt.kind === 'positive' ? 0 : 1;
  },
};

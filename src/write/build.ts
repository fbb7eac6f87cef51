import { MESSAGE_SPEC, ROOT_SPEC } from '../model/bind';
import type { ChildSpec, ElementSpec } from '../model/compile';
import type { RichText } from '../model/formatted';
import { xmlPathOf } from '../model/locate';
import { GopMessageSchema, type ExtraElement, type GopMessage } from '../model/schema';
import { NS, type NamespaceKey } from '../standard/namespaces';
import { nameEnd } from '../xml/names';
import { escapeXml } from '../xml/escape';
import { validateGop } from '../report/validate';
import { structureProblems, type StructureProblem } from '../model/structure';

export type BuildEncoding = 'UTF-8' | 'ISO-8859-1';

export interface BuildOptions {
  /** indent elements (never inside text or formatted text, where whitespace is content) */
  pretty?: boolean;
  /** prefixes to write; '' makes a namespace the default one. Default: m104 default, m100 as `m100:` */
  prefixes?: Partial<Record<NamespaceKey, string>>;
  /** the encoding named in the XML declaration (buildGopBytes encodes to it) */
  encoding?: BuildEncoding;
  /** also refuse a plan with error findings of the validator (format, code lists, law), not only a broken structure */
  strict?: boolean;
}

export interface BuildIssue { path: string; message: string }

/** Thrown instead of writing a half-built or invalid plan: a sending system must not send one. */
export class GopBuildError extends Error {
  constructor(readonly issues: BuildIssue[]) {
    super(`cannot build the G-GOP message:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'GopBuildError';
  }
}

const FORMATTING: Record<Exclude<RichText['type'], 'text' | 'break'>, string> = { bold: 'Bold', italic: 'Italic', underline: 'Underline', center: 'Center', fixedFont: 'FixedFont' };
// Characters XML 1.0 cannot carry at all, even as references; a lone surrogate is no character either.
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A prefix is an XML NCName; xml… is reserved by Namespaces in XML, and the reader refuses prototype names.
const PREFIX = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const RESERVED_PREFIX = /^(xml|__proto__$|constructor$|prototype$)/i;

const STRUCTURE_TEXT: Record<'empty' | 'unknownProperty' | 'textContentMismatch', (p: StructureProblem) => string> = {
  empty: () => 'the mandatory element is empty',
  unknownProperty: (p) => `"${(p as { property: string }).property}" is not part of the G-GOP model (misspelt?): it would not be written`,
  textContentMismatch: () => 'text and content disagree: the builder writes content (make both with formattedText())',
};


function checkInput(message: GopMessage, options: BuildOptions): void {
  const parsed = GopMessageSchema.safeParse(message);
  const issues: BuildIssue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: xmlPathOf(issue.path as (string | number)[], 'Emessage', MESSAGE_SPEC), message: issue.message });
  }
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const bad = UNWRITABLE.exec(value);
      if (bad) issues.push({ path: xmlPathOf(path, 'Emessage', MESSAGE_SPEC), message: `character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML${/[\uD800-\uDFFF]/.test(bad[0]) ? ' (a lone surrogate)' : ''}` });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'extraElements') walk(v, [...path, k]);
  };
  walk(message, []);
  for (const problem of structureProblems(message)) {
    if (problem.kind === 'empty' || problem.kind === 'unknownProperty' || problem.kind === 'textContentMismatch') {
      issues.push({ path: xmlPathOf(problem.path, 'Emessage', MESSAGE_SPEC), message: STRUCTURE_TEXT[problem.kind](problem) });
    }
  }
  for (const [key, prefix] of Object.entries(options.prefixes ?? {})) {
    if (prefix && (!PREFIX.test(prefix) || RESERVED_PREFIX.test(prefix))) issues.push({ path: '/', message: `"${prefix}" cannot be the prefix of ${key}: a prefix is an XML name that does not start with "xml"` });
  }
  if (issues.length === 0 && options.strict) {
    for (const f of validateGop(message).findings) if (f.severity === 'error' || f.severity === 'fatal') issues.push({ path: f.path, message: `${f.ruleId}: ${f.message}` });
  }
  if (issues.length) throw new GopBuildError(issues);
}

class Writer {
  private out = '';
  private readonly prefix: Record<NamespaceKey, string>;
  private readonly extrasByPath = new Map<string, ExtraElement[]>();

  constructor(private readonly options: BuildOptions, extras: ExtraElement[] | undefined) {
    this.prefix = { m104: options.prefixes?.m104 ?? '', m100: options.prefixes?.m100 ?? 'm100' };
    if (this.prefix.m104 === this.prefix.m100) throw new GopBuildError([{ path: '/', message: 'm104 and m100 need different prefixes' }]);
    for (const extra of extras ?? []) {
      const list = this.extrasByPath.get(extra.path) ?? [];
      list.push(extra);
      this.extrasByPath.set(extra.path, list);
    }
  }

  private qname(ns: NamespaceKey, name: string) {
    return this.prefix[ns] ? `${this.prefix[ns]}:${name}` : name;
  }

  private newline(depth: number) {
    if (this.options.pretty) this.out += '\n' + '  '.repeat(depth);
  }

  document(message: GopMessage): string {
    const declarations = (['m104', 'm100'] as const)
      .map((key) => (this.prefix[key] ? ` xmlns:${this.prefix[key]}="${NS[key]}"` : ` xmlns="${NS[key]}"`))
      .join('');
    const root = this.qname(ROOT_SPEC.nsKeys[0]!, ROOT_SPEC.name);
    this.out = `<?xml version="1.0" encoding="${this.options.encoding ?? 'UTF-8'}"?>\n<${root}${declarations}>`;
    this.children(message as unknown as Record<string, unknown>, MESSAGE_SPEC, `/${ROOT_SPEC.name}`, 1);
    this.newline(0);
    this.out += `</${root}>\n`;
    return this.out;
  }

  /** Children in the standard's order (the schema's key order), then whatever was kept aside at this path. */
  private children(value: Record<string, unknown>, spec: ElementSpec, path: string, depth: number): void {
    for (const child of spec.children) {
      const v = value[child.prop];
      if (v === undefined) continue;
      if (child.many) (v as unknown[]).forEach((item, i) => this.element(child, item, `${path}/${child.name}[${i + 1}]`, depth));
      else this.element(child, v, `${path}/${child.name}`, depth);
    }
    for (const extra of this.extrasByPath.get(path) ?? []) {
      if (extra.reason === 'attribute') continue; // written on the start tag
      this.newline(depth);
      this.out += extra.reason === 'text' ? escapeXml(extra.xml) : this.verbatim(extra);
    }
  }

  private element(spec: ChildSpec, value: unknown, path: string, depth: number) {
    const name = this.qname(spec.nsKeys[0]!, spec.name);
    const attributes = (this.extrasByPath.get(path) ?? []).filter((e) => e.reason === 'attribute').map((e) => ` ${e.name}="${escapeXml(e.xml, true)}"`).join('');
    this.newline(depth);
    switch (spec.kind) {
      case 'flag':
        this.out += `<${name}${attributes}/>`;
        return;
      case 'text':
        this.out += `<${name}${attributes}>${escapeXml(value as string)}</${name}>`;
        return;
      case 'formatted':
        this.out += `<${name}${attributes}>${this.rich((value as { content: RichText[] }).content)}</${name}>`;
        return;
      case 'object':
        this.out += `<${name}${attributes}>`;
        this.children(value as Record<string, unknown>, spec.element!, path, depth + 1);
        this.newline(depth);
        this.out += `</${name}>`;
    }
  }

  /** An element kept aside by the reader, written back verbatim; its namespace is declared on it where ours differ. */
  private verbatim(extra: ExtraElement): string {
    const xml = extra.xml;
    const nameStop = nameEnd(xml, 1);
    if (xml[0] !== '<' || nameStop === 1) return xml;
    const qname = xml.slice(1, nameStop);
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const ours = (['m104', 'm100'] as const).find((key) => this.prefix[key] === prefix);
    if ((ours ? NS[ours] : '') === extra.namespace) return xml;
    const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
    if (declaresItself(xml, nameStop, attribute)) return xml;
    return `<${qname} ${attribute}="${escapeXml(extra.namespace, true)}"${xml.slice(nameStop)}`;
  }

  private rich(content: readonly RichText[]): string {
    let out = '';
    for (const node of content) {
      if (node.type === 'text') out += escapeXml(node.value);
      else if (node.type === 'break') out += `<${this.qname('m100', 'Break')}/>`;
      else {
        const name = this.qname('m100', FORMATTING[node.type]);
        out += `<${name}>${this.rich(node.content)}</${name}>`;
      }
    }
    return out;
  }
}


/**
 * The message as G-GOP XML: namespaces as the standard uses them, elements in the standard's order, text escaped,
 * formatted text written from its rich content. Throws GopBuildError rather than write an invalid document.
 */
export function buildGop(message: GopMessage, options: BuildOptions = {}): string {
  checkInput(message, options);
  return new Writer(options, message.extraElements).document(message);
}

/** The message as bytes in UTF-8 or ISO-8859-1; characters ISO-8859-1 lacks become character references. */
export function buildGopBytes(message: GopMessage, options: BuildOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'UTF-8';
  const xml = buildGop(message, { ...options, encoding });
  if (encoding === 'UTF-8') return new Uint8Array(Buffer.from(xml, 'utf8'));
  const latin1 = xml.replace(/[^\u0000-\u00FF]/gu, (ch) => `&#${ch.codePointAt(0)};`);
  return new Uint8Array(Buffer.from(latin1, 'latin1'));
}

/** Whether the start tag of `xml` (its name ending at `from`) declares `attribute` itself. */
function declaresItself(xml: string, from: number, attribute: string): boolean {
  let quote = 0;
  let tokenStart = -1;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; continue; }
    if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return false;
    else if (c === 0x3d && tokenStart >= 0 && xml.slice(tokenStart, i).trim() === attribute) return true;
    else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) { if (tokenStart < 0 || xml.slice(tokenStart, i).trim() !== '') tokenStart = i; }
  }
  return false;
}

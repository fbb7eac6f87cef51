import { declarationsAt, outerBindings } from '../model/declarations';
import type { ChildSpec, ElementSpec } from '../model/spec';
import { INLINE_STYLES, keptInlineContent, trimXmlSpace, type RichText } from '../model/formatted';
import { xmlPathOf } from '../model/locate';
import { GopMessageSchema, MESSAGE_SPEC, ROOT_SPEC, type ExtraElement, type GopMessage } from '../model/schema';
import { MEDCOM_NAMESPACES, NS, PREFERRED_PREFIX, type NamespaceKey } from '../standard/namespaces';
import { isNcName, nameEnd, RESERVED_NAMES } from '../xml/names';
import { codePointName, firstNonChar } from '../xml/chars';
import { escapeXml, referencesAbove } from '../xml/escape';
import { parseXml, type XmlDocument, type XmlElement } from '../xml/tree';
import { validateGop } from '../report/validate';
import { problemFinding, structureProblems } from '../model/structure';
import { checkShape } from '../model/shape';
import { describeError } from '../input/readable';
import { guardOptions } from '../read/parse';
import { checkBuildOptions } from './options';
import { encodeLatin1, encodeUtf8 } from '../values/bytes';
import { BUILD_ENCODINGS, type BuildEncoding } from '../standard/encodings';

export type { BuildEncoding } from '../standard/encodings';

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

export interface BuildIssue {
  path: string;
  message: string;
}

/** Thrown instead of writing a half-built or invalid plan: a sending system must not send one. */
export class GopBuildError extends Error {
  constructor(readonly issues: BuildIssue[]) {
    super(`cannot build the G-GOP message:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'GopBuildError';
  }
}

const FORMATTING: Record<Exclude<RichText['type'], 'text' | 'break'>, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  center: 'Center',
  fixedFont: 'FixedFont',
};
// A prefix is an XML NCName; xml… is reserved by Namespaces in XML, and the reader refuses prototype names.
const isUsablePrefix = (prefix: string) => isNcName(prefix) && !/^xml/i.test(prefix) && !RESERVED_NAMES.has(prefix);

function checkInput(input: GopMessage, options: BuildOptions): void {
  const issues: BuildIssue[] = [];
  const pathOf = (path: readonly (string | number)[]) => xmlPathOf(path as (string | number)[], 'Emessage', MESSAGE_SPEC);
  // First the types, as validateGop checks them: a value of the wrong type (a rich-text node that is a number, a
  // style without content), a cycle and formatted text nested too deep are refused here, worded as validateGop words
  // them, and the checks below look at the copy without them: they walk the message and would throw, or never end, on them.
  // An unknown property is not walked by checkShape (it may hold anything, the message itself): it is said here too.
  const shaped = checkShape(input);
  const refused = new Set<string>();
  for (const problem of shaped.problems) {
    const path = pathOf(problem.path);
    if (problem.kind !== 'unknownProperty') refused.add(path);
    issues.push({ path, message: problemFinding(problem, { path }).message });
  }
  const message = (shaped.problems.length ? shaped.message : input) as GopMessage;
  // At or below a refused value nothing more is said (a missing value there is the refused one): a look-up per level.
  const under = (path: string) => {
    if (refused.size === 0) return false;
    for (let at = path.length; at > 0; at = path.lastIndexOf('/', at - 1)) if (refused.has(path.slice(0, at))) return true;
    return false;
  };
  // The structure worded as the reader and validateGop word it; zod's issues for what that does not cover.
  const structure = structureProblems(message);
  const covered = new Set(structure.map((problem) => pathOf(problem.path)));
  for (const problem of structure) {
    const path = pathOf(problem.path);
    if (!under(path)) issues.push({ path, message: problemFinding(problem, { path }).message });
  }
  const parsed = GopMessageSchema.safeParse(message);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = pathOf(issue.path as (string | number)[]);
      if (!covered.has(path) && !under(path)) issues.push({ path, message: issue.message });
    }
  }
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const bad = firstNonChar(value);
      if (bad >= 0)
        issues.push({
          path: xmlPathOf(path, 'Emessage', MESSAGE_SPEC),
          message: `character ${codePointName(value, bad)} cannot be written in XML${/[\uD800-\uDFFF]/.test(value[bad]!) ? ' (a lone surrogate)' : ''}`,
        });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) if (k !== 'extraElements') walk(v, [...path, k]);
  };
  walk(message, []);
  for (const [key, prefix] of Object.entries(options.prefixes ?? {})) {
    if (prefix && !isUsablePrefix(prefix))
      issues.push({
        path: '/',
        message: `"${prefix}" cannot be the prefix of ${key}: a prefix is an XML name that does not start with "xml"`,
      });
  }
  if (issues.length === 0 && options.strict) {
    for (const f of validateGop(message).findings)
      if (f.severity === 'error' || f.severity === 'fatal') issues.push({ path: f.path, message: `${f.ruleId}: ${f.message}` });
  }
  if (issues.length) throw new GopBuildError(issues);
}

const HIGHEST: Record<BuildEncoding, number> = { 'UTF-8': 0x10ffff, 'ISO-8859-1': 0xff };
/** Kept-aside fragments and the finished document are re-read with these: structure is checked, size is not. */
const REREAD_LIMITS = { maxDepth: 1_000_000, maxAttributes: 1_000_000, maxElements: 100_000_000 };
/** The reader refuses these as names and prefixes (GOP-INPUT-007). */
/**
 * Between two texts that must stay two (kept aside apart in the source, or content nodes beside a CDATA section) where
 * the second cannot be a CDATA section: a processing instruction ends a text node and carries nothing.
 */
const TEXT_SEPARATOR = '<?gop-text?>';

const isQName = (s: string): boolean => {
  const colon = s.indexOf(':');
  return colon < 0 ? isNcName(s) : isNcName(s.slice(0, colon)) && isNcName(s.slice(colon + 1));
};
const prefixOf = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon);
};
const declaration = (prefix: string, uri: string, highest: number) =>
  ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${referencesAbove(escapeXml(uri, true), highest)}"`;
const shown = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
const samePlace = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** Whether the place `at` is in (or inside) one of the `span` content nodes from `from` on. */
function wrappedBy(at: readonly number[], from: readonly number[], span: number): boolean {
  const level = from.length - 1;
  if (at.length <= level) return false;
  for (let i = 0; i < level; i++) if (at[i] !== from[i]) return false;
  return at[level]! >= from[level]! && at[level]! < from[level]! + span;
}

/** Rich content compared by what it says, whatever the key order of its objects. */
function sameContent(a: readonly RichText[], b: readonly RichText[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      if (x.type !== y.type) return false;
      if (x.type === 'text') return x.value === (y as { value: string }).value;
      if (x.type === 'break') return true;
      return sameContent(x.content, (y as { content: RichText[] }).content);
    })
  );
}

/** Bindings for one start tag: written (declared there), or relied on as they are in scope (not to be rebound). */
type Declarations = Map<string, { uri: string; write: boolean }>;

/** A kept-aside element as it will be written, re-read inside the bindings where it stands. */
interface Fragment {
  xml: string;
  doc: XmlDocument;
  root: XmlElement;
}

/** What is kept aside at one element: prepared (checked, escaped, in the encoding) before its start tag is written. */
interface Place {
  /** namespace declarations and attributes for the start tag */
  start: string;
  /** elements and text to write after the standard children (or the value of a text element) */
  content: ExtraElement[];
  /** what stands inside its formatted text, in the order of the content */
  inline: ExtraElement[];
  attributes: Map<ExtraElement, string>;
  fragments: Map<ExtraElement, Fragment>;
  /** the bindings in scope inside the element, when it declares any */
  scope?: Map<string, string>;
}
const NOTHING_KEPT: Place = { start: '', content: [], inline: [], attributes: new Map(), fragments: new Map() };

class Writer {
  private out = '';
  private readonly prefix: Record<NamespaceKey, string>;
  private readonly highest: number;
  private readonly extrasByPath = new Map<string, ExtraElement[]>();
  private readonly issues: BuildIssue[] = [];
  /** the namespace bindings in scope where the writer is ('' → '' while there is no default namespace) */
  private scope: Map<string, string>;
  /** a text kept aside was just written: no indentation may follow it, or the reader would read it with the text */
  private glued = false;

  constructor(
    private readonly options: BuildOptions,
    extras: ExtraElement[] | undefined,
  ) {
    this.prefix = { m104: options.prefixes?.m104 ?? PREFERRED_PREFIX.m104, m100: options.prefixes?.m100 ?? PREFERRED_PREFIX.m100 };
    if (this.prefix.m104 === this.prefix.m100) throw new GopBuildError([{ path: '/', message: 'm104 and m100 need different prefixes' }]);
    const encoding = options.encoding ?? 'UTF-8';
    if (!Object.hasOwn(HIGHEST, encoding))
      throw new GopBuildError([
        { path: '/', message: `encoding ${shown(String(encoding))}: the builder writes ${BUILD_ENCODINGS.join(' or ')}` },
      ]);
    this.highest = HIGHEST[encoding];
    this.scope = new Map([
      ['xml', NS.xml],
      ['', ''],
    ]);
    for (const key of ['m104', 'm100'] as const) {
      this.scope.set(this.prefix[key], NS[key]);
      if (this.beyond(this.prefix[key]))
        this.issue('/', `the prefix ${shown(this.prefix[key])} cannot be written in ${encoding}: a name cannot be a character reference`);
    }
    for (const extra of extras ?? []) {
      const list = this.extrasByPath.get(extra.path) ?? [];
      list.push(extra);
      this.extrasByPath.set(extra.path, list);
    }
  }

  private issue(path: string, message: string) {
    this.issues.push({ path, message });
  }

  /** Whether the text holds a character the encoding lacks. */
  private beyond(text: string): boolean {
    if (this.highest >= 0x10ffff) return false;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > this.highest) return true;
    return false;
  }

  private text(value: string) {
    return referencesAbove(escapeXml(value), this.highest);
  }

  /**
   * Text that follows other text but must be read as a node of its own: a CDATA section where it can be one (no
   * "]]>", no CR, every character in the encoding), else after a processing instruction, which ends a text node.
   */
  private separateText(value: string) {
    return value.includes(']]>') || value.includes('\r') || this.beyond(value)
      ? `${TEXT_SEPARATOR}${this.text(value)}`
      : `<![CDATA[${value}]]>`;
  }

  private qname(ns: NamespaceKey, name: string) {
    return this.prefix[ns] ? `${this.prefix[ns]}:${name}` : name;
  }

  private newline(depth: number) {
    if (this.glued) {
      this.glued = false;
      return;
    }
    if (this.options.pretty) this.out += `\n${'  '.repeat(depth)}`;
  }

  document(message: GopMessage): string {
    const declarations = (['m104', 'm100'] as const).map((key) => declaration(this.prefix[key], NS[key], this.highest)).join('');
    const root = this.qname(ROOT_SPEC.nsKeys[0] as NamespaceKey, ROOT_SPEC.name); // the message spec is in m104/m100 only
    const path = `/${ROOT_SPEC.name}`;
    const place = this.place(path, 'object', MESSAGE_SPEC, message);
    if (place.scope) this.scope = place.scope;
    this.out = `<?xml version="1.0" encoding="${this.options.encoding ?? 'UTF-8'}"?>\n<${root}${declarations}${place.start}>`;
    this.children(message as unknown as Record<string, unknown>, MESSAGE_SPEC, path, 1, place);
    this.newline(0);
    this.out += `</${root}>\n`;
    // what is left had nowhere to go: no element at its path was written
    for (const [path, extras] of this.extrasByPath)
      for (const extra of extras) this.issue(path, `${describe(extra)}: the plan has no element ${path} to write it in`);
    if (this.issues.length) throw new GopBuildError(this.issues);
    this.verify(this.out);
    return this.out;
  }

  /** The last word: the document is well-formed XML and holds only characters of its encoding, or nothing is returned. */
  private verify(xml: string) {
    const reread = parseXml(xml, REREAD_LIMITS);
    const problem = !reread.ok
      ? `${reread.finding.message} (line ${reread.finding.line}, column ${reread.finding.column})`
      : this.beyond(xml)
        ? `it holds a character ${this.options.encoding} lacks`
        : undefined;
    if (problem)
      throw new GopBuildError([
        {
          path: '/',
          message: `the document written is not what was meant: ${problem}. This is a bug in the builder; nothing was returned.`,
        },
      ]);
  }

  /** Children in the standard's order (the schema's key order), then whatever was kept aside at this path. */
  private children(value: Record<string, unknown>, spec: ElementSpec, path: string, depth: number, place: Place): void {
    for (const child of spec.children) {
      const v = value[child.prop];
      if (v === undefined) continue;
      if (child.many) (v as unknown[]).forEach((item, i) => this.element(child, item, `${path}/${child.name}[${i + 1}]`, depth));
      else this.element(child, v, `${path}/${child.name}`, depth);
    }
    this.out += this.kept(place.content, place, depth);
  }

  private element(spec: ChildSpec, value: unknown, path: string, depth: number) {
    const name = this.qname(spec.nsKeys[0] as NamespaceKey, spec.name);
    const place = this.place(path, spec.kind, spec.element, value);
    const outer = this.scope;
    if (place.scope) this.scope = place.scope;
    this.newline(depth);
    switch (spec.kind) {
      case 'flag':
        this.out += place.content.length
          ? `<${name}${place.start}>${this.kept(place.content, place)}</${name}>`
          : `<${name}${place.start}/>`;
        break;
      case 'text':
        this.out += `<${name}${place.start}>${this.text(value as string)}${this.kept(place.content, place)}</${name}>`;
        break;
      case 'formatted': {
        const queue = { place, next: 0, path };
        this.out += `<${name}${place.start}>${this.rich((value as { content: RichText[] }).content, [], queue)}</${name}>`;
        for (const extra of place.inline.slice(queue.next))
          this.issue(
            path,
            `${describe(extra)} at inline.at ${JSON.stringify(extra.inline!.at)} does not fit the formatted text's content: the content was changed after reading, or the place is wrong`,
          );
        break;
      }
      case 'object':
        this.out += `<${name}${place.start}>`;
        this.children(value as Record<string, unknown>, spec.element!, path, depth + 1, place);
        this.newline(depth);
        this.out += `</${name}>`;
    }
    this.scope = outer;
  }

  /** Elements and text kept aside inside an element, in order; indented only where `depth` is given (between elements). */
  private kept(items: readonly ExtraElement[], place: Place, depth?: number): string {
    let out = '';
    let afterText = false;
    for (const extra of items) {
      if (extra.reason === 'text') {
        out += afterText ? this.separateText(extra.xml) : this.text(extra.xml);
        if (depth !== undefined) this.glued = true;
        afterText = true;
        continue;
      }
      const fragment = place.fragments.get(extra);
      if (!fragment) continue; // refused: its issue is listed
      if (depth !== undefined && this.options.pretty && !this.glued) out += `\n${'  '.repeat(depth)}`;
      this.glued = false;
      out += fragment.xml;
      afterText = false;
    }
    return out;
  }

  /**
   * Formatted text from its rich content, with what the reader kept aside inside it put back where it stood: an
   * unknown element around the content nodes it wrapped, attributes on their Break or Bold, text and elements inside
   * their Break. `queue` holds those in the order of the content.
   */
  private rich(content: readonly RichText[], at: readonly number[], queue: { place: Place; next: number; path: string }): string {
    let out = '';
    let afterText = false; // the last thing written here was a text node: a reader would join the next one to it
    const items = queue.place.inline;
    for (let i = 0; ; i++) {
      // unknown elements that start here (span 0: an empty one), outermost first
      for (
        let head = items[queue.next];
        head && head.inline!.span !== undefined && samePlace(head.inline!.at, [...at, i]);
        head = items[queue.next]
      ) {
        queue.next++;
        const span = head.inline!.span;
        out += this.inlineElement(head, content.slice(i, i + span), span, queue);
        afterText = false;
        i += span;
      }
      if (i >= content.length) break;
      const node = content[i]!;
      if (node.type === 'text') {
        // two text nodes side by side (text beside a CDATA section, as read) stay two, and an empty one stays
        out += afterText || node.value === '' ? this.separateText(node.value) : this.text(node.value);
        afterText = true;
        continue;
      }
      afterText = false;
      const here = [...at, i];
      const attributes: ExtraElement[] = [];
      const inside: ExtraElement[] = [];
      for (
        let head = items[queue.next];
        head && head.inline!.span === undefined && samePlace(head.inline!.at, here);
        head = items[queue.next]
      ) {
        queue.next++;
        (head.reason === 'attribute' ? attributes : inside).push(head);
      }
      const start = this.startTagAttributes(attributes, queue.place, queue.path);
      if (node.type === 'break') {
        const name = this.qname('m100', 'Break');
        for (const extra of inside)
          if (extra.reason === 'repeated')
            this.issue(queue.path, `${describe(extra)} inside a Break: a reader finds any element there unknown (reason "unknown")`);
        out += inside.length ? `<${name}${start}>${this.kept(inside, queue.place)}</${name}>` : `<${name}${start}/>`;
      } else {
        const name = this.qname('m100', FORMATTING[node.type]);
        for (const extra of inside)
          this.issue(
            queue.path,
            `${describe(extra)} at inline.at ${JSON.stringify(here)}: only a Break holds text or elements kept aside; inside ${FORMATTING[node.type]} they are its content`,
          );
        out += `<${name}${start}>${this.rich(node.content, here, queue)}</${name}>`;
      }
    }
    return out;
  }

  /** An unknown element inside formatted text, written around the `span` content nodes it wrapped: they must be what it says. */
  private inlineElement(
    extra: ExtraElement,
    wrapped: readonly RichText[],
    span: number,
    queue: { place: Place; next: number; path: string },
  ): string {
    const fragment = queue.place.fragments.get(extra);
    if (!fragment) return ''; // refused: its issue is listed
    const { root } = fragment;
    if (MEDCOM_NAMESPACES.has(root.ns) && (root.local === 'Break' || Object.hasOwn(INLINE_STYLES, root.local))) {
      this.issue(
        queue.path,
        `${describe(extra)}: a reader reads ${root.local} as formatting, not as an element kept aside (put it in the content)`,
      );
      return '';
    }
    if (extra.reason !== 'unknown')
      this.issue(
        queue.path,
        `${describe(extra)} inside formatted text: a reader finds it unknown there (reason "unknown", not "${extra.reason}")`,
      );
    const reading = keptInlineContent(root);
    if (reading.length !== span || wrapped.length !== span || !sameContent(reading, wrapped)) {
      this.issue(
        queue.path,
        `${describe(extra)} at inline.at ${JSON.stringify(extra.inline!.at)} wraps content that is no longer there (its ${span} node(s) from that place differ from what it holds): the content was changed after reading`,
      );
      return '';
    }
    // What it holds is written as part of it, and a reader keeps it with it, once: nothing after it in the list may
    // stand inside the content it wraps (a model read before issue 22 listed it all again, each level with its subtree).
    const items = queue.place.inline;
    for (let head = items[queue.next]; head && wrappedBy(head.inline!.at, extra.inline!.at, span); head = items[queue.next]) {
      queue.next++;
      this.issue(
        queue.path,
        `${describe(head)} at inline.at ${JSON.stringify(head.inline!.at)} stands inside ${describe(extra)}, which holds it already: a reader keeps an unknown element whole, once, and nothing inside it again (remove it from extraElements)`,
      );
    }
    return fragment.xml;
  }

  /**
   * Checks and prepares what is kept aside at `path`, before the element's start tag is written: the namespace
   * declarations its content needs (on this element, once; on a kept element itself where this element cannot take
   * them), attributes, and each kept element re-read inside those bindings.
   */
  private place(path: string, kind: ChildSpec['kind'], spec: ElementSpec | undefined, value: unknown): Place {
    const extras = this.extrasByPath.get(path);
    if (!extras) return NOTHING_KEPT;
    this.extrasByPath.delete(path); // written once, here; what is left at the end had nowhere to go
    const place: Place = { start: '', content: [], inline: [], attributes: new Map(), fragments: new Map() };
    const declare: Declarations = new Map();
    const own = new Map<ExtraElement, string>(); // declarations a kept element must carry itself
    for (const extra of extras) {
      if (extra.inline && kind !== 'formatted') {
        this.issue(path, `${describe(extra)} has a place inside formatted text (inline), but ${path} holds none`);
        continue;
      }
      if (!extra.inline && kind === 'formatted' && extra.reason !== 'attribute') {
        this.issue(
          path,
          `${describe(extra)} inside formatted text needs its place there (inline.at): without it, it cannot be written where it stood`,
        );
        continue;
      }
      if (extra.reason === 'attribute') {
        if (extra.inline?.span !== undefined) {
          this.issue(path, `${describe(extra)}: an attribute belongs to a Break or Bold … (inline.at without span)`);
          continue;
        }
        const attribute = this.attribute(extra, path, declare);
        if (attribute !== undefined) {
          place.attributes.set(extra, attribute);
          if (extra.inline) place.inline.push(extra);
        }
        continue;
      }
      if (extra.reason === 'text') {
        const bad = firstNonChar(extra.xml);
        if (bad >= 0) this.issue(path, `text kept aside holds ${codePointName(extra.xml, bad)}, which XML cannot carry`);
        else if (extra.name !== '#text' || extra.namespace !== '')
          this.issue(path, `text kept aside has the name "#text" and no namespace, not ${shown(extra.name)} in ${shown(extra.namespace)}`);
        else if (trimXmlSpace(extra.xml) === '') this.issue(path, 'text kept aside is only white space: a reader would not keep it');
        else if (kind === 'text') this.issue(path, 'text kept aside inside a text element would be read as part of its value');
        else if (kind === 'flag' && trimXmlSpace(extra.xml) !== extra.xml)
          this.issue(path, 'text kept aside inside a flag element is read trimmed: give it without white space at its ends');
        else if (kind === 'flag' && place.content.some((e) => e.reason === 'text'))
          this.issue(path, 'a flag element holds one text kept aside: a reader joins its texts into one');
        else if (extra.inline && extra.inline.span !== undefined)
          this.issue(path, 'text kept aside inside formatted text belongs in a Break (inline.at without span)');
        else (extra.inline ? place.inline : place.content).push(extra);
        continue;
      }
      if (kind === 'object' && !extra.inline) {
        const problem = this.readAs(extra, spec!, value as Record<string, unknown>);
        if (problem) {
          this.issue(path, problem);
          continue;
        }
      } else if (extra.reason !== 'unknown' && !extra.inline) {
        this.issue(
          path,
          `${describe(extra)} inside a ${kind === 'flag' ? 'flag' : 'text'} element: a reader finds any element there unknown (reason "unknown")`,
        );
        continue;
      }
      const bound = this.bindings(extra, path, declare);
      if (bound === undefined) continue;
      own.set(extra, bound);
      (extra.inline ? place.inline : place.content).push(extra);
    }
    for (const [prefix, { uri, write }] of declare) {
      if (!write) continue;
      (place.scope ??= new Map(this.scope)).set(prefix, uri);
      place.start += declaration(prefix, uri, this.highest);
    }
    const scope = place.scope ?? this.scope;
    for (const [extra, attribute] of place.attributes) if (!extra.inline) place.start += attribute;
    if (place.attributes.size > 1)
      this.distinctAttributes(
        [...place.attributes.keys()].filter((e) => !e.inline),
        path,
        scope,
      );
    const inScope = [...scope]
      .filter(([prefix, uri]) => prefix !== 'xml' && !(prefix === '' && uri === ''))
      .map(([prefix, uri]) => declaration(prefix, uri, this.highest))
      .join('');
    for (const [extra, carries] of own) {
      const fragment = this.fragment(extra, path, inScope, carries);
      if (fragment) place.fragments.set(extra, fragment);
    }
    return place;
  }

  /** Why an element kept aside in an element of the plan would not be read back as kept aside (with its reason), if it would not. */
  private readAs(extra: ExtraElement, spec: ElementSpec, value: Record<string, unknown>): string | undefined {
    const child = spec.byLocal.get(extra.name);
    const known = child !== undefined && (child.nsUris.includes(extra.namespace) || MEDCOM_NAMESPACES.has(extra.namespace));
    if (!known)
      return extra.reason === 'unknown'
        ? undefined
        : `${describe(extra)}: a reader finds no such element here, so it would be read back as unknown, not ${extra.reason}`;
    const present = value[child.prop];
    const full = child.many ? Array.isArray(present) && present.length >= child.max : present !== undefined;
    if (!full)
      return `${describe(extra)} is an element of the plan here: written, it would be read as ${child.prop}, not kept aside (put it in the model instead)`;
    return extra.reason === 'repeated'
      ? undefined
      : `${describe(extra)} is an element of the plan here and would be read back as repeated, not ${extra.reason}`;
  }

  /** A binding a kept-aside element needs: its problem, if it cannot be written at all. */
  private badBinding(prefix: string, uri: string): string | undefined {
    if (prefix !== '' && !isNcName(prefix)) return `${shown(prefix)} is no namespace prefix (an XML name without a colon)`;
    if (prefix === 'xmlns') return 'the prefix xmlns cannot be declared';
    if (RESERVED_NAMES.has(prefix)) return `the prefix ${prefix} is refused by readers (prototype pollution)`;
    if ((prefix === 'xml') !== (uri === NS.xml)) return `the prefix xml and the namespace ${NS.xml} belong to each other only`;
    if (uri === NS.xmlns) return `the namespace ${NS.xmlns} cannot be bound`;
    if (prefix !== '' && uri === '') return `the prefix ${prefix} cannot be bound to no namespace`;
    if (this.beyond(prefix))
      return `the prefix ${shown(prefix)} cannot be written in ${this.options.encoding}: a name cannot be a character reference`;
    if (firstNonChar(uri) >= 0) return `the namespace ${shown(uri)} holds a character XML cannot carry`;
    return undefined;
  }

  /**
   * The bindings a kept-aside element needs: its own prefix's (`namespace`, unless it declares it itself) and those
   * of `namespaces`, which must be exactly the ones it uses from outside (an unprefixed name without one is in no
   * namespace): it means what the model says wherever it is written. Each is declared on the element that holds it
   * where it is not in scope there, or — when that element cannot take it (it uses the prefix itself, or another kept
   * element needs it bound otherwise) — on the kept element's own start tag. Returns those own declarations; undefined
   * when the element cannot be written.
   */
  private bindings(extra: ExtraElement, path: string, declare: Declarations): string | undefined {
    const xml = extra.xml;
    const refuse = (why: string) => {
      this.issue(path, `${describe(extra)}: ${why}`);
      return undefined;
    };
    const nameStop = xml.charCodeAt(0) === 0x3c ? nameEnd(xml, 1) : 1;
    if (nameStop === 1) return refuse(`its xml does not start with an element (${shown(xml)})`);
    const rootPrefix = prefixOf(xml.slice(1, nameStop));
    const stated = new Map(Object.entries(extra.namespaces ?? {}));
    for (const [prefix, uri] of stated) {
      const bad = this.badBinding(prefix, uri);
      if (bad) return refuse(bad);
    }
    if (stated.has(rootPrefix)) return refuse(`namespaces lists its own prefix ${shown(rootPrefix)}: that binding is its namespace`);
    const isolated = new Map(stated);
    if (!declarationsAt(xml, 0).some(([prefix]) => prefix === rootPrefix)) isolated.set(rootPrefix, extra.namespace);
    for (const [prefix, uri] of isolated) {
      const bad = this.badBinding(prefix, uri);
      if (bad) return refuse(bad);
    }
    // read where only what the model states is in scope
    const declarations = [...isolated]
      .filter(([prefix, uri]) => !(prefix === '' && uri === ''))
      .map(([prefix, uri]) => declaration(prefix, uri, 0x10ffff))
      .join('');
    const alone = this.reread(extra, path, xml, declarations);
    if (!alone) return undefined;
    const used = outerBindings(alone.doc.text, alone.root, (prefix) => isolated.get(prefix) ?? (prefix === '' ? '' : undefined)) ?? {};
    for (const prefix of stated.keys())
      if (!Object.hasOwn(used, prefix))
        return refuse(`namespaces lists ${shown(prefix)}, which it does not take from outside (a reader would not list it)`);
    const needed: [string, string][] = [
      ...(isolated.has(rootPrefix) ? [[rootPrefix, extra.namespace] as [string, string]] : []),
      ...Object.entries(used),
    ];
    let carries = '';
    for (const [prefix, uri] of needed) {
      const here = declare.get(prefix);
      if (here) {
        if (here.uri !== uri) carries += declaration(prefix, uri, this.highest);
      } else if (this.scope.get(prefix) === uri) {
        declare.set(prefix, { uri, write: false }); // relied on: no other kept content may rebind it here
      } else if (prefix === this.prefix.m104 || prefix === this.prefix.m100) {
        carries += declaration(prefix, uri, this.highest);
      } else {
        declare.set(prefix, { uri, write: true });
      }
    }
    return carries;
  }

  /** An attribute kept aside: a QName that is no namespace declaration, its prefix bound, its value escaped. */
  private attribute(extra: ExtraElement, path: string, declare: Declarations): string | undefined {
    const name = extra.name;
    const refuse = (why: string) => {
      this.issue(path, `the attribute ${shown(name)} kept aside: ${why}`);
      return undefined;
    };
    if (!isQName(name))
      return refuse('this is no XML attribute name (a qualified name: an XML name, at most one colon between prefix and local name)');
    const prefix = prefixOf(name);
    const local = prefix ? name.slice(prefix.length + 1) : name;
    if (name === 'xmlns' || prefix === 'xmlns')
      return refuse('a namespace declaration is no attribute; the builder declares what is needed');
    if (RESERVED_NAMES.has(local) || RESERVED_NAMES.has(prefix)) return refuse('readers refuse this name (prototype pollution)');
    if (this.beyond(name)) return refuse(`it cannot be written in ${this.options.encoding}: a name cannot be a character reference`);
    const bad = firstNonChar(extra.xml);
    if (bad >= 0) return refuse(`its value holds ${codePointName(extra.xml, bad)}, which XML cannot carry`);
    if (!prefix) {
      if (extra.namespace !== '') return refuse(`an attribute without a prefix is in no namespace, not ${shown(extra.namespace)}`);
    } else {
      // Read before namespaces were kept, a prefixed attribute had namespace ''; the builder's own prefixes (and xml) still say which.
      const uri =
        extra.namespace ||
        (prefix === 'xml' ? NS.xml : prefix === this.prefix.m104 ? NS.m104 : prefix === this.prefix.m100 ? NS.m100 : undefined);
      if (!uri) return refuse(`its prefix ${prefix} is bound to no namespace (give the namespace)`);
      const badBinding = this.badBinding(prefix, uri);
      if (badBinding) return refuse(badBinding);
      const here = declare.get(prefix);
      if (here) {
        if (here.uri !== uri) return refuse(`its prefix ${prefix} is needed for ${shown(here.uri)} on the same element`);
      } else if (this.scope.get(prefix) === uri) {
        declare.set(prefix, { uri, write: false });
      } else if (prefix === this.prefix.m104 || prefix === this.prefix.m100) {
        return refuse(`its prefix ${prefix} is the builder's for a MedCom namespace, not ${shown(uri)} (choose other prefixes)`);
      } else {
        declare.set(prefix, { uri, write: true });
      }
    }
    return ` ${name}="${referencesAbove(escapeXml(extra.xml, true), this.highest)}"`;
  }

  /** No two attributes of one start tag with the same name, or the same namespace and local name. */
  private distinctAttributes(attributes: readonly ExtraElement[], path: string, scope: Map<string, string>) {
    const seen = new Set<string>();
    for (const extra of attributes) {
      const prefix = prefixOf(extra.name);
      const expanded = prefix ? `{${scope.get(prefix)}}${extra.name.slice(prefix.length + 1)}` : extra.name;
      if (seen.has(expanded)) this.issue(path, `the attribute ${shown(extra.name)} is kept aside twice on one element`);
      seen.add(expanded);
    }
  }

  /** The attributes kept aside on a Break or Bold …, checked together. */
  private startTagAttributes(attributes: readonly ExtraElement[], place: Place, path: string): string {
    if (attributes.length > 1) this.distinctAttributes(attributes, path, place.scope ?? this.scope);
    return attributes.map((extra) => place.attributes.get(extra) ?? '').join('');
  }

  /**
   * A kept-aside element as it will be written: re-read by our own reader inside the bindings in scope (`inScope`),
   * it must be one well-formed element, nothing before or after it, with the recorded namespace and name; in
   * ISO-8859-1 the characters the encoding lacks become references where XML allows them.
   */
  private fragment(extra: ExtraElement, path: string, inScope: string, carries: string): Fragment | undefined {
    let xml = extra.xml;
    if (carries) {
      const stop = nameEnd(xml, 1);
      xml = xml.slice(0, stop) + carries + xml.slice(stop);
    }
    let fragment = this.reread(extra, path, xml, inScope);
    if (fragment && this.beyond(xml)) {
      const encoded = this.encodeFragment(xml, extra, path);
      fragment = encoded === undefined ? undefined : this.reread(extra, path, encoded, inScope);
    }
    return fragment;
  }

  private reread(extra: ExtraElement, path: string, xml: string, inScope: string): Fragment | undefined {
    const head = `<w${inScope}>`;
    const result = parseXml(`${head}${xml}</w>`, REREAD_LIMITS);
    const refuse = (why: string) => {
      this.issue(path, `${describe(extra)} cannot be written: ${why}`);
      return undefined;
    };
    if (!result.ok) return refuse(`it is not well-formed XML where it stands (${result.finding.message})`);
    const wrapper = result.doc.root;
    const root = wrapper.children[0];
    if (
      wrapper.children.length !== 1 ||
      root === undefined ||
      typeof root === 'string' ||
      root.start !== head.length ||
      root.end !== head.length + xml.length
    ) {
      return refuse(`it must be exactly one element with nothing before or after it, not ${shown(xml)}`);
    }
    if (root.ns !== extra.namespace || root.local !== extra.name) {
      return refuse(
        `its xml is the element ${root.local} in ${shown(root.ns || '(no namespace)')}, not ${extra.name} in ${shown(extra.namespace || '(no namespace)')}`,
      );
    }
    return { xml, doc: result.doc, root };
  }

  /**
   * A well-formed fragment in an encoding with fewer characters: in text and attribute values a character the
   * encoding lacks becomes a reference; a CDATA section holding one is written as text (the same characters, still a
   * text node of its own); in a name, comment or processing instruction no reference is possible, and it is refused.
   */
  private encodeFragment(xml: string, extra: ExtraElement, path: string): string | undefined {
    const refuse = (what: string) => {
      this.issue(
        path,
        `${describe(extra)} cannot be written in ${this.options.encoding}: ${what} holds a character it lacks, and XML allows no reference there`,
      );
      return undefined;
    };
    let out = '';
    let i = 0;
    const length = xml.length;
    while (i < length) {
      const lt = xml.indexOf('<', i);
      out += referencesAbove(xml.slice(i, lt < 0 ? length : lt), this.highest);
      if (lt < 0) break;
      if (xml.startsWith('<!--', lt) || xml.startsWith('<?', lt)) {
        const close = xml.indexOf(xml[lt + 1] === '!' ? '-->' : '?>', lt + 2) + (xml[lt + 1] === '!' ? 3 : 2);
        const markup = xml.slice(lt, close);
        if (this.beyond(markup)) return refuse(xml[lt + 1] === '!' ? 'a comment' : 'a processing instruction');
        out += markup;
        i = close;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        const data = xml.slice(lt + 9, close);
        // as text between two processing instructions, so that it stays a text node of its own, as the section was
        out += this.beyond(data)
          ? `${TEXT_SEPARATOR}${referencesAbove(data.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), this.highest)}${TEXT_SEPARATOR}`
          : `<![CDATA[${data}]]>`;
        i = close + 3;
      } else {
        // a start or end tag: names outside quotes (no reference is possible there), attribute values inside
        let j = lt + 1;
        let tag = '<';
        while (j < length) {
          const c = xml.charCodeAt(j);
          if (c === 0x3e) {
            tag += '>';
            j++;
            break;
          }
          if (c === 0x22 || c === 0x27) {
            const close = xml.indexOf(c === 0x22 ? '"' : "'", j + 1);
            tag += xml[j]! + referencesAbove(xml.slice(j + 1, close), this.highest) + xml[close]!;
            j = close + 1;
            continue;
          }
          let k = j;
          while (k < length && xml.charCodeAt(k) !== 0x3e && xml.charCodeAt(k) !== 0x22 && xml.charCodeAt(k) !== 0x27) k++;
          const names = xml.slice(j, k);
          if (this.beyond(names)) return refuse('a name');
          tag += names;
          j = k;
        }
        out += tag;
        i = j;
      }
    }
    return out;
  }
}

function describe(extra: Pick<ExtraElement, 'reason' | 'name'>): string {
  return extra.reason === 'text'
    ? 'text kept aside'
    : extra.reason === 'attribute'
      ? `the attribute ${shown(extra.name)} kept aside`
      : `the element ${shown(extra.name)} kept aside (${extra.reason})`;
}

/**
 * The message as G-GOP XML: namespaces as the standard uses them, elements in the standard's order, text escaped,
 * formatted text written from its rich content, whatever was kept aside written back where it stood. In
 * ISO-8859-1 the string holds only ISO-8859-1 characters (the others as references), so that its latin1 bytes are
 * buildGopBytes'. Throws GopBuildError rather than write an invalid document.
 */
export function buildGop(message: GopMessage, options: BuildOptions = {}): string {
  options = guardOptions(checkBuildOptions, options, 'buildGop'); // options it cannot use: GopOptionsError, listing every problem
  try {
    checkInput(message, options);
    return new Writer(options, message.extraElements).document(message);
  } catch (error) {
    if (isBuildError(error)) throw error;
    // Whatever a JavaScript caller built (a getter or Proxy trap that throws, a value that changes between two reads)
    // fails as a plan that cannot be built, never with another error.
    throw new GopBuildError([{ path: '/', message: `the message cannot be read or written (${describeError(error)})` }]);
  }
}

const isBuildError = (error: unknown): boolean => {
  try {
    return error instanceof GopBuildError;
  } catch {
    return false; // a revoked Proxy thrown by a getter of the message
  }
};

/** The message as bytes in UTF-8 or ISO-8859-1; characters ISO-8859-1 lacks become character references. */
export function buildGopBytes(message: GopMessage, options: BuildOptions = {}): Uint8Array {
  options = guardOptions(checkBuildOptions, options, 'buildGop');
  const encoding = options.encoding ?? 'UTF-8';
  const xml = buildGop(message, { ...options, encoding });
  return encoding === 'UTF-8' ? encodeUtf8(xml) : encodeLatin1(xml);
}

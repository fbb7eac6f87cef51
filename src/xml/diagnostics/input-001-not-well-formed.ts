import { defineMeta, type Texts } from '../../findings/finding';

/** Metadata only: the XML reader (src/xml/tree.ts) detects it. One message per reason, the values as data. */
const reason = <D>(en: (d: D) => string, da: (d: D) => string): Texts<D> => ({
  en: (d) => `The document is not well-formed XML: ${en(d)}`,
  da: (d) => `Dokumentet er ikke velformet XML: ${da(d)}`,
});
type None = Record<string, never>;
type Element = { element: string };
type Attribute = { element: string; attribute: string };
type Declaration = { attribute: string; uri: string };

export const INPUT_001 = defineMeta<{
  charNotAllowed: { code: string };
  charRefSyntax: None;
  charRefNotChar: { reference: string };
  bareAmpersand: None;
  undefinedEntity: { name: string };
  cdataEndInText: None;
  ltInAttribute: None;
  badQName: { name: string };
  declareXmlnsPrefix: Declaration;
  bindXmlnsNamespace: Declaration;
  rebindXmlPrefix: Declaration;
  bindXmlNamespace: Declaration;
  undeclarePrefix: Declaration;
  badXmlDeclaration: None;
  contentOutsideRoot: None;
  commentNotClosed: None;
  commentDoubleHyphen: None;
  cdataOutsideRoot: None;
  cdataNotClosed: None;
  markupNotAllowed: None;
  endTagClosesNothing: { name: string };
  endTagNotClosed: { name: string };
  endTagMismatch: { name: string; open: string };
  multipleRoots: None;
  noRoot: None;
  piNotClosed: None;
  piNoTarget: None;
  xmlDeclarationNotFirst: None;
  piTargetColon: { target: string };
  piTargetSpace: { target: string };
  truncated: { element: string; open: string };
  startTagNoName: None;
  slashWithoutGt: Element;
  charInStartTag: Element & { char: string };
  spaceBeforeAttribute: Attribute;
  attributeNoValue: Attribute;
  attributeNotQuoted: Attribute;
  attributeTwice: Attribute;
  elementXmlnsPrefix: Element;
  undeclaredPrefix: Element & { prefix: string };
  undeclaredAttributePrefix: Attribute & { prefix: string };
  attributeTwiceInNamespace: Element & { local: string; namespace: string };
}>({
  id: 'GOP-INPUT-001',
  layer: 'input',
  severity: 'fatal',
  referenceKey: 'xml',
  libraryData: ['code'],
  title: { da: 'Ikke velformet XML', en: 'Not well-formed XML' },
  docs: {
    en: 'The document is well-formed XML 1.0 (reported with the line and column of the first error).',
    da: 'Dokumentet er velformet XML 1.0 (rapporteres med linje og kolonne for første fejl).',
  },
  messages: {
    charNotAllowed: reason(
      (d) => `character ${d.code} is not allowed in XML`,
      (d) => `tegnet ${d.code} er ikke tilladt i XML`,
    ),
    charRefSyntax: reason(
      () => 'a character reference must be written &#digits; or &#xhex;',
      () => 'en tegnreference skal skrives &#cifre; eller &#xhex;',
    ),
    charRefNotChar: reason(
      (d) => `the character reference ${d.reference} names a character XML does not allow`,
      (d) => `tegnreferencen ${d.reference} angiver et tegn, som XML ikke tillader`,
    ),
    bareAmpersand: reason(
      () => 'a bare "&" must be written &amp;',
      () => 'et "&" skal skrives &amp;',
    ),
    undefinedEntity: reason(
      (d) => `the entity reference "&${d.name};" is not defined (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references)`,
      (d) => `entitetsreferencen "&${d.name};" er ikke defineret (XML kender kun &amp; &lt; &gt; &quot; &apos; og numeriske referencer)`,
    ),
    cdataEndInText: reason(
      () => '"]]>" may only close a CDATA section (write "]]&gt;" in text)',
      () => '"]]>" må kun afslutte en CDATA-sektion (skriv "]]&gt;" i tekst)',
    ),
    ltInAttribute: reason(
      () => 'an attribute value contains "<" (write &lt;)',
      () => 'en attributværdi indeholder "<" (skriv &lt;)',
    ),
    badQName: reason(
      (d) => `"${d.name}" is not a valid qualified name (one colon at most, between a prefix and a local name)`,
      (d) => `"${d.name}" er ikke et gyldigt kvalificeret navn (højst ét kolon, mellem præfiks og lokalnavn)`,
    ),
    declareXmlnsPrefix: reason(
      (d) => `${d.attribute}="${d.uri}": the prefix xmlns may not be declared`,
      (d) => `${d.attribute}="${d.uri}": præfikset xmlns må ikke erklæres`,
    ),
    bindXmlnsNamespace: reason(
      (d) => `${d.attribute}="${d.uri}": the xmlns namespace may not be bound`,
      (d) => `${d.attribute}="${d.uri}": xmlns-navnerummet må ikke bindes`,
    ),
    rebindXmlPrefix: reason(
      (d) => `${d.attribute}="${d.uri}": the prefix xml may only be bound to its own namespace`,
      (d) => `${d.attribute}="${d.uri}": præfikset xml må kun bindes til sit eget navnerum`,
    ),
    bindXmlNamespace: reason(
      (d) => `${d.attribute}="${d.uri}": the xml namespace may only be bound to the prefix xml`,
      (d) => `${d.attribute}="${d.uri}": xml-navnerummet må kun bindes til præfikset xml`,
    ),
    undeclarePrefix: reason(
      (d) => `${d.attribute}="${d.uri}": a prefix may not be undeclared (an empty namespace name)`,
      (d) => `${d.attribute}="${d.uri}": et præfiks må ikke have et tomt navnerum`,
    ),
    badXmlDeclaration: reason(
      () => 'the XML declaration is malformed',
      () => 'XML-erklæringen er forkert skrevet',
    ),
    contentOutsideRoot: reason(
      () => 'there is content outside the root element',
      () => 'der er indhold uden for rodelementet',
    ),
    commentNotClosed: reason(
      () => 'a comment is not closed',
      () => 'en kommentar er ikke afsluttet',
    ),
    commentDoubleHyphen: reason(
      () => 'a comment may not contain "--"',
      () => 'en kommentar må ikke indeholde "--"',
    ),
    cdataOutsideRoot: reason(
      () => 'a CDATA section may only stand inside the root element',
      () => 'en CDATA-sektion må kun stå inde i rodelementet',
    ),
    cdataNotClosed: reason(
      () => 'a CDATA section is not closed',
      () => 'en CDATA-sektion er ikke afsluttet',
    ),
    markupNotAllowed: reason(
      () => 'markup "<!" that XML does not allow here',
      () => 'markup "<!", som XML ikke tillader her',
    ),
    endTagClosesNothing: reason(
      (d) => `the end tag </${d.name}> closes no element`,
      (d) => `sluttagget </${d.name}> lukker intet element`,
    ),
    endTagNotClosed: reason(
      (d) => `the end tag </${d.name}> is not closed by ">"`,
      (d) => `sluttagget </${d.name}> afsluttes ikke med ">"`,
    ),
    endTagMismatch: reason(
      (d) => `the end tag </${d.name}> does not match <${d.open}>`,
      (d) => `sluttagget </${d.name}> passer ikke til <${d.open}>`,
    ),
    multipleRoots: reason(
      () => 'more than one root element',
      () => 'mere end ét rodelement',
    ),
    noRoot: reason(
      () => 'there is no root element',
      () => 'der er intet rodelement',
    ),
    piNotClosed: reason(
      () => 'a processing instruction is not closed',
      () => 'en procesinstruktion er ikke afsluttet',
    ),
    piNoTarget: reason(
      () => 'a processing instruction must start with a name',
      () => 'en procesinstruktion skal begynde med et navn',
    ),
    xmlDeclarationNotFirst: reason(
      () => 'an XML declaration may only stand at the very start',
      () => 'en XML-erklæring må kun stå allerførst',
    ),
    piTargetColon: reason(
      (d) => `the processing instruction target "${d.target}" may not contain a colon`,
      (d) => `procesinstruktionens mål "${d.target}" må ikke indeholde kolon`,
    ),
    piTargetSpace: reason(
      (d) => `the processing instruction target "${d.target}" must be followed by white space`,
      (d) => `procesinstruktionens mål "${d.target}" skal efterfølges af mellemrum`,
    ),
    truncated: reason(
      (d) => `the document ends before <${d.element}> is closed (still open: ${d.open}); is it truncated?`,
      (d) => `dokumentet slutter, før <${d.element}> er lukket (stadig åbne: ${d.open}); er det afkortet?`,
    ),
    startTagNoName: reason(
      () => 'a start tag without a name ("<" in text is written &lt;)',
      () => 'et starttag uden navn ("<" i tekst skrives &lt;)',
    ),
    slashWithoutGt: reason(
      (d) => `<${d.element}>: "/" must be followed by ">"`,
      (d) => `<${d.element}>: "/" skal efterfølges af ">"`,
    ),
    charInStartTag: reason(
      (d) => `<${d.element}>: the character "${d.char}" does not belong in a start tag`,
      (d) => `<${d.element}>: tegnet "${d.char}" hører ikke hjemme i et starttag`,
    ),
    spaceBeforeAttribute: reason(
      (d) => `<${d.element}>: white space is needed before the attribute "${d.attribute}"`,
      (d) => `<${d.element}>: der skal stå mellemrum før attributten "${d.attribute}"`,
    ),
    attributeNoValue: reason(
      (d) => `<${d.element}>: the attribute "${d.attribute}" has no value`,
      (d) => `<${d.element}>: attributten "${d.attribute}" har ingen værdi`,
    ),
    attributeNotQuoted: reason(
      (d) => `<${d.element}>: the value of "${d.attribute}" is not quoted`,
      (d) => `<${d.element}>: værdien af "${d.attribute}" står ikke i anførselstegn`,
    ),
    attributeTwice: reason(
      (d) => `<${d.element}>: the attribute "${d.attribute}" is given twice`,
      (d) => `<${d.element}>: attributten "${d.attribute}" er angivet to gange`,
    ),
    elementXmlnsPrefix: reason(
      (d) => `<${d.element}>: an element may not have the prefix xmlns`,
      (d) => `<${d.element}>: et element må ikke have præfikset xmlns`,
    ),
    undeclaredPrefix: reason(
      (d) => `the namespace prefix "${d.prefix}" of <${d.element}> is not declared`,
      (d) => `navnerumspræfikset "${d.prefix}" i <${d.element}> er ikke erklæret`,
    ),
    undeclaredAttributePrefix: reason(
      (d) => `the namespace prefix "${d.prefix}" of the attribute ${d.attribute} on <${d.element}> is not declared`,
      (d) => `navnerumspræfikset "${d.prefix}" i attributten ${d.attribute} på <${d.element}> er ikke erklæret`,
    ),
    attributeTwiceInNamespace: reason(
      (d) => `<${d.element}> has two attributes named ${d.local} in the namespace ${d.namespace}`,
      (d) => `<${d.element}> har to attributter ved navn ${d.local} i navnerummet ${d.namespace}`,
    ),
  },
});

/*
 * libxml2 (npm libxml2-wasm, WebAssembly, a devDependency) as a well-formedness oracle for the fuzzer.
 *
 * API used: `XmlDocument.fromBuffer(bytes, { option })` — synchronous once the module has loaded (the module itself
 * loads the wasm with a top-level await, hence the dynamic import here). It throws `XmlParseError` (with
 * `details: ErrorDetail[]`) as soon as libxml2 reported anything at level ≥ 2 (error or fatal); on success the
 * level-1 diagnostics are on `doc.warnings`. A document is wasm memory: every one is disposed here, in a `finally`
 * (on the error path the wrapper frees the document and the parser context itself).
 *
 * Options: strict mode (no XML_PARSE_RECOVER), no entity substitution (no NOENT), no DTD loading/attributes/
 * validation, NO_XXE and NONET (no external entities or DTDs, no network), NO_SYS_CATALOG, and XML_PARSE_HUGE so
 * that libxml2's own size limits (10 MB text nodes, 50 KB names, depth 256) — which are not XML well-formedness —
 * play no part. Not NOERROR / NOWARNING: the wrapper collects diagnostics through the error handler.
 *
 * libxml2 is namespace-aware by default (SAX2), and reports every namespace constraint violation (unbound element or
 * attribute prefix, `xmlns:p=""`, rebinding `xml`/`xmlns`, binding their URIs, duplicate expanded attribute names,
 * QNames with two colons, colons in PI targets) at level 2 ("error", not "fatal": it parses on, but the wrapper
 * throws). So they count as malformed without extra work. Adjustments, to match XML 1.0 + Namespaces (the reader's
 * policy), not libxml2's extras:
 *  - "xmlns:p: 'a b' is not a valid URI" (level 2) is not a namespace constraint (the reader does not check URI
 *    syntax): ignored, and counted.
 *  - "Encoding 'ISO-8859-1' doesn't match auto-detected 'UTF-8'" (a UTF-8 BOM with another declared encoding) is only
 *    a warning in libxml2, but a fatal error in XML 1.0 § 4.3.3 (and GOP-INPUT-003 for us): promoted to malformed.
 */
import type { ErrorDetail } from 'libxml2-wasm';

export interface Libxml2Verdict {
  wellFormed: boolean;
  /** the document has a DOCTYPE (known when libxml2 built a document; otherwise looked for textually) */
  doctype: boolean;
  /** what made it malformed (level ≥ 2, plus promoted warnings), in order */
  errors: ErrorDetail[];
  /** level-2 diagnostics deliberately not counted (URI syntax) */
  ignored: ErrorDetail[];
  /** level-1 diagnostics that were not promoted */
  warnings: ErrorDetail[];
}

export interface Libxml2 {
  check(bytes: Uint8Array): Libxml2Verdict;
  /** the option bits passed to libxml2, for the record */
  options: number;
}

const IGNORED = /is not a valid URI/;
const PROMOTED = /doesn't match auto-detected/;

/** Loads libxml2-wasm; returns a reason string instead when it cannot be loaded. */
export async function loadLibxml2(): Promise<Libxml2 | string> {
  let mod: typeof import('libxml2-wasm');
  try {
    mod = await import('libxml2-wasm');
  } catch (error) {
    return `libxml2-wasm could not be loaded (${error instanceof Error ? error.message : String(error)})`;
  }
  const { XmlDocument, XmlParseError, ParseOption: P } = mod;
  const options = P.XML_PARSE_NONET | P.XML_PARSE_NO_XXE | P.XML_PARSE_NO_SYS_CATALOG | P.XML_PARSE_HUGE;

  function check(bytes: Uint8Array): Libxml2Verdict {
    let details: ErrorDetail[];
    let doctype: boolean | undefined;
    let nothingSaid = false;
    try {
      const doc = XmlDocument.fromBuffer(bytes, { option: options });
      try {
        details = [...doc.warnings];
        doctype = doc.dtd !== null;
      } finally {
        doc.dispose();
      }
    } catch (error) {
      if (!(error instanceof XmlParseError)) throw error;
      details = error.details;
      nothingSaid = details.length === 0;
    }
    const errors: ErrorDetail[] = [];
    const ignored: ErrorDetail[] = [];
    const warnings: ErrorDetail[] = [];
    for (const d of details) {
      if (d.level >= 2) (IGNORED.test(d.message) ? ignored : errors).push(d);
      else (PROMOTED.test(d.message) ? errors : warnings).push(d);
    }
    if (nothingSaid) errors.push({ message: 'libxml2 returned no document and no diagnostic', level: 3, line: 1, col: 1 });
    // Thrown only for ignored diagnostics: no document to ask, so look for the DOCTYPE in the text.
    if (doctype === undefined) doctype = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('<!DOCTYPE');
    return { wellFormed: errors.length === 0, doctype, errors, ignored, warnings };
  }

  // Smoke test, so that a broken build is a skip with a reason rather than thousands of bogus disagreements.
  try {
    const good = check(new TextEncoder().encode('<a xmlns:p="urn:x" p:b="1"/>'));
    const bad = check(new TextEncoder().encode('<a q:b="1"/>'));
    if (!good.wellFormed || bad.wellFormed) return 'libxml2-wasm loaded but gives wrong verdicts on a smoke test';
  } catch (error) {
    return `libxml2-wasm loaded but fails (${error instanceof Error ? error.message : String(error)})`;
  }
  return { check, options };
}

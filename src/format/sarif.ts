import { rules } from '../rules/index';
import type { Severity } from '../findings/finding';
import type { Formatter, FormatOptions, Piece } from './types';
import { streaming, daysLeft, fileNamer, messageIn, showsReferenceDate } from './types';
import { redactedFileUri } from './ui-texts';
import { jsonWithoutControls } from '../values/controls';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { fatal: 'error', error: 'error', warning: 'warning', info: 'note' };
const INFORMATION_URI = 'https://www.npmjs.com/package/medcom-gop';
const HELP_URI = 'https://www.npmjs.com/package/medcom-gop#the-rule-catalogue';

/** The URI base of the file names: the folder they are relative to (FormatOptions.baseDirectory). */
const SRCROOT = 'SRCROOT';
/** The URI base of the placeholders under redaction (redacted/file-3): no file of the run. */
const REDACTED = 'REDACTED';

interface SplitPath {
  /** undefined: relative; '' a POSIX root; 'C:' a drive; '//host' a UNC share */
  root?: string;
  steps: string[];
  /** how many `..` steps a relative name starts with, once `.` and `a/..` are resolved */
  up: number;
}

/** A file name's steps: forward slashes, `.` and `a/..` resolved; `..` above a root is the root. */
function splitPath(name: string): SplitPath {
  const slashed = name.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:(?=\/|$)/.exec(slashed)?.[0];
  const unc = drive ? undefined : /^\/\/[^/]+/.exec(slashed)?.[0];
  const root = drive ?? unc ?? (slashed.startsWith('/') ? '' : undefined);
  const steps: string[] = [];
  let up = 0;
  for (const step of slashed.slice(root?.length ?? 0).split('/')) {
    if (step === '' || step === '.') continue;
    if (step !== '..') steps.push(step);
    else if (steps.length) steps.pop();
    else if (root === undefined) up++;
  }
  return { root, steps, up };
}

// Each step percent-encoded whole: no '?', '#' or ':' (a relative URI "a:b.xml" would have a scheme) stays raw.
const encodeSteps = (steps: readonly string[]) => steps.map(encodeURIComponent).join('/');

/** An absolute path as a file:// URI (file:///srv/x.xml, file:///C:/x.xml, file://host/share/x.xml). */
function fileUri(root: string, steps: readonly string[], folder = false): string {
  const prefix = root.startsWith('//') ? `file:${root}/` : root === '' ? 'file:///' : `file:///${root}/`;
  const path = encodeSteps(steps);
  return `${prefix}${path}${folder && path ? '/' : ''}`;
}

/**
 * A file name as a SARIF artifactLocation, never with `../`: inside the base folder a URI relative to SRCROOT; outside
 * it (with a base folder given, or an absolute name) an absolute file:// URI; without a base folder, a relative name
 * that climbs out of it is relative to UPn, the folder n steps above SRCROOT.
 */
function artifactLocation(file: string, base: SplitPath | undefined): { uri: string; uriBaseId?: string } {
  let path = splitPath(file);
  if (base && path.root === undefined) {
    const steps = base.steps.slice(0, Math.max(0, base.steps.length - path.up));
    path = { root: base.root, steps: [...steps, ...path.steps], up: 0 };
  }
  if (path.root === undefined) return { uri: encodeSteps(path.steps), uriBaseId: path.up ? `UP${path.up}` : SRCROOT };
  const inside = base && path.root === base.root && base.steps.every((step, i) => path.steps[i] === step);
  if (inside && path.steps.length > base.steps.length) return { uri: encodeSteps(path.steps.slice(base.steps.length)), uriBaseId: SRCROOT };
  return { uri: fileUri(path.root, path.steps) };
}

/** run.originalUriBaseIds: where SRCROOT is (when known), and what the other bases used are. */
function uriBases(base: SplitPath | undefined, used: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    [SRCROOT]: base
      ? { uri: fileUri(base.root!, base.steps, true) }
      : { description: { text: 'The folder the file names are relative to (the working folder of the run).' } },
  };
  for (const id of [...used].sort()) {
    if (id === REDACTED)
      out[id] = { description: { text: 'Files under redaction, named by their place in the run (redacted/file-3): no path is shown.' } };
    else if (id !== SRCROOT) out[id] = { description: { text: `${id.slice(2)} folder(s) above ${SRCROOT}.` } };
  }
  return out;
}

/**
 * SARIF 2.1.0: the catalogue as tool.driver.rules, one result per finding with its physical location (relative to
 * the URI base SRCROOT, see artifactLocation). Each result of a file carries what the deadline was read as
 * (deadlineKind: unreadable is not none), the start dates (with startBy, startByBecause, standardStartBy), and the start dates in words as the text summary says them
 * as properties. The reference date and the days left (numbers) only when it was given (referenceDateGiven), so that
 * the same files give the same log on any day; run.properties the reference date, when every file had the same. JSON
 * strings hold controls only as \uXXXX escapes (the values are the same).
 */
export function sarifFormatter(options: FormatOptions = {}): Formatter {
  const message = messageIn(options.language);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  let first = true;
  let referenceDate: string | undefined | null = null; // null: no file yet; undefined: none, or not the same for all
  const nameOf = fileNamer(options);
  const base = options.baseDirectory === undefined ? undefined : splitPath(options.baseDirectory);
  // Not an absolute folder: no base to resolve against.
  const usableBase = base?.root === undefined ? undefined : base;
  const bases = new Set<string>();
  return streaming({
    begin() {
      const driver = {
        name: 'medcom-gop',
        version: options.toolVersion ?? '0.0.0',
        informationUri: INFORMATION_URI,
        rules: rules.map((rule) => ({
          id: rule.id,
          name: rule.title.en,
          shortDescription: { text: rule.title.en },
          fullDescription: { text: rule.docs.en },
          helpUri: HELP_URI,
          defaultConfiguration: { level: LEVEL[rule.severity] },
          properties: { layer: rule.layer, titleDa: rule.title.da, reference: rule.reference },
        })),
      };
      const head = JSON.stringify(
        { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver }, results: [] }] },
        null,
        1,
      );
      // Everything up to the results array, which is filled as files arrive.
      return jsonWithoutControls(`${head.slice(0, head.lastIndexOf('[]'))}[`);
    },
    piece(result) {
      const { file, report } = result;
      // Under redaction the placeholder (redacted/file-3), relative to the base REDACTED: still a valid artifactLocation.
      const { position } = nameOf(result);
      const artifact =
        position === undefined ? artifactLocation(file, usableBase) : { uri: redactedFileUri(position), uriBaseId: REDACTED };
      const results: string[] = [];
      const shownDate = showsReferenceDate(options, report) ? report.referenceDate : undefined;
      // Numbers and dates; the words only for what is the same on any day (the start dates), never the days left.
      const days = daysLeft(report, options);
      const dayProperties = days && {
        referenceDate: days.referenceDate,
        deadlineKind: days.deadlineKind,
        mustStartBy: days.mustStartBy,
        daysUntilMustStart: days.daysUntilMustStart,
        guaranteedStartBy: days.guaranteedStartBy,
        daysUntilGuaranteedStart: days.daysUntilGuaranteedStart,
        guaranteeIfNoLaterStart: days.guaranteeIfNoLaterStart,
        startBy: days.startBy,
        startByBecause: days.startByBecause,
        standardStartBy: days.standardStartBy,
        startDates: days.startDates.en,
        startDatesDa: days.startDates.da,
      };
      for (const f of report.findings) {
        const physicalLocation: Record<string, unknown> = { artifactLocation: artifact };
        if (f.line) physicalLocation.region = f.column ? { startLine: f.line, startColumn: f.column } : { startLine: f.line };
        const result = {
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: message(f) },
          locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: f.path, kind: 'element' }] }],
          properties: { severity: f.severity, messageDa: f.messageDa, reference: f.reference, ...dayProperties },
        };
        results.push(jsonWithoutControls(JSON.stringify(result)));
      }
      const piece: Piece = { text: results.join(',\n') };
      if (shownDate !== undefined) piece.referenceDate = shownDate;
      if (results.length > 0 && artifact.uriBaseId) piece.uriBase = artifact.uriBaseId;
      return piece;
    },
    place(piece) {
      const shownDate = piece.referenceDate;
      referenceDate = referenceDate === null || referenceDate === shownDate ? shownDate : undefined;
      if (piece.uriBase) bases.add(piece.uriBase);
      if (!piece.text) return '';
      const out = (first ? '\n' : ',\n') + piece.text;
      first = false;
      return out;
    },
    end: () =>
      `\n], "originalUriBaseIds": ${jsonWithoutControls(JSON.stringify(uriBases(usableBase, bases)))}${
        referenceDate ? `, "properties": ${JSON.stringify({ referenceDate })}` : ''
      }}]}\n`,
  });
}

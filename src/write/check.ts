import { xmlPathOf } from '../model/locate';
import { GopMessageSchema, MESSAGE_SPEC, type GopMessage } from '../model/schema';
import { problemFinding, structureProblems } from '../model/structure';
import { checkShape } from '../model/shape';
import { checkGop } from '../report/validate';
import { codePointName, firstNonChar } from '../xml/chars';
import { isNcName, RESERVED_NAMES } from '../xml/names';
import { GopBuildError, type BuildIssue, type BuildOptions } from './issues';

// A prefix is an XML NCName; xml… is reserved by Namespaces in XML, and the reader refuses prototype names.
const isUsablePrefix = (prefix: string) => isNcName(prefix) && !/^xml/i.test(prefix) && !RESERVED_NAMES.has(prefix);

/**
 * The message before anything is written: its types and structure as checkGop words them, characters XML cannot
 * carry, usable prefixes, and with `strict` the validator's errors. Throws GopBuildError listing every problem.
 */
export function checkInput(input: GopMessage, options: BuildOptions): void {
  const issues: BuildIssue[] = [];
  const pathOf = (path: readonly (string | number)[]) => xmlPathOf(path as (string | number)[], 'Emessage', MESSAGE_SPEC);
  // First the types, as checkGop checks them: a value of the wrong type (a rich-text node that is a number, a
  // style without content), a cycle and formatted text nested too deep are refused here, worded as checkGop words
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
  // The structure worded as the reader and checkGop word it; zod's issues for what that does not cover.
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
    for (const f of checkGop(message).findings)
      if (f.severity === 'error' || f.severity === 'fatal') issues.push({ path: f.path, message: `${f.ruleId}: ${f.message}` });
  }
  if (issues.length) throw new GopBuildError(issues);
}

/** `gop fhir FOLDER -o DIR`: the name of each plan's report, decided for the whole folder before anything is written. */
export interface ReportName {
  /** the report's path below DIR, with forward slashes */
  name: string;
  /** the other plans (indices) whose report would have had the same name; empty when the name is the usual one */
  clashesWith: number[];
  /** the usual name is also the name of a folder of reports */
  clashesWithFolder: boolean;
}

/** As a case-insensitive, normalisation-insensitive file system (macOS, Windows) compares names. */
const keyOf = (name: string) => name.normalize('NFC').toLowerCase();
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One report name per plan, from its path below the folder (forward slashes): `sub/plan.xml` → `sub/plan.fhir.json`.
 * Names are compared ignoring case and Unicode normalisation, since DIR may be on a file system that does. Plans whose
 * names would meet there (`plan.xml` and `plan.XML`; `A/plan.xml` and `a/plan.xml`; a report named like a folder of
 * reports) each get a counter instead — `plan~1.fhir.json`, `plan~2.fhir.json` — in the code-unit order of their paths,
 * past any name another report has: the same folder always gives the same names, and no report replaces another.
 */
export function reportNames(paths: readonly string[]): ReportName[] {
  const stems = paths.map((path) => path.replace(/\.xml$/i, ''));
  const usual = stems.map((stem) => `${stem}.fhir.json`);
  const folders = new Set<string>();
  for (const name of usual) {
    const parts = name.split('/');
    for (let n = 1; n < parts.length; n++) folders.add(keyOf(parts.slice(0, n).join('/')));
  }
  const groups = new Map<string, number[]>();
  usual.forEach((name, i) => {
    const key = keyOf(name);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const taken = new Set(folders);
  const result: ReportName[] = usual.map((name, i) => {
    const group = groups.get(keyOf(name))!;
    return { name, clashesWith: group.filter((j) => j !== i), clashesWithFolder: folders.has(keyOf(name)) };
  });
  const clashing = (r: ReportName) => r.clashesWith.length > 0 || r.clashesWithFolder;
  for (const r of result) if (!clashing(r)) taken.add(keyOf(r.name));
  const renamed = result.flatMap((r, i) => (clashing(r) ? [i] : [])).sort((a, b) => byCodeUnits(paths[a]!, paths[b]!));
  for (const i of renamed) {
    let n = 1;
    while (taken.has(keyOf(`${stems[i]}~${n}.fhir.json`))) n++;
    result[i]!.name = `${stems[i]}~${n}.fhir.json`;
    taken.add(keyOf(result[i]!.name));
  }
  return result;
}

/**
 * Optimal string alignment distance between `a` and `b` — insertions, deletions, substitutions and swaps of two
 * neighbours — or `max + 1` as soon as it must exceed `max` (the callers want near misses only). One function for the
 * deadline reader's typo correction and the options' "did you mean".
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** The known name nearest to `given` (same name in another case, or up to two edits away), for "did you mean". */
function closest(given: string, known: Iterable<string>, max = 2): string | undefined {
  const lower = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " (did you mean X?)" for a near miss of a known name, else ''. */
export function didYouMean(given: string, known: Iterable<string>, show: (name: string) => string = (name) => name): string {
  const near = closest(given, known);
  return near === undefined ? '' : ` (did you mean ${show(near)}?)`;
}

// The targets, each beside its measure: every series, the median, and met only when every series meets it.
import { median } from './measure.mjs';

/**
 * A row: `series` the measure per series, `at most` or `at least` the bound, `format` how a value prints.
 * `bound` undefined: shown for comparison, no target.
 */
export function targetRow({ measure, series, bound, atMost = true, format }) {
  const meets = (x) => (atMost ? x <= bound : x >= bound);
  const met = series.filter(meets).length;
  return {
    measure,
    target: bound === undefined ? '-' : `${atMost ? '≤' : '≥'} ${format(bound)}`,
    ...Object.fromEntries(series.map((x, s) => [`series ${s + 1}`, format(x)])),
    median: format(median(series)),
    verdict: bound === undefined ? '-' : met === series.length ? 'met' : `not met (${met} of ${series.length} series)`,
  };
}

/** Offsets → 1-based line:column, computed lazily: only documents with findings pay for the line table. */
export class LineIndex {
  private starts: Int32Array | undefined;
  constructor(private readonly text: string) {}

  /** Counted first, then filled: a typed array of exactly the lines (a large one stored outside the JS heap, not grown by push). */
  private lineStarts(): Int32Array {
    if (!this.starts) {
      const starts = new Int32Array(lineStartsOf(this.text, undefined));
      lineStartsOf(this.text, starts);
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

/** How many lines the text has, each one's start written to `starts` when given (0 for the first). */
function lineStartsOf(text: string, starts: Int32Array | undefined): number {
  let count = 1;
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (starts) starts[count] = i + 1;
      count++;
    }
    return count;
  }
  // XML 1.0 §2.11: CR LF, a lone CR and LF each end a line.
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    } else if (c !== 0x0a) {
      continue;
    }
    if (starts) starts[count] = i + 1;
    count++;
  }
  return count;
}

// Offsets to zero-based line/column the way VS Code counts them: \r\n, \n and a lone \r each end a line,
// and columns are UTF-16 code units. (yaml's LineCounter only knows \n, which puts squiggles off the text
// in files with stray \r.)
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++;
      if (ch === 10 || ch === 13) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset where a line starts, or undefined past the last line. */
  lineStart(line: number): number | undefined {
    return this.starts[line];
  }

  position(offset: number): { line: number; col: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a \r\n pair belongs to the end of its line.
    return { line: low, col: Math.min(clamped - this.starts[low], this.lineLength(low)) };
  }

  private lineLength(line: number): number {
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    const body = this.text.slice(this.starts[line], end);
    return body.replace(/\r?\n$|\r$/, '').length;
  }
}

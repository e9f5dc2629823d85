// Text with its origin: every character of a value remembers its offset in the pasted input, so issues
// found deep inside (a quote in the middle of a JAAS line joined from continuations) name the real line
// and column.

export interface LocatedText {
  text: string;
  /** offsets[i] is the input offset of text[i]. */
  offsets: number[];
}

export interface Position {
  line: number;
  column: number;
}

export class SourceText {
  readonly lines: string[];
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lines = text.split(/\r\n|\n|\r/);
    this.lineStarts = [];
    let offset = 0;
    for (const line of this.lines) {
      this.lineStarts.push(offset);
      offset += line.length;
      offset += text.startsWith('\r\n', offset) ? 2 : offset < text.length ? 1 : 0;
    }
  }

  /** 1-based line and column of an input offset. */
  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  lineStart(lineIndex: number): number {
    return this.lineStarts[lineIndex] ?? this.text.length;
  }
}

export function locate(text: string, start: number): LocatedText {
  return { text, offsets: Array.from({ length: text.length }, (_, index) => start + index) };
}

export function sliceLocated(value: LocatedText, start: number, end = value.text.length): LocatedText {
  return { text: value.text.slice(start, end), offsets: value.offsets.slice(start, end) };
}

export function trimLocated(value: LocatedText): LocatedText {
  const start = value.text.length - value.text.trimStart().length;
  const end = value.text.trimEnd().length;
  return end <= start ? { text: '', offsets: [] } : sliceLocated(value, start, end);
}

/** Builds a LocatedText one character at a time. */
export class LocatedBuilder {
  private text = '';
  private readonly offsets: number[] = [];

  push(char: string, offset: number): void {
    this.text += char;
    this.offsets.push(offset);
  }

  get length(): number {
    return this.text.length;
  }

  build(): LocatedText {
    return { text: this.text, offsets: [...this.offsets] };
  }
}

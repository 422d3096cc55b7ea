import type { Range } from 'vscode-languageserver-types';
import type { ServiceDocument } from './service/document.js';

/** Lines per block. Blocks keep the heap small (a 5 MB file is ~1,500 strings, not 80,000) and edits local. */
const BLOCK_LINES = 64;
/** Lines of a block left before or after an edit that stay a block of their own; fewer join the edit. */
const MIN_LEFTOVER_LINES = 16;

/** Length of a line's text without its line break. */
function contentLength(line: string): number {
  if (line.endsWith('\r\n')) return line.length - 2;
  return line.endsWith('\n') || line.endsWith('\r') ? line.length - 1 : line.length;
}

/** One change from `textDocument/didChange`: a range and its new text, or the whole new text. */
export type ContentChange = { readonly range: Range; readonly text: string } | { readonly text: string };

interface Block {
  /** The block's lines, line breaks included, as one string. */
  readonly text: string;
  /** How many lines it holds. */
  readonly lines: number;
}

/**
 * Cuts text into blocks of `BLOCK_LINES` lines. Blocks are slices of the text, which V8 keeps as
 * views of it: opening a document copies nothing and makes no string per line.
 * @param text - the text.
 * @param dropEmptyTail - leave out the empty last line after a final line break (for a region
 *   that is not the end of the document).
 */
function toBlocks(text: string, dropEmptyTail = false): Block[] {
  const blocks: Block[] = [];
  let blockStart = 0;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (++lines === BLOCK_LINES) {
      blocks.push({ text: text.slice(blockStart, i + 1), lines });
      blockStart = i + 1;
      lines = 0;
    }
  }
  // What is left: complete lines, then the last line, which has no line break (and may be empty).
  // A region that is not the end of the document has no such last line: it ends with a break.
  const tail = text.slice(blockStart);
  if (!dropEmptyTail) blocks.push({ text: tail, lines: lines + 1 });
  else if (lines > 0) blocks.push({ text: tail, lines });
  return blocks;
}

/**
 * An open document kept as blocks of lines. An incremental edit re-splits only the lines it
 * touches, so a one-character edit in a 5 MB document costs microseconds, where a flat string would
 * be copied whole on every keystroke; and the heap holds a few strings per thousand lines.
 */
export class LineDocument implements ServiceDocument {
  #blocks: Block[];
  /** First line of each block; rebuilt after an edit changes a line count. */
  #firstLines: number[] = [];
  #lineCount = 0;

  /**
   * @param uri - the document's URI.
   * @param languageId - its language id.
   * @param version - the version the client gave.
   * @param text - the whole text.
   */
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.#blocks = toBlocks(text);
    this.#index();
  }

  get lineCount(): number {
    return this.#lineCount;
  }

  lineAt(line: number): string {
    const text = this.#rawLine(line);
    return text === undefined ? '' : text.slice(0, contentLength(text));
  }

  /**
   * Applies changes in order, as `didChange` sends them. Positions past a line's end or the
   * document's end are clamped, like the protocol's reference implementation does.
   * @param changes - the changes.
   * @param version - the new version.
   */
  update(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.#blocks = toBlocks(change.text);
        this.#index();
        continue;
      }
      const { start, end } = this.#clampRange(change.range);
      this.#replace(start, end, change.text);
    }
    this.version = version;
  }

  /**
   * Replaces a range. Only the touched lines, with the line before and after (so a `\r` and a `\n`
   * that end up side by side become one line break, as in the client's copy), are cut out and
   * split again; the rest of their blocks stay slices of the text they came from. So an edit
   * allocates about the size of the lines it touches: the heap does not grow by a block per edit.
   */
  #replace(start: Range['start'], end: Range['start'], text: string): void {
    const firstLine = Math.max(0, start.line - 1);
    const lastLine = Math.min(this.#lineCount - 1, end.line + 1);
    const a = this.#blockOf(firstLine);
    const b = this.#blockOf(lastLine);
    const blockA = this.#blocks[a]!;
    const blockB = this.#blocks[b]!;
    // What stays of the first and last touched blocks: the lines before and after the region.
    const headLines = firstLine - this.#firstLines[a]!;
    const headEnd = offsetInRegion(blockA.text, headLines, 0);
    const tailLines = this.#firstLines[b]! + blockB.lines - (lastLine + 1);
    const tailStart =
      tailLines > 0 ? offsetInRegion(blockB.text, lastLine + 1 - this.#firstLines[b]!, 0) : blockB.text.length;
    let region: string;
    if (a === b) region = blockA.text.slice(headEnd, tailStart);
    else {
      const middle = this.#blocks.slice(a + 1, b).map((block) => block.text);
      region = [blockA.text.slice(headEnd), ...middle, blockB.text.slice(0, tailStart)].join('');
    }
    const from = offsetInRegion(region, start.line - firstLine, start.character);
    const to = offsetInRegion(region, end.line - firstLine, end.character);
    let edited = region.slice(0, from) + text + region.slice(to);
    // Short leftovers join the edited lines rather than become blocks of their own, so that edits
    // do not leave the document in ever smaller pieces.
    let head: Block | undefined;
    if (headLines >= MIN_LEFTOVER_LINES) head = { text: blockA.text.slice(0, headEnd), lines: headLines };
    else if (headLines > 0) edited = blockA.text.slice(0, headEnd) + edited;
    let tail: Block | undefined;
    if (tailLines >= MIN_LEFTOVER_LINES) tail = { text: blockB.text.slice(tailStart), lines: tailLines };
    else if (tailLines > 0) edited += blockB.text.slice(tailStart);
    // The edited lines end with a line break, and no line begins after them, unless they hold the
    // document's last line.
    const atEnd = b === this.#blocks.length - 1 && tail === undefined;
    const blocks = toBlocks(edited, !atEnd);
    if (head) blocks.unshift(head);
    if (tail) blocks.push(tail);
    if (blocks.length < 10_000) this.#blocks.splice(a, b - a + 1, ...blocks);
    else this.#blocks = this.#blocks.slice(0, a).concat(blocks, this.#blocks.slice(b + 1)); // too many to spread
    this.#index();
  }

  #index(): void {
    this.#firstLines = new Array<number>(this.#blocks.length);
    let line = 0;
    this.#blocks.forEach((block, i) => {
      this.#firstLines[i] = line;
      line += block.lines;
    });
    this.#lineCount = line;
  }

  /** The block holding a line (binary search over first lines). */
  #blockOf(line: number): number {
    let lo = 0;
    let hi = this.#blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.#firstLines[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A line with its line break, or `undefined` past the end. */
  #rawLine(line: number): string | undefined {
    if (!(line >= 0 && line < this.#lineCount)) return undefined;
    const b = this.#blockOf(line);
    const text = this.#blocks[b]!.text;
    let start = 0;
    for (let skip = line - this.#firstLines[b]!; skip > 0; skip--) {
      const lf = nextBreak(text, start);
      start = lf;
    }
    return text.slice(start, nextBreak(text, start));
  }

  #clampRange(range: Range): Range {
    const last = this.#lineCount - 1;
    const clamp = (p: Range['start']): Range['start'] => {
      if (!(p.line >= 0)) return { line: 0, character: 0 };
      if (p.line > last) return { line: last, character: this.lineAt(last).length };
      return { line: p.line, character: Math.max(0, Math.min(p.character, this.lineAt(p.line).length)) };
    };
    let start = clamp(range.start);
    let end = clamp(range.end);
    if (end.line < start.line || (end.line === start.line && end.character < start.character))
      [start, end] = [end, start];
    return { start, end };
  }
}

/** Offset of a (line, character) position in a text whose first line is line 0. */
function offsetInRegion(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) offset = nextBreak(text, offset);
  return offset + character;
}

/** Offset just past the line break that ends the line starting at `from` (or the text's end). */
function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

import type { Nodes, Root, RootContent, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { cacheState, type BuildCache } from './cache.js';

type Point = NonNullable<Root['position']>['start'];

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** A piece of the page parsed on its own. */
interface Block {
  /** The text parsed: a slice of the page, or a table's header and delimiter rows followed by more of its rows. */
  readonly text: string;
  /** Length and line count of the repeated header at the start of `text` (0 for a slice). */
  readonly prefixLength: number;
  readonly prefixLines: number;
  /** Where the page's part of `text` starts: UTF-16 offset and 1-based line. */
  readonly offset: number;
  readonly line: number;
  /** How many table rows of the page it holds (0: it is a whole section). */
  readonly rows: number;
}

/**
 * How a long table is cut into blocks: after a row whose text hashes to 0 modulo the average, with
 * at least the minimum and at most the maximum of rows per block. Cuts follow the rows' text, not
 * their count, so an inserted or deleted row changes the block it is in and not every block after.
 */
const ROWS = { average: 32, min: 8, max: 256 } as const;

/** Whether a block of table rows may end after this row (FNV-1a of its text). */
function endsBlock(text: string): boolean {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % ROWS.average === 0;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_OPEN: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A link reference or footnote definition: it applies document-wide, so such a page is parsed whole. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLANK = /^[ \t]*$/;

interface Line {
  readonly start: number;
  /** Start of the next line (after this one's line ending). */
  readonly next: number;
  readonly text: string;
}

function splitLines(markdown: string): Line[] {
  const lines: Line[] = [];
  const ending = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = ending.exec(markdown); m; m = ending.exec(markdown)) {
    lines.push({ start, next: m.index + m[0].length, text: markdown.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < markdown.length) lines.push({ start, next: markdown.length, text: markdown.slice(start) });
  return lines;
}

/**
 * Line indexes where the page can be cut into pieces that parse the same on their own: before an
 * ATX heading in the first column that follows a blank line, outside front matter, fenced code and
 * the HTML blocks that run past blank lines. Such a heading closes every open container (list,
 * quote, paragraph, table, indented code), so nothing before it can reach past it. Anything this
 * scan does not understand only means fewer cuts.
 */
function sectionStarts(lines: readonly Line[]): number[] {
  const starts = [0];
  let i = 0;
  if (lines[0]?.text === '---') {
    i = lines.findIndex((l, k) => k > 0 && /^---[ \t]*$/.test(l.text));
    if (i < 0) return starts;
    i++;
  }
  let closer: RegExp | undefined;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (closer) {
      if (closer.test(text)) closer = undefined;
      continue;
    }
    const fence = FENCE_OPEN.exec(text);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      const mark = fence[1]!;
      closer = new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${mark.length},}[ \\t]*$`);
      continue;
    }
    const html = HTML_OPEN.find(([open]) => open.test(text));
    if (html) {
      // The end marker may be on the opening line itself, after the opener.
      if (!html[1].test(text.replace(html[0], ''))) closer = html[1];
      continue;
    }
    if (i > 0 && ATX_HEADING.test(text) && BLANK.test(lines[i - 1]!.text)) starts.push(i);
  }
  return starts;
}

/**
 * Cuts a section (lines `from`–`to`) into blocks: the section itself, or, when it holds a long table,
 * the section up to the table's first rows and then blocks of rows, each after a copy of the table's
 * header and delimiter rows. A table row is one line and parses the same under the same header.
 */
function sectionBlocks(markdown: string, lines: readonly Line[], from: number, to: number): Block[] {
  const slice = (a: number, b: number): Block => ({
    text: markdown.slice(lines[a]!.start, lines[b - 1]!.next),
    prefixLength: 0,
    prefixLines: 0,
    offset: lines[a]!.start,
    line: a + 1,
    rows: 0,
  });
  for (let h = from; h + 1 < to; h++) {
    const opensTable =
      lines[h]!.text.startsWith('|') &&
      TABLE_DELIMITER.test(lines[h + 1]!.text) &&
      (h === from || BLANK.test(lines[h - 1]!.text) || ATX_HEADING.test(lines[h - 1]!.text));
    if (!opensTable) continue;
    let end = h + 2;
    while (end < to && lines[end]!.text.startsWith('|')) end++;
    // Lines after which a block of rows ends; the last block also takes what follows the table.
    const cuts: number[] = [];
    for (let r = h + 2, count = 1; r + 1 < end; r++, count++) {
      if ((count >= ROWS.min && endsBlock(lines[r]!.text)) || count >= ROWS.max) {
        cuts.push(r + 1);
        count = 0;
      }
    }
    if (cuts.length === 0) continue;
    const header = markdown.slice(lines[h]!.start, lines[h + 1]!.next);
    const blocks: Block[] = [{ ...slice(from, cuts[0]!), rows: cuts[0]! - (h + 2) }];
    cuts.forEach((start, i) => {
      const next = cuts[i + 1];
      const part = slice(start, next ?? to);
      blocks.push({
        ...part,
        text: header + part.text,
        prefixLength: header.length,
        prefixLines: 2,
        rows: (next ?? end) - start,
      });
    });
    return blocks;
  }
  return [slice(from, to)];
}

/** A block's tree, and how far its positions are moved from the block's text into the page. */
export interface PlacedTree {
  readonly tree: Root;
  offsetShift: number;
  lineShift: number;
}

const shiftOf = (block: Block): { offsetShift: number; lineShift: number } => ({
  offsetShift: block.offset - block.prefixLength,
  lineShift: block.line - 1 - block.prefixLines,
});

/** Copies a fresh tree with every point its own object (so `move` can later shift them in place), moved into the page. */
function place(node: Nodes, offsetShift: number, lineShift: number): Nodes {
  const copy = { ...node };
  const p = node.position;
  if (p) {
    copy.position = {
      start: { line: p.start.line + lineShift, column: p.start.column, offset: (p.start.offset ?? 0) + offsetShift },
      end: { line: p.end.line + lineShift, column: p.end.column, offset: (p.end.offset ?? 0) + offsetShift },
    };
  }
  if ('children' in node)
    (copy as { children: Nodes[] }).children = node.children.map((child: Nodes) =>
      place(child, offsetShift, lineShift),
    );
  return copy;
}

/** Shifts a placed tree's points in place: a cached block that moved in the page. */
function move(node: Nodes, offsetDelta: number, lineDelta: number): void {
  const p = node.position;
  if (p) {
    p.start.offset! += offsetDelta;
    p.start.line += lineDelta;
    p.end.offset! += offsetDelta;
    p.end.line += lineDelta;
  }
  if ('children' in node) for (const child of node.children) move(child, offsetDelta, lineDelta);
}

/**
 * Parses a glossary page into an mdast tree (remark-parse, GFM, YAML front matter), exactly as one
 * `parse` of the whole text would, but block by block so that blocks seen in the last parse come
 * from the cache. With a cache, the tree shares nodes with it: read it before the next parse.
 * @param markdown - the page.
 * @param cache - the file's cache; without one, the page is parsed whole.
 * @returns the tree, positions in `markdown`.
 */
export function parseMarkdownTree(markdown: string, buildCache?: BuildCache): Root {
  const cache = buildCache && cacheState(buildCache);
  const lines = splitLines(markdown);
  if (!cache || lines.length === 0 || DEFINITION.test(markdown)) return processor.parse(markdown);
  const previous = cache.blocks;
  const used = new Map<string, PlacedTree>();
  const parse = (block: Block): Root => {
    const { offsetShift, lineShift } = shiftOf(block);
    // A text met twice in one page (two equal blocks) is parsed again: one tree has one place.
    const cached = used.has(block.text) ? undefined : previous.get(block.text);
    if (cached) {
      if (cached.offsetShift !== offsetShift || cached.lineShift !== lineShift) {
        move(cached.tree, offsetShift - cached.offsetShift, lineShift - cached.lineShift);
        cached.offsetShift = offsetShift;
        cached.lineShift = lineShift;
      }
      used.set(block.text, cached);
      return cached.tree;
    }
    const tree = place(processor.parse(block.text), offsetShift, lineShift) as Root;
    if (!used.has(block.text)) used.set(block.text, { tree, offsetShift, lineShift });
    return tree;
  };

  const children: RootContent[] = [];
  const starts = sectionStarts(lines);
  for (let s = 0; s < starts.length; s++) {
    const to = starts[s + 1] ?? lines.length;
    const blocks = sectionBlocks(markdown, lines, starts[s]!, to);
    const nodes = joinBlocks(blocks.map((block) => ({ block, tree: parse(block) })));
    if (nodes) children.push(...nodes);
    else
      children.push(...parse({ ...blocks[0]!, text: markdown.slice(blocks[0]!.offset, lines[to - 1]!.next) }).children);
  }
  cache.blocks = used;
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(markdown) } };
}

/** The point after the last character, as micromark counts lines (CR, LF and CRLF end a line). */
function endPoint(markdown: string): Point {
  let line = 1;
  let lineStart = 0;
  const ending = /\r\n|\r|\n/g;
  for (let m = ending.exec(markdown); m; m = ending.exec(markdown)) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return { line, column: markdown.length - lineStart + 1, offset: markdown.length };
}

/**
 * Joins the trees of a section's blocks: the rows of every block after the first continue the
 * table the first block ends with.
 * @returns the section's nodes, or `undefined` when the blocks did not parse as one table with
 *   every row where the cut expected it (the caller then parses the section whole).
 */
function joinBlocks(parts: ReadonlyArray<{ block: Block; tree: Root }>): RootContent[] | undefined {
  const [first, ...rest] = parts;
  const nodes = [...first!.tree.children];
  if (rest.length === 0) return nodes;
  const opened = nodes.at(-1);
  if (opened?.type !== 'table' || opened.children.length !== 1 + first!.block.rows) return undefined;
  const table: Table = { ...opened, children: [...opened.children] };
  nodes[nodes.length - 1] = table;
  for (const { block, tree } of rest) {
    const [head, ...after] = tree.children;
    if (head?.type !== 'table' || head.children.length < 1 + block.rows) return undefined;
    table.children.push(...head.children.slice(1));
    table.position = { start: table.position!.start, end: head.position!.end };
    nodes.push(...after);
  }
  return nodes;
}

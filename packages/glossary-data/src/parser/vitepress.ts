/**
 * What a VitePress page writes that a definition shown in a hover cannot: custom containers
 * (`::: tip Title` … `:::`), images with attributes (`![alt](x.webp){width=442 height=468}`) and raw
 * `<br>`. Each is rewritten as an edit of the page's own text, so everything else is kept byte for byte.
 */
import type { Image, Nodes, Paragraph } from 'mdast';
import { isHttpUrl } from './url.js';

/** The page's text from `start` to `end` (UTF-16 offsets) is replaced with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Where a container's marker lines are, in a paragraph that has one. */
export interface ContainerMarkers {
  /** The paragraph opens a container (`::: tip` or `::: tip Title` on its first line). */
  readonly opens: boolean;
  /** The paragraph closes one (`:::` on its last line). */
  readonly closes: boolean;
}

// The marker (`::: tip `), then the title, if any.
const OPENER = /^(:{3,}[ \t]*[A-Za-z][\w-]*[ \t]*)(.*)$/;
const CLOSER = /^:{3,}[ \t]*$/;
// markdown-it-attrs after an image: `{width=442 height=468 loading=lazy}`, `{.class #id}`.
const ATTRIBUTES = /^\{[ \t]*(?:(?:[.#][\w-]+|[\w-]+(?:=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))?)[ \t]*)+\}/;
const BR = /^<br[ \t]*\/?>$/i;

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/**
 * Reads a section-level paragraph as a container marker: VitePress's `::: info`, `::: tip Title`,
 * `::: warning`, `::: details`… line opens a box, a `:::` line closes it. Either may share the
 * paragraph with the box's text, when no blank line separates them.
 * @param paragraph - a paragraph directly under a heading (containers do not nest in quotes or lists here).
 * @param source - the page's text.
 * @param open - whether a container is open before this paragraph (a `:::` line closes only an open one).
 * @returns which markers the paragraph has.
 */
export function containerMarkers(paragraph: Paragraph, source: string, open: boolean): ContainerMarkers {
  const lines = source.slice(startOf(paragraph), endOf(paragraph)).split('\n');
  const opens = OPENER.test(lines[0]!);
  const closes = (open || opens) && CLOSER.test(lines.at(-1)!) && (lines.length > 1 || !opens);
  return { opens, closes };
}

/**
 * The edits that take a paragraph's container markers out: the `::: tip` part of an opening line
 * (a title after it stays, as a paragraph of its own) and a closing `:::` line.
 * @param paragraph - the paragraph.
 * @param source - the page's text.
 * @param markers - what `containerMarkers` found in it.
 * @returns the edits; removing them all may leave nothing.
 */
export function containerEdits(paragraph: Paragraph, source: string, markers: ContainerMarkers): TextEdit[] {
  const start = startOf(paragraph);
  const end = endOf(paragraph);
  const edits: TextEdit[] = [];
  const firstLineEnd = source.indexOf('\n', start);
  const openerEnd = firstLineEnd === -1 || firstLineEnd > end ? end : firstLineEnd;
  if (markers.opens) {
    const [, marker, title] = OPENER.exec(source.slice(start, openerEnd))!;
    if (!title!.trim()) edits.push({ start, end: Math.min(openerEnd + 1, end), text: '' });
    else {
      edits.push({ start, end: start + marker!.length, text: '' });
      if (openerEnd < end) edits.push({ start: openerEnd, end: openerEnd + 1, text: '\n\n' });
    }
  }
  if (markers.closes) {
    const lastLineStart = source.lastIndexOf('\n', end - 1);
    if (lastLineStart < start) edits.push({ start, end, text: '' });
    else if (!(markers.opens && lastLineStart === openerEnd)) edits.push({ start: lastLineStart, end, text: '' });
    else edits.push({ start: lastLineStart + 1, end, text: '' }); // the opener's newline is already edited
  }
  return edits;
}

/**
 * The edits that make images and raw `<br>` inside a node plain markdown: an image becomes a link to
 * it when its target is an http(s) URL, otherwise its alt text and its target as code (the page's own
 * relative `../assets/…` has no address without the page's); `{width=… height=…}` after an image goes;
 * `<br>` becomes a hard line break (the end of a paragraph needs none); a link to another page of the
 * site gets the address `resolve` gives it.
 * @param node - any node of the page.
 * @param source - the page's text.
 * @param resolve - the http(s) address of a link target that is not one, if the page has it.
 * @returns the edits, in document order.
 */
export function inlineEdits(node: Nodes, source: string, resolve?: (url: string) => string | undefined): TextEdit[] {
  const edits: TextEdit[] = [];
  // blockEnd: where the paragraph, heading or table cell around the node ends.
  const visit = (n: Nodes, blockEnd: number): void => {
    const target = n.type === 'link' && !isHttpUrl(n.url) ? resolve?.(n.url) : undefined;
    if (target !== undefined && n.type === 'link' && n.children.length > 0) {
      const text = source.slice(startOf(n.children[0]!), endOf(n.children.at(-1)!));
      edits.push({ start: startOf(n), end: endOf(n), text: `[${text}](${linkDestination(target)})` });
      return;
    }
    if (n.type === 'image') {
      const attributes = ATTRIBUTES.exec(source.slice(endOf(n), endOf(n) + 500));
      edits.push({ start: startOf(n), end: endOf(n) + (attributes?.[0].length ?? 0), text: imageMarkdown(n) });
      return;
    }
    if (n.type === 'html' && BR.test(n.value)) {
      edits.push(lineBreak(source, startOf(n), endOf(n), blockEnd));
      return;
    }
    if (!('children' in n)) return;
    // A cell's position takes in its pipes and padding: its content ends with its last child.
    const end =
      n.type === 'paragraph' || n.type === 'heading'
        ? endOf(n)
        : n.type === 'tableCell'
          ? endOf(n.children.at(-1) ?? n)
          : blockEnd;
    for (const child of n.children) visit(child, end);
  };
  visit(node, endOf(node));
  return edits;
}

/**
 * What an image is written as in a definition.
 * @param image - the image node.
 * @returns `[alt](url)` for an http(s) image, else the alt text and the target as code.
 */
export function imageMarkdown(image: Image): string {
  const alt = escapeText(image.alt ?? '');
  if (isHttpUrl(image.url)) return `[${alt || escapeText(image.url)}](${linkDestination(image.url)})`;
  return [alt, codeSpan(image.url)].filter(Boolean).join(' ');
}

/** `<br>` (and the spaces after it) as a backslash hard break; what follows must not start a block. */
function lineBreak(source: string, start: number, end: number, blockEnd: number): TextEdit {
  let after = end;
  while (source[after] === ' ' || source[after] === '\t') after++;
  if (after >= blockEnd) return { start, end: blockEnd, text: '' };
  if (source[after] === '\n') return { start, end: after, text: '\\' };
  // Now at the start of a line: escape what could open a block there (`> quote`, `# heading`, `1. item`).
  const ordered = /^\d{1,9}[.)]/.exec(source.slice(after, after + 11));
  if (ordered) {
    const digits = ordered[0].slice(0, -1);
    return { start, end: after + ordered[0].length, text: `\\\n${digits}\\${ordered[0].at(-1)!}` };
  }
  return { start, end: after, text: /^[!-/:-@[-`{-~]/.test(source[after] ?? '') ? '\\\n\\' : '\\\n' };
}

/** A link destination that markdown reads back as the same URL. */
function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/** Text as markdown that renders as that text. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, '\\$&');
}

/** Text as an inline code span, fenced with more backticks than it holds in a row. */
function codeSpan(text: string): string {
  if (!text) return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * The page's text from `start` to `end` with edits applied.
 * @param source - the page's text.
 * @param start - where the piece starts.
 * @param end - where it ends.
 * @param edits - edits inside the piece, not overlapping, in any order.
 * @returns the edited piece.
 */
export function applyEdits(source: string, start: number, end: number, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = start;
  for (const edit of sorted) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at, end);
}

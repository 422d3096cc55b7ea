import type { Heading, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { RichText, SurfaceForm } from '../glossary-types.js';
import { hasCjk, hasLatin } from '../tokenize.js';
import { createPositionMapper, type GlossaryIssue, type SourcePosition } from './issues.js';
import { headingAnchor } from './slug.js';
import { isHttpUrl } from './url.js';
import { applyEdits, containerEdits, containerMarkers, inlineEdits, type TextEdit } from './vitepress.js';

/** The page parser: CommonMark, GFM and YAML front matter. */
export const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** A surface form read from the page, with where it was written. */
export interface DraftForm {
  readonly text: string;
  readonly kind: SurfaceForm['kind'];
  readonly at: SourcePosition;
}

/** A link read from the page, with where it was written. */
export interface DraftLink {
  readonly title: string;
  readonly url: string;
  readonly archiveUrl?: string;
  readonly at: SourcePosition;
}

/** Where the page defines an entry. */
export interface DraftSource {
  readonly at: SourcePosition;
  readonly heading: string;
  readonly anchor: string;
  /** The heading on its site, when it is not the page the build is given (the book's other pages). */
  readonly url?: string;
}

/** One entry as the page gives it, before ids and the overlay. */
export interface DraftEntry {
  /** An id the page gives with `{#id}` after the term (translations key entries this way). */
  readonly id?: string;
  readonly headword: string;
  readonly category: 'jargon' | 'concept';
  readonly forms: readonly DraftForm[];
  readonly definition: RichText;
  readonly gloss?: RichText;
  readonly links: readonly DraftLink[];
  /** Section first, then table row. */
  readonly sources: readonly DraftSource[];
  /** The sources an editorial entry cites on its `来源：` line (only on an editorial page). */
  readonly references?: readonly DraftLink[];
}

/** How `parseGlossaryMarkdown` reads a page. */
export interface ParseOptions {
  /**
   * The page is SD Glossary's editorial page: every entry is a section that ends with a line
   * `来源：[title](https://…)` (or `Sources:`), whose links become the entry's `references`.
   */
  readonly editorial?: boolean;
}

/** The line that ends an editorial section and cites its sources. */
const REFERENCES_LINE = /^\s*(?:来源|Sources?)\s*[：:]/;

/** What `parseGlossaryMarkdown` read from a page. */
export interface ParsedPage {
  /** The H1, when the page has one. */
  readonly title: string | undefined;
  /** One per concept: table rows and sections, a row merged into the section it names. */
  readonly entries: DraftEntry[];
  /** Problems found; entries with problems may be missing or incomplete. */
  readonly issues: GlossaryIssue[];
}

/** Any node of a parsed page. */
export type Node = Root | RootContent;

export function startOffset(node: Node): number {
  return node.position?.start.offset ?? 0;
}

function endOffset(node: Node): number {
  return node.position?.end.offset ?? 0;
}

export function isComment(node: Node): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** Plain text of inline content: a hard break is a newline, raw HTML is nothing, an image is its alt text. */
export function inlineText(node: Node): string {
  switch (node.type) {
    case 'break':
      return '\n';
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    default:
      if ('value' in node) return node.value;
      return 'children' in node ? node.children.map((child) => inlineText(child as Node)).join('') : '';
  }
}

/** Plain text of a block, keeping paragraphs, quotes, lists and code apart. */
function blockText(node: Node): string {
  switch (node.type) {
    case 'blockquote':
      return node.children.map(blockText).filter(Boolean).join('\n');
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
          return marker + item.children.map(blockText).filter(Boolean).join(' ');
        })
        .join('\n');
    case 'code':
      return node.value;
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return '';
    case 'table':
      return node.children.map((row) => row.children.map((c) => toString(c).trim()).join(' | ')).join('\n');
    default:
      return inlineText(node).trim();
  }
}

/** Markdown written by `vitepress.ts` edits, read again for its text. */
function reread(markdown: string): RichText {
  const trimmed = markdown.trim();
  return { markdown: trimmed, text: processor.parse(trimmed).children.map(blockText).filter(Boolean).join('\n\n') };
}

/** How the blocks and links of a page are read: shared by glossary pages and the book's other pages. */
export interface PageRenderer {
  /** The links of some nodes, an archive link folded into the link before it; problems are reported. */
  collectLinks(nodes: readonly Node[]): DraftLink[];
  /** A table cell's content, VitePress syntax rewritten. */
  renderCell(cell: TableCell): RichText;
  /** Blocks as one text, the markers of VitePress containers (`::: tip` … `:::`) left out. */
  richText(nodes: readonly Node[]): RichText;
}

/**
 * Reads blocks of a page as definitions: the page's own markdown, rewritten only where VitePress syntax
 * (`vitepress.ts`) needs it.
 * @param markdown - the page's text.
 * @param posOf - where a node is written.
 * @param issue - reports a problem (a link that is not http(s)).
 * @param resolve - where a link that is not http(s) points, for a page whose site resolves relative links.
 */
export function createRenderer(
  markdown: string,
  posOf: (node: Node) => SourcePosition,
  issue: (pos: SourcePosition, message: string) => void,
  resolve?: (url: string) => string | undefined,
): PageRenderer {
  /** The links of some nodes, an archive link folded into the link before it; problems go to `issues`. */
  function collectLinks(nodes: readonly Node[]): DraftLink[] {
    const links: DraftLink[] = [];
    const visit = (node: Node, siblings: readonly Node[] | undefined, index: number): void => {
      if (node.type === 'image') {
        // An http(s) image is written as a link to it (`imageMarkdown`); any other is a note, no link.
        if (isHttpUrl(node.url)) links.push({ title: node.alt || node.url, url: node.url, at: posOf(node) });
        return;
      }
      if (node.type === 'link') {
        const title = toString(node).trim();
        const url = isHttpUrl(node.url) ? node.url : resolve?.(node.url);
        if (url === undefined) {
          issue(posOf(node), `link "${title}" points to "${node.url}", which is not an http(s) URL`);
          return;
        }
        const previous = links.at(-1);
        if (/^archive$/i.test(title) && previous && !previous.archiveUrl && followsLink(siblings, index)) {
          links[links.length - 1] = { title: previous.title, url: previous.url, archiveUrl: url, at: previous.at };
          return;
        }
        links.push({ title: title || url, url, at: posOf(node) });
        return;
      }
      if ('children' in node) node.children.forEach((child, i) => visit(child as Node, node.children as Node[], i));
    };
    nodes.forEach((n, i) => visit(n, nodes, i));
    return links;
  }

  /** `[text](url) ([Archive](url))`: the archive link follows a link, with only "(" between them. */
  function followsLink(siblings: readonly Node[] | undefined, index: number): boolean {
    if (!siblings) return false;
    for (let i = index - 1; i >= 0; i--) {
      const s = siblings[i]!;
      if (s.type === 'link') return true;
      if (s.type !== 'text' || !/^[\s(（]*$/.test(s.value)) return false;
    }
    return false;
  }

  /** A block as the page writes it, or rewritten where VitePress syntax (`vitepress.ts`) needs it. */
  function renderBlock(node: Node, containerEdits: readonly TextEdit[]): RichText {
    const edits = [...containerEdits, ...inlineEdits(node, markdown, resolve)];
    const start = startOffset(node);
    const end = endOffset(node);
    if (edits.length === 0) return { markdown: markdown.slice(start, end), text: blockText(node) };
    return reread(applyEdits(markdown, start, end, edits));
  }

  /** A table cell's content, rewritten the same way. */
  function renderCell(cell: TableCell): RichText {
    const first = cell.children[0];
    const last = cell.children.at(-1);
    if (!first || !last) return { markdown: '', text: '' };
    const edits = inlineEdits(cell, markdown, resolve);
    const start = startOffset(first);
    const end = endOffset(last);
    if (edits.length === 0) return { markdown: markdown.slice(start, end).trim(), text: inlineText(cell).trim() };
    return reread(applyEdits(markdown, start, end, edits));
  }

  /** A section's text: its blocks, the markers of VitePress containers (`::: tip` … `:::`) left out. */
  function richText(nodes: readonly Node[]): RichText {
    const blocks: RichText[] = [];
    let depth = 0; // containers open
    for (const node of nodes) {
      let edits: TextEdit[] = [];
      if (node.type === 'paragraph') {
        const markers = containerMarkers(node, markdown, depth > 0);
        edits = containerEdits(node, markdown, markers);
        if (markers.opens) depth++;
        if (markers.closes) depth = Math.max(0, depth - 1);
      }
      const block = renderBlock(node, edits);
      if (block.markdown) blocks.push(block);
    }
    return {
      markdown: blocks.map((b) => b.markdown).join('\n\n'),
      text: blocks
        .map((b) => b.text)
        .filter(Boolean)
        .join('\n\n'),
    };
  }

  return { collectLinks, renderCell, richText };
}

const EXPLICIT_ID = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/**
 * Takes an explicit id off a term: `Loss function {#loss-function}` → the term and `loss-function`.
 * @param text - a term cell or heading.
 */
export function explicitId(text: string): { text: string; id?: string } {
  const m = EXPLICIT_ID.exec(text);
  return m ? { text: text.slice(0, m.index), id: m[1]! } : { text };
}

/**
 * Splits a term cell or heading into forms: `施法/吟唱/t2i` gives three forms, `过拟合 (Overfitting)`
 * gives the headword and an English name, `aug (augmentaion)` an alias with its English expansion.
 */
export function splitTermText(text: string): Array<{ text: string; kind: SurfaceForm['kind'] }> {
  const forms: Array<{ text: string; kind: SurfaceForm['kind'] }> = [];
  const parts = text.split(/[/／](?![^(（]*[)）])/);
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const paren = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/.exec(part);
    const main = (paren ? paren[1]! : part).trim();
    if (main) forms.push({ text: main, kind: forms.length === 0 ? 'headword' : kindOf(main) });
    if (paren) forms.push({ text: paren[2]!, kind: hasCjk(paren[2]!) ? 'alias' : 'english' });
  }
  return forms;
}

/**
 * The kind of a form that is not the headword: a Latin form with a space is an English name, anything else an alias.
 * @param text - the form.
 * @returns `english` or `alias`.
 */
export function kindOf(text: string): SurfaceForm['kind'] {
  return !hasCjk(text) && hasLatin(text) && /\s/.test(text.trim()) ? 'english' : 'alias';
}

/**
 * Reads a glossary page: every table row (`term | explanation`) and every H2/H3 section with text is
 * an entry. A row whose term or whole explanation names a section is merged into that section's entry.
 * @param markdown - the page's text.
 * @param file - the file name used in positions and issues.
 * @param options - `editorial` for SD Glossary's editorial page, whose entries cite their sources.
 * @returns the entries and the problems found.
 */
export function parseGlossaryMarkdown(markdown: string, file: string, options: ParseOptions = {}): ParsedPage {
  const at = createPositionMapper(file, markdown);
  const issues: GlossaryIssue[] = [];
  const issue = (pos: SourcePosition, message: string): void => {
    issues.push({ ...pos, message });
  };
  const posOf = (node: Node): SourcePosition => at(startOffset(node));

  const root = processor.parse(markdown);
  const rows: DraftEntry[] = [];
  const sections: DraftEntry[] = [];
  let title: string | undefined;

  const { collectLinks, renderCell, richText } = createRenderer(markdown, posOf, issue);

  function readTable(table: Table, heading: string, anchor: string): void {
    if (options.editorial) {
      issue(
        posOf(table),
        'an editorial page gives each term a section ending with its "来源：" line; a table row cannot cite sources',
      );
      return;
    }
    const [header, ...body] = table.children;
    if (!header || header.children.length !== 2) {
      issue(
        posOf(table),
        `a glossary table has two columns (term | explanation); this one has ${header?.children.length ?? 0}`,
      );
      return;
    }
    if (body.length === 0) issue(posOf(table), 'table has a header but no rows');
    for (const row of body) {
      const draft = readRow(row, heading, anchor);
      if (draft) rows.push(draft);
    }
  }

  function readRow(row: TableRow, heading: string, anchor: string): DraftEntry | undefined {
    const pos = posOf(row);
    if (row.children.length !== 2) {
      const cells = row.children.length;
      issue(pos, `table row has ${cells} cell${cells === 1 ? '' : 's'}; expected 2 (term | explanation)`);
      return undefined;
    }
    const [termCell, explCell] = row.children as [TableCell, TableCell];
    const { text: termText, id } = explicitId(renderCell(termCell).text);
    const forms = splitTermText(termText);
    if (forms.length === 0) {
      issue(pos, 'table row has an empty term');
      return undefined;
    }
    const definition = renderCell(explCell);
    if (!definition.text) {
      issue(pos, `"${termText}" has an empty explanation`);
      return undefined;
    }
    return {
      ...(id !== undefined && { id }),
      headword: forms[0]!.text,
      category: 'jargon',
      forms: forms.map((f) => ({ ...f, at: pos })),
      definition,
      links: collectLinks(explCell.children as Node[]),
      sources: [{ at: pos, heading, anchor }],
    };
  }

  function readSection(heading: Heading, body: RootContent[]): void {
    const { text: headingText, id } = explicitId(toString(heading).trim());
    // VitePress uses an explicit {#id} as the heading's anchor.
    const anchor = id ?? headingAnchor(headingText);
    const pos = posOf(heading);
    const tables = body.filter((n): n is Table => n.type === 'table');
    // Rows first: their issues come before the section's own (`buildGlossary` sorts them by place).
    for (const table of tables) readTable(table, headingText, anchor);
    const content = body.filter((node) => node.type !== 'table' && !isComment(node) && node.type !== 'definition');
    for (const node of content) {
      if (node.type === 'paragraph' && markdown.slice(startOffset(node), endOffset(node)).startsWith('|')) {
        issue(
          posOf(node),
          'this looks like a table but is not one: ' +
            'a table needs a delimiter row such as "| --- | --- |" under its header',
        );
      }
    }
    if (content.length === 0) {
      if (tables.length === 0)
        issue(pos, `"${headingText}" has no definition: write its explanation under the heading`);
      return;
    }
    const forms = splitTermText(headingText);
    if (forms.length === 0) {
      issue(pos, 'heading has no text');
      return;
    }
    let references: DraftLink[] | undefined;
    if (options.editorial) {
      const last = content.at(-1)!;
      if (last.type !== 'paragraph' || !REFERENCES_LINE.test(toString(last))) {
        issue(pos, `editorial entry "${headingText}" cites no source: end it with a line "来源：[title](https://…)"`);
        return;
      }
      content.pop();
      references = collectLinks([last]);
      if (references.length === 0) {
        issue(
          posOf(last),
          `the 来源 line of "${headingText}" has no http(s) link: cite the paper or the project's docs`,
        );
        return;
      }
      if (content.length === 0) {
        issue(pos, `"${headingText}" has no definition: write its explanation above its 来源 line`);
        return;
      }
    }
    const definition = richText(content);
    if (!definition.text.trim()) {
      issue(pos, `"${headingText}" has an empty definition`);
      return;
    }
    sections.push({
      ...(id !== undefined && { id }),
      headword: forms[0]!.text,
      category: 'concept',
      forms: forms.map((f) => ({ ...f, at: pos })),
      definition,
      links: collectLinks(content),
      sources: [{ at: pos, heading: headingText, anchor }],
      ...(references && { references }),
    });
  }

  const children = root.children;
  let i = 0;
  while (i < children.length) {
    const node = children[i]!;
    if (node.type === 'heading' && node.depth === 1) {
      if (title !== undefined) issue(posOf(node), `second title "${toString(node)}": a glossary page has one H1`);
      title ??= toString(node).trim();
      i++;
    } else if (node.type === 'heading' && node.depth <= 3) {
      let j = i + 1;
      while (j < children.length && !(children[j]!.type === 'heading' && (children[j] as Heading).depth <= 3)) j++;
      readSection(node, children.slice(i + 1, j));
      i = j;
    } else {
      if (node.type !== 'yaml' && !isComment(node) && node.type !== 'definition') {
        issue(posOf(node), 'text outside any section: put it under a "## term" heading');
      }
      i++;
    }
  }

  return { title, entries: mergeRows(rows, sections, issue), issues };
}

/**
 * A row merges into the section whose headword or forms it names, or whose headword is its whole
 * explanation: the section's entry gets the row's forms, text (as its gloss), links and place.
 */
function mergeRows(
  rows: readonly DraftEntry[],
  sections: readonly DraftEntry[],
  issue: (pos: SourcePosition, message: string) => void,
): DraftEntry[] {
  const fold = (s: string): string => {
    const lower = s.toLowerCase();
    return /\s/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
  };
  const sectionByForm = new Map<string, DraftEntry>();
  for (const section of sections) for (const f of section.forms) sectionByForm.set(fold(f.text), section);
  const sectionById = new Map(sections.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
  const sectionNamedBy = (row: DraftEntry): DraftEntry | undefined => {
    for (const f of row.forms) {
      const section = sectionByForm.get(fold(f.text));
      if (section) return section;
    }
    return sectionByForm.get(fold(row.definition.text));
  };
  // Each section a row merged into → the entry made of both.
  const merged = new Map<DraftEntry, DraftEntry>();
  const out: DraftEntry[] = [];
  for (const row of rows) {
    // A row with an explicit id merges into the section with that id only.
    const target = row.id !== undefined ? sectionById.get(row.id) : sectionNamedBy(row);
    if (!target) {
      out.push(row);
      continue;
    }
    if (merged.has(target)) {
      issue(row.sources[0]!.at, `"${row.headword}" is a second table row for "${target.headword}"`);
      continue;
    }
    const forms = [...target.forms];
    for (const form of row.forms) {
      if (forms.some((f) => fold(f.text) === fold(form.text))) continue;
      forms.push({ text: form.text, kind: kindOf(form.text), at: form.at });
    }
    merged.set(target, {
      ...target,
      forms,
      links: [...row.links, ...target.links],
      sources: [...target.sources, ...row.sources],
      gloss: row.definition,
    });
  }
  return [...out, ...sections.map((section) => merged.get(section) ?? section)];
}

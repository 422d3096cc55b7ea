import type { Heading, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RichText, SurfaceForm } from '../glossary-types.js';
import { hasCjk, hasLatin } from '../tokenize.js';
import { createPositionMapper, type GlossaryIssue, type SourcePosition } from './issues.js';
import { cacheState, type BuildCache } from './cache.js';
import { parseMarkdownTree } from './markdown-tree.js';
import { headingAnchor } from './slug.js';

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
  archiveUrl?: string;
  readonly at: SourcePosition;
}

/** Where the page defines an entry. */
export interface DraftSource {
  readonly at: SourcePosition;
  readonly heading: string;
  readonly anchor: string;
}

/** One entry as the page gives it, before ids and the overlay. */
export interface DraftEntry {
  /** An id the page gives with `{#id}` after the term (translations key entries this way). */
  readonly id?: string;
  readonly headword: string;
  category: 'jargon' | 'concept';
  readonly forms: DraftForm[];
  definition: RichText;
  gloss?: RichText;
  readonly links: DraftLink[];
  /** Section first, then table row. */
  readonly sources: DraftSource[];
  /**
   * Names the text the entry was read from, when the page was parsed with a cache: two drafts
   * with the same key have the same content, wherever they are (positions aside).
   */
  contentKey?: string;
}

/** What `parseGlossaryMarkdown` read from a page. */
export interface ParsedPage {
  /** The H1, when the page has one. */
  readonly title: string | undefined;
  /** One per concept: table rows and sections, a row merged into the section it names. */
  readonly entries: DraftEntry[];
  /** Problems found; entries with problems may be missing or incomplete. */
  readonly issues: GlossaryIssue[];
}

type Node = Root | RootContent;

/**
 * Where a read found something: `delta` code units after the start of `node`, a node the parse
 * cache keeps in place when its block moves (for a row, the row itself: its cells may be dropped).
 */
interface ReadPlace {
  readonly node: object;
  readonly delta: number;
}

/** An issue found in a read. */
interface ReadIssue extends ReadPlace {
  readonly message: string;
}

/** A link found in a read. */
interface ReadLink extends ReadPlace {
  readonly title: string;
  readonly url: string;
  archiveUrl?: string;
}

/**
 * A table row or a section as read, apart from where it is on the page, so that it can be kept
 * by its text: what it defines (nothing when `definition` is missing) and its issues.
 */
export interface Read {
  readonly id?: string;
  readonly forms: ReadonlyArray<{ text: string; kind: SurfaceForm['kind'] }>;
  readonly definition?: RichText;
  readonly links: readonly ReadLink[];
  readonly issues: readonly ReadIssue[];
  /** A section's heading text and anchor. */
  readonly heading?: string;
  readonly anchor?: string;
  /** Set when the read is cached: tells reads apart without comparing them. */
  readonly serial?: number;
}

function startOffset(node: Node): number {
  return node.position?.start.offset ?? 0;
}

function endOffset(node: Node): number {
  return node.position?.end.offset ?? 0;
}

function isComment(node: Node): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
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
      return toString(node, { includeHtml: false }).trim();
  }
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
 * @param buildCache - the file's build cache (see `createBuildCache`): a re-parse after an edit then
 *   parses and reads only the blocks the edit touched. Drafts may then be shared between parses
 *   with the same cache: treat them as read-only.
 * @returns the entries and the problems found.
 */
export function parseGlossaryMarkdown(markdown: string, file: string, buildCache?: BuildCache): ParsedPage {
  const cache = buildCache && cacheState(buildCache);
  const at = createPositionMapper(file, markdown);
  const issues: GlossaryIssue[] = [];
  const issue = (pos: SourcePosition, message: string): void => {
    issues.push({ ...pos, message });
  };
  const posOf = (node: Node): SourcePosition => at(startOffset(node));
  const placeOf = (p: ReadPlace): SourcePosition => at(startOffset(p.node as Node) + p.delta);

  const root = parseMarkdownTree(markdown, buildCache);
  const rows: DraftEntry[] = [];
  const sections: DraftEntry[] = [];
  let title: string | undefined;

  /**
   * The links of some nodes, an archive link folded into the link before it, and the problems with
   * them; placed from `anchor` when given (a row), else at their own nodes.
   */
  function collectLinks(nodes: readonly Node[], anchor?: Node): { links: ReadLink[]; issues: ReadIssue[] } {
    const placeAt = (node: Node): ReadPlace =>
      anchor ? { node: anchor, delta: startOffset(node) - startOffset(anchor) } : { node, delta: 0 };
    const links: ReadLink[] = [];
    const found: ReadIssue[] = [];
    const visit = (node: Node, siblings: readonly Node[] | undefined, index: number): void => {
      if (node.type === 'image') {
        found.push({
          ...placeAt(node),
          message: `image "${node.url}" is not supported in a definition; describe it in text, or keep it in an HTML comment`,
        });
        return;
      }
      if (node.type === 'link') {
        const title = toString(node).trim();
        if (!isHttpUrl(node.url)) {
          found.push({
            ...placeAt(node),
            message: `link "${title}" points to "${node.url}", which is not an http(s) URL`,
          });
          return;
        }
        const previous = links.at(-1);
        if (/^archive$/i.test(title) && previous && !previous.archiveUrl && followsLink(siblings, index)) {
          previous.archiveUrl = node.url;
          return;
        }
        links.push({ title: title || node.url, url: node.url, ...placeAt(node) });
        return;
      }
      if ('children' in node) node.children.forEach((child, i) => visit(child as Node, node.children as Node[], i));
    };
    nodes.forEach((n, i) => visit(n, nodes, i));
    return { links, issues: found };
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

  function richText(nodes: readonly Node[]): RichText {
    return {
      markdown: nodes.map((n) => markdown.slice(startOffset(n), endOffset(n))).join('\n\n'),
      text: nodes.map(blockText).filter(Boolean).join('\n\n'),
    };
  }

  /**
   * Reads a row or a section (the node, and the other nodes it is read from), or, with a cache,
   * takes what was read from the same nodes last time: a block the tree cache kept keeps its nodes.
   */
  function read(node: Node, parts: readonly unknown[], compute: () => Read): Read {
    if (!cache) return compute();
    const known = cache.reads.get(node);
    if (known && known.parts.length === parts.length && known.parts.every((p, i) => p === parts[i])) return known.read;
    const result = { ...compute(), serial: cache.serial++ };
    cache.reads.set(node, { parts, read: result });
    return result;
  }

  /** Turns a read into issues and, when it has one, a draft entry at `base`. */
  function place(
    result: Read,
    base: number,
    heading: string,
    anchor: string,
    category: DraftEntry['category'],
  ): DraftEntry | undefined {
    for (const i of result.issues) issue(placeOf(i), i.message);
    if (!result.definition) return undefined;
    const pos = at(base);
    return {
      ...(result.id !== undefined && { id: result.id }),
      headword: result.forms[0]!.text,
      category,
      forms: result.forms.map((f) => ({ ...f, at: pos })),
      definition: result.definition,
      links: result.links.map((l) => ({
        title: l.title,
        url: l.url,
        ...(l.archiveUrl !== undefined && { archiveUrl: l.archiveUrl }),
        at: placeOf(l),
      })),
      sources: [{ at: pos, heading, anchor }],
      ...(result.serial !== undefined && { contentKey: `${category[0]}${result.serial}` }),
    };
  }

  function readTable(table: Table, heading: string, anchor: string): void {
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
      const result = read(row, [], () => readRow(row));
      // What was read is kept by the row, with places relative to it: the cells are not needed
      // again, and a cached tree without them is a fraction of the memory and quicker to move.
      if (cache) row.children = [];
      const base = startOffset(row);
      // A row read before, at the same place under the same heading, is the same draft: rows are
      // never changed after parsing (sections are: rows merge into them).
      const known = cache && result.issues.length === 0 ? cache.drafts.get(result) : undefined;
      const pos = known && at(base);
      if (
        known &&
        pos!.line === known.at.line &&
        pos!.column === known.at.column &&
        pos!.file === known.at.file &&
        known.heading === heading &&
        known.anchor === anchor
      ) {
        rows.push(known.draft);
        continue;
      }
      const draft = place(result, base, heading, anchor, 'jargon');
      if (!draft) continue;
      if (cache && result.issues.length === 0)
        cache.drafts.set(result, { at: draft.sources[0]!.at, heading, anchor, draft });
      rows.push(draft);
    }
  }

  function readRow(row: TableRow): Read {
    const problem = (message: string): Read => ({ forms: [], links: [], issues: [{ node: row, delta: 0, message }] });
    if (row.children.length !== 2) {
      return problem(
        `table row has ${row.children.length} cell${row.children.length === 1 ? '' : 's'}; expected 2 (term | explanation)`,
      );
    }
    const [termCell, explCell] = row.children as [TableCell, TableCell];
    const { text: termText, id } = explicitId(toString(termCell).trim());
    const forms = splitTermText(termText);
    if (forms.length === 0) return problem('table row has an empty term');
    const text = toString(explCell).trim();
    if (!text) return problem(`"${termText}" has an empty explanation`);
    const cellMarkdown = explCell.children.length
      ? markdown.slice(startOffset(explCell.children[0]!), endOffset(explCell.children.at(-1)!))
      : '';
    const { links, issues: linkIssues } = collectLinks(explCell.children as Node[], row);
    return {
      ...(id !== undefined && { id }),
      forms,
      definition: { markdown: cellMarkdown.trim(), text },
      links,
      issues: linkIssues,
    };
  }

  function readSection(heading: Heading, body: RootContent[]): void {
    const tables = body.filter((n): n is Table => n.type === 'table');
    const base = startOffset(heading);
    // A joined table is a new node each parse; the section's read depends only on whether it has one.
    const parts = [...body.filter((n) => n.type !== 'table'), tables.length > 0];
    const result = read(heading, parts, () => readSectionText(heading, body));
    const draft = place({ ...result, issues: [] }, base, result.heading!, result.anchor!, 'concept');
    // Tables are read row by row before the section's own issues, so that issues keep page order.
    const ownIssues = result.issues.map((i) => ({ ...placeOf(i), message: i.message }));
    for (const table of tables) readTable(table, result.heading!, result.anchor!);
    issues.push(...ownIssues);
    if (draft) sections.push(draft);
  }

  function readSectionText(heading: Heading, body: RootContent[]): Read {
    const { text: headingText, id } = explicitId(toString(heading).trim());
    // VitePress uses an explicit {#id} as the heading's anchor.
    const anchor = id ?? headingAnchor(headingText);
    const found: ReadIssue[] = [];
    const none = (message?: string): Read => ({
      forms: [],
      links: [],
      issues: message ? [...found, { node: heading, delta: 0, message }] : found,
      heading: headingText,
      anchor,
    });
    const content = body.filter((node) => node.type !== 'table' && !isComment(node) && node.type !== 'definition');
    for (const node of content) {
      if (node.type === 'paragraph' && markdown.slice(startOffset(node), endOffset(node)).startsWith('|')) {
        found.push({
          node,
          delta: 0,
          message:
            'this looks like a table but is not one: a table needs a delimiter row such as "| --- | --- |" under its header',
        });
      }
    }
    if (content.length === 0)
      return none(
        body.some((n) => n.type === 'table')
          ? undefined
          : `"${headingText}" has no definition: write its explanation under the heading`,
      );
    const forms = splitTermText(headingText);
    if (forms.length === 0) return none('heading has no text');
    const definition = richText(content);
    if (!definition.text.trim()) return none(`"${headingText}" has an empty definition`);
    const { links, issues: linkIssues } = collectLinks(content);
    return {
      ...(id !== undefined && { id }),
      forms,
      definition,
      links,
      issues: [...found, ...linkIssues],
      heading: headingText,
      anchor,
    };
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

/** A row merges into the section whose headword or forms it names, or whose headword is its whole explanation. */
function mergeRows(
  rows: DraftEntry[],
  sections: DraftEntry[],
  issue: (pos: SourcePosition, message: string) => void,
): DraftEntry[] {
  const fold = (s: string): string => {
    const lower = s.toLowerCase();
    return /\s/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
  };
  const sectionByForm = new Map<string, DraftEntry>();
  for (const section of sections) for (const f of section.forms) sectionByForm.set(fold(f.text), section);
  if (sectionByForm.size === 0) return [...rows, ...sections];
  const merged = new Set<DraftEntry>();
  const out: DraftEntry[] = [];
  const sectionById = new Map(sections.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
  const sectionNamedBy = (row: DraftEntry): DraftEntry | undefined => {
    for (const f of row.forms) {
      const section = sectionByForm.get(fold(f.text));
      if (section) return section;
    }
    return sectionByForm.get(fold(row.definition.text));
  };
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
    merged.add(target);
    // The merged entry is made from both texts: a change of either is a change of it.
    if (target.contentKey !== undefined) {
      if (row.contentKey !== undefined) target.contentKey += `+${row.contentKey}`;
      else delete target.contentKey;
    }
    target.gloss = row.definition;
    target.links.unshift(...row.links);
    target.sources.push(...row.sources);
    for (const form of row.forms) {
      if (target.forms.some((f) => fold(f.text) === fold(form.text))) continue;
      target.forms.push({ text: form.text, kind: kindOf(form.text), at: form.at });
    }
  }
  return [...out, ...sections];
}

/**
 * True for an absolute http(s) URL that `new URL` accepts.
 * @param url - any string.
 */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

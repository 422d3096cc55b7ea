/**
 * The book's other pages as sources: the overlay names a section (by its heading anchor) or some of its
 * blocks (a list item or paragraph, by how its text starts), and the entry gets that text verbatim,
 * followed by a line that cites the page and heading on the book's site.
 */
import type { Heading, ListItem, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RichText } from '../glossary-types.js';
import { createPositionMapper, type GlossaryIssue, type SourcePosition } from './issues.js';
import {
  createRenderer,
  explicitId,
  inlineText,
  isComment,
  processor,
  startOffset,
  type DraftLink,
  type DraftSource,
  type Node,
} from './markdown.js';
import { headingAnchor } from './slug.js';

/** One page of the book given to the build. */
export interface BookPageInput {
  /** Its path on the book's site, which the overlay names: `guide/configuration/param-basic`. */
  readonly path: string;
  /** Its markdown, as the book publishes it. */
  readonly markdown: string;
  /** Its file, as recorded in `sources` and reported in issues. */
  readonly file: string;
  /** Where it is published: heading links are made from it. */
  readonly url: string;
}

/** What the overlay takes from a page: a section, or some of its blocks. */
export interface BookSelector {
  /** The page's path, as in `BookPageInput.path`. */
  readonly page: string;
  /** The section's heading anchor, as the site makes it (`samplers-采样器`). */
  readonly anchor: string;
  /**
   * Blocks of the section, each named by how its plain text starts: a list item or a paragraph. Without
   * it, the whole section up to the next heading.
   */
  readonly blocks?: readonly string[];
}

/** A piece of the book, ready to append to an entry. */
export interface BookExcerpt {
  /** The book's text, then the line that cites it (`— [调参基础 › 随机种子](https://…)`). */
  readonly definition: RichText;
  /** The text's own links, then the citation. */
  readonly links: readonly DraftLink[];
  /** Where the text is written. */
  readonly source: DraftSource;
  /** The heading on the site. */
  readonly url: string;
}

interface Section {
  readonly heading: Heading;
  readonly text: string;
  readonly anchor: string;
  readonly body: readonly RootContent[];
}

interface ReadPage {
  readonly input: BookPageInput;
  readonly title: string;
  readonly sections: ReadonlyMap<string, Section>;
  readonly at: (offset: number) => SourcePosition;
}

/**
 * Reads the book's pages once and takes excerpts from them.
 * @param pages - the pages the overlay may name.
 * @returns `excerpt`, which gives the text a selector names, or the problem as an issue at `at`.
 */
export function createBook(pages: readonly BookPageInput[]): {
  excerpt(selector: BookSelector, at: SourcePosition): BookExcerpt | GlossaryIssue;
} {
  const read = new Map<string, ReadPage>();
  const pageOf = (path: string): ReadPage | undefined => {
    const cached = read.get(path);
    if (cached) return cached;
    const input = pages.find((p) => p.path === path);
    if (!input) return undefined;
    const page = readBookPage(input);
    read.set(path, page);
    return page;
  };

  function excerpt(selector: BookSelector, at: SourcePosition): BookExcerpt | GlossaryIssue {
    const page = pageOf(selector.page);
    if (!page) {
      const known = pages.map((p) => p.path).join(', ');
      return { ...at, message: `no book page "${selector.page}" (the build has: ${known || 'none'})` };
    }
    const section = page.sections.get(selector.anchor);
    if (!section) {
      return { ...at, message: `${page.input.file} has no heading with the anchor "${selector.anchor}"` };
    }
    const issues: GlossaryIssue[] = [];
    const posOf = (node: Node): SourcePosition => page.at(startOffset(node));
    const report = (pos: SourcePosition, message: string): number => issues.push({ ...pos, message });
    const renderer = createRenderer(page.input.markdown, posOf, report, (url) => siteUrl(url, page.input.url));
    const content = section.body.filter((n) => !isComment(n) && n.type !== 'definition');
    let parts: RichText[];
    let nodes: Node[];
    let line = posOf(section.heading);
    if (selector.blocks) {
      const candidates = blocksOf(content);
      parts = [];
      nodes = [];
      for (const start of selector.blocks) {
        const block = candidates.find((b) => plain(b).startsWith(start));
        if (!block) {
          const message = `"${section.text}" in ${page.input.file} has no list item or paragraph starting "${start}"`;
          return { ...at, message };
        }
        if (nodes.length === 0) line = posOf(block);
        const children = block.type === 'listItem' ? (block.children as Node[]) : [block];
        parts.push(dedent(renderer.richText(children), block, page.input.markdown));
        nodes.push(...children);
      }
    } else {
      parts = [renderer.richText(content)];
      nodes = content;
    }
    const links = renderer.collectLinks(nodes);
    if (issues.length) return issues[0]!;
    const text = {
      markdown: parts.map((p) => p.markdown).join('\n\n'),
      text: parts.map((p) => p.text).join('\n\n'),
    };
    if (!text.text.trim()) return { ...at, message: `"${section.text}" in ${page.input.file} has no text` };
    const url = new URL(`#${section.anchor}`, page.input.url).href;
    const title = `${page.title} › ${section.text}`;
    return {
      definition: {
        markdown: `${text.markdown}\n\n— [${escapeLinkText(title)}](<${url}>)`,
        text: `${text.text}\n\n— ${title}`,
      },
      links: [...links, { title, url, at: line }],
      source: { at: line, heading: section.text, anchor: section.anchor },
      url,
    };
  }

  return { excerpt };
}

function readBookPage(input: BookPageInput): ReadPage {
  const root = processor.parse(input.markdown);
  const at = createPositionMapper(input.file, input.markdown);
  let title = input.path;
  const sections = new Map<string, Section>();
  let open: { heading: Heading; text: string; anchor: string; body: RootContent[] } | undefined;
  for (const node of root.children) {
    if (node.type === 'heading') {
      const { text, id } = explicitId(toString(node).trim());
      if (node.depth === 1) {
        title = text;
        open = undefined;
        continue;
      }
      // VitePress uses an explicit {#id} as the heading's anchor; a repeated anchor keeps its first heading.
      const anchor = id ?? headingAnchor(text);
      open = { heading: node, text, anchor, body: [] };
      if (!sections.has(anchor)) sections.set(anchor, open);
    } else {
      open?.body.push(node);
    }
  }
  return { input, title, sections, at };
}

/** The blocks a selector can name: the section's paragraphs, and the items of its lists. */
function blocksOf(content: readonly RootContent[]): Array<ListItem | Paragraph> {
  return content.flatMap((node): Array<ListItem | Paragraph> =>
    node.type === 'list' ? node.children : node.type === 'paragraph' ? [node] : [],
  );
}

/** A block's plain text, on one line. */
function plain(node: Node): string {
  return (node.type === 'listItem' ? node.children.map(inlineText).join(' ') : inlineText(node))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A list item's text without the indentation its continuation lines have under the item marker, so it
 * reads the same as a paragraph of its own.
 */
function dedent(text: RichText, block: Node, markdown: string): RichText {
  if (block.type !== 'listItem' || !block.children[0]) return text;
  const start = startOffset(block.children[0]);
  const indent = start - (markdown.lastIndexOf('\n', start - 1) + 1);
  const margin = new RegExp(`\\n {1,${indent}}`, 'g');
  return { ...text, markdown: text.markdown.replace(margin, '\n') };
}

/**
 * Where a relative link of a book page points on the site: resolved against the page's address, a
 * `.md` page named by its clean URL (`../x.md#a` → `…/x#a`), as VitePress publishes it.
 * @returns the http(s) address, or `undefined` for a target that is not a page of the site.
 */
function siteUrl(target: string, pageUrl: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const url = new URL(target, pageUrl);
  url.pathname = url.pathname.replace(/\.md$/, '');
  return url.href;
}

/** Text as a link's text: brackets and backslashes escaped. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

import type { Definition, Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { definitionLimits } from './limits.js';

/** What `sanitizeMarkdown` keeps. */
export interface SanitizeOptions {
  /**
   * Whether a `file:` link may stay (one inside the workspace, say).
   * Absent: no `file:` link stays.
   */
  readonly allowFile?: (url: string) => boolean;
}

/** Safe markdown, and what was taken out of it. */
export interface SanitizedMarkdown {
  readonly markdown: string;
  /** One line per thing dropped: `raw HTML`, `image https://…`, `link to command:…`. */
  readonly dropped: string[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: '-', rule: '-' });

/** Nodes whose children are phrasing content, where a dropped link leaves its text. */
type Replacement = RootContent[];

/**
 * Makes untrusted markdown (a definition from a workspace glossary) safe to show in a hover, on its
 * parsed tree: raw HTML goes, images become their alt text, links (and references) that are not
 * http(s) (or allowed `file:` links) become their text, and the tree is written back as markdown.
 * Nothing in the result makes an editor run a command or fetch anything when the hover is shown.
 * Markdown past the definition limits (`glossaryLimits`: too long, too much markup, nested too deep)
 * is not parsed: it is shown as plain text, every markup character escaped.
 * @param markdown - the untrusted markdown.
 * @param options - which `file:` links may stay.
 * @returns the markdown and what was dropped.
 */
export function sanitizeMarkdown(markdown: string, options: SanitizeOptions = {}): SanitizedMarkdown {
  // Without these characters there is no HTML, image, link, reference or e-mail autolink to drop:
  // most definitions are plain text and are kept as they are, unparsed.
  if (!/[<[\]@]/.test(markdown)) return { markdown, dropped: [] };
  const asText = (why: string): SanitizedMarkdown => ({
    markdown: escapeText(markdown),
    dropped: [`all formatting: the markdown ${why}`],
  });
  const beyond = definitionLimits(markdown).problems[0];
  if (beyond !== undefined) return asText(`is past the limits (${beyond})`);
  try {
    return sanitizeTree(markdown, options);
  } catch (error) {
    // Within the limits the stack holds; should it not, the text is still shown, and safely.
    if (error instanceof RangeError) return asText(`cannot be read (${error.message})`);
    throw error;
  }
}

function sanitizeTree(markdown: string, options: SanitizeOptions): SanitizedMarkdown {
  const dropped: string[] = [];
  const tree = processor.parse(markdown);
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const safe = (url: string): boolean => isWebUrl(url) || (/^file:/i.test(url) && options.allowFile?.(url) === true);

  const clean = (node: Nodes): Replacement => {
    switch (node.type) {
      case 'html':
        dropped.push('raw HTML');
        return [];
      case 'image':
        dropped.push(`image ${node.url}`);
        return node.alt ? [{ type: 'text', value: node.alt }] : [];
      case 'imageReference': {
        dropped.push(`image ${definitions.get(normalize(node.identifier))?.url ?? node.identifier}`);
        return node.alt ? [{ type: 'text', value: node.alt }] : [];
      }
      case 'definition':
      case 'footnoteDefinition':
        // References are resolved to links below; footnotes are not shown in a hover.
        return [];
      case 'footnoteReference':
        return [];
      case 'link':
        if (safe(node.url)) return [{ ...node, children: cleanChildren(node) as PhrasingContent[] }];
        dropped.push(`link to ${node.url}`);
        return cleanChildren(node);
      case 'linkReference': {
        const target = definitions.get(normalize(node.identifier));
        const children = cleanChildren(node) as PhrasingContent[];
        if (target && safe(target.url)) {
          return [{ type: 'link', url: target.url, title: target.title ?? null, children }];
        }
        if (target) dropped.push(`link to ${target.url}`);
        // An unresolved reference is its text as written, brackets included.
        return target ? children : [{ type: 'text', value: toString(node) }];
      }
      default:
        return 'children' in node ? [{ ...node, children: cleanChildren(node) } as RootContent] : [node as RootContent];
    }
  };
  const cleanChildren = (node: Parents): RootContent[] => node.children.flatMap((child) => clean(child));

  const result: Root = { type: 'root', children: cleanChildren(tree) };
  const written = processor.stringify(result).trim();
  // The written markdown is read again: what comes back must hold nothing unsafe, whatever a
  // quirk of writing and reading made of it. Otherwise the text alone is shown.
  return { markdown: isSafe(processor.parse(written), safe) ? written : escapeText(toString(result)), dropped };
}

/**
 * True for an absolute http(s) URL with a host.
 * @param url - any string.
 */
function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function normalize(identifier: string): string {
  return identifier.toLowerCase().replace(/\s+/g, ' ').trim();
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    const id = normalize(node.identifier);
    // The first definition of a label wins, as in CommonMark.
    if (!into.has(id)) into.set(id, node);
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function isSafe(node: Nodes, safe: (url: string) => boolean): boolean {
  switch (node.type) {
    case 'html':
    case 'image':
    case 'imageReference':
    case 'linkReference':
    case 'definition':
      return false;
    case 'link':
      if (!safe(node.url)) return false;
      break;
    default:
  }
  return !('children' in node) || node.children.every((child) => isSafe(child, safe));
}

/** Plain text as markdown that renders as that text. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&:]/g, '\\$&');
}

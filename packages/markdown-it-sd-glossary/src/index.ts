/**
 * markdown-it-sd-glossary: marks the Stable Diffusion glossary's terms in a markdown document's text
 * as `<abbr title="summary">` (or links to your glossary page), for the first use on a page or every
 * use. For VitePress: `markdown: { config: (md) => md.use(sdGlossary, options) }`.
 */
import { createAnnotator, glossary as builtinGlossary, type Glossary, type GlossaryEntry } from '@sd-glossary/data';
import { readGlossaryFile } from '@sd-glossary/data/parser';
import type { default as MarkdownIt, StateCore, Token } from 'markdown-it';

/** How the plugin explains terms. */
export interface SdGlossaryOptions {
  /** Language of the explanations: `zh-CN` (the book's text, the default) or `en` (SD Glossary's translation). */
  readonly locale?: string;
  /** Explain every use of a term, not only its first use on the page. */
  readonly everyUse?: boolean;
  /**
   * Your own glossaries, before the built-in one: paths of markdown pages or JSON documents in the
   * workspace-glossary layout (read once, when the plugin is set up), or glossary documents.
   */
  readonly glossaries?: ReadonlyArray<string | Glossary>;
  /** Explain the built-in glossary's terms too (default true). */
  readonly builtin?: boolean;
  /**
   * Link terms to a glossary page instead of `<abbr>`: the page's URL (the anchor is the entry's id,
   * `glossary.html#cfg`), or a function that gives each entry's URL.
   */
  readonly link?: string | ((entry: GlossaryEntry) => string);
}

/**
 * The plugin: a core rule after markdown-it's own that splits text tokens around the terms. Text in
 * headings, links, code and HTML is left alone.
 * @param md - the markdown-it instance.
 * @param options - language, how often, your glossaries, links.
 */
export function sdGlossary(md: MarkdownIt, options: SdGlossaryOptions = {}): void {
  const glossaries = [
    ...(options.glossaries ?? []).map((g) => (typeof g === 'string' ? readGlossaryFile(g) : g)),
    ...(options.builtin === false ? [] : [builtinGlossary]),
  ];
  const hrefOf = typeof options.link === 'string' ? (e: GlossaryEntry) => `${options.link}#${e.id}` : options.link;

  md.core.ruler.push('sd_glossary', (state: StateCore) => {
    const annotator = createAnnotator({
      glossaries,
      ...(options.locale !== undefined && { locale: options.locale }),
      ...(options.everyUse !== undefined && { everyUse: options.everyUse }),
    });
    let inHeading = false;
    for (const block of state.tokens) {
      if (block.type === 'heading_open') inHeading = true;
      else if (block.type === 'heading_close') inHeading = false;
      if (block.type !== 'inline' || inHeading || !block.children) continue;
      const children: Token[] = [];
      let inLink = 0;
      for (const token of block.children) {
        if (token.type === 'link_open') inLink++;
        else if (token.type === 'link_close') inLink--;
        const found = token.type === 'text' && inLink === 0 ? annotator.annotate(token.content) : [];
        if (found.length === 0) {
          children.push(token);
          continue;
        }
        const text = (content: string): void => {
          const piece = new state.Token('text', '', 0);
          piece.content = content;
          children.push(piece);
        };
        let at = 0;
        for (const term of found) {
          if (term.start > at) text(token.content.slice(at, term.start));
          const open = hrefOf ? new state.Token('link_open', 'a', 1) : new state.Token('sd_glossary_open', 'abbr', 1);
          open.attrs = hrefOf
            ? [
                ['href', hrefOf(term.entry)],
                ['title', term.summary],
              ]
            : [
                ['class', 'sd-glossary'],
                ['title', term.summary],
              ];
          children.push(open);
          text(term.text);
          children.push(
            hrefOf ? new state.Token('link_close', 'a', -1) : new state.Token('sd_glossary_close', 'abbr', -1),
          );
          at = term.end;
        }
        if (at < token.content.length) text(token.content.slice(at));
      }
      block.children = children;
    }
  });
}

// markdown-it plugins are default exports by the ecosystem's convention (`md.use(markdownItAbbr)`).
export default sdGlossary;

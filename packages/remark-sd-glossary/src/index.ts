/**
 * remark-sd-glossary: marks the Stable Diffusion glossary's terms in a markdown document's text as
 * `<abbr title="summary">` (or links to your glossary page), for the first use on a page or every use.
 */
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { createAnnotator, glossary as builtinGlossary, type Glossary, type GlossaryEntry } from '@sd-glossary/data';
import { readGlossaryFile } from '@sd-glossary/data/parser';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** How the plugin explains terms. */
export interface RemarkSdGlossaryOptions {
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

/** A glossary term in the tree: becomes `<abbr class="sd-glossary" title="…">` in HTML, its text in markdown. */
export interface GlossaryTerm {
  readonly type: 'sdGlossaryTerm';
  readonly children: PhrasingContent[];
  readonly data: { readonly hName: 'abbr'; readonly hProperties: { className: string[]; title: string } };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    sdGlossaryTerm: GlossaryTerm;
  }
  interface RootContentMap {
    sdGlossaryTerm: GlossaryTerm;
  }
}

/** Where terms are not marked: code, links, headings, raw HTML, and what is marked already. */
const LEFT_ALONE = new Set(['code', 'inlineCode', 'link', 'linkReference', 'heading', 'html', 'definition']);

/**
 * The plugin. Use it before `remark-rehype`; `remark-stringify` writes the terms back as their text.
 * @param options - language, how often, your glossaries, links.
 * @returns the transformer.
 */
export const remarkSdGlossary: Plugin<[RemarkSdGlossaryOptions?], Root> = function (options = {}) {
  const glossaries = [
    ...(options.glossaries ?? []).map((g) => (typeof g === 'string' ? readGlossaryFile(g) : g)),
    ...(options.builtin === false ? [] : [builtinGlossary]),
  ];
  // remark-stringify learns the node: a term is written back as its text.
  // (remark-stringify declares this field; the plugin does not depend on it.)
  const data = this.data() as { toMarkdownExtensions?: ToMarkdownOptions[] };
  (data.toMarkdownExtensions ??= []).push({
    handlers: { sdGlossaryTerm: (node, _, state, info) => state.containerPhrasing(node as GlossaryTerm, info) },
  });
  const hrefOf = typeof options.link === 'string' ? (e: GlossaryEntry) => `${options.link}#${e.id}` : options.link;

  return (tree) => {
    const annotator = createAnnotator({
      glossaries,
      ...(options.locale !== undefined && { locale: options.locale }),
      ...(options.everyUse !== undefined && { everyUse: options.everyUse }),
    });
    visit(tree, (node: Nodes, index, parent: Parents | undefined) => {
      if (LEFT_ALONE.has(node.type) || node.type === 'sdGlossaryTerm') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const found = annotator.annotate(node.value);
      if (found.length === 0) return undefined;
      const pieces: PhrasingContent[] = [];
      let at = 0;
      for (const term of found) {
        if (term.start > at) pieces.push({ type: 'text', value: node.value.slice(at, term.start) });
        const children: PhrasingContent[] = [{ type: 'text', value: term.text }];
        pieces.push(
          hrefOf
            ? { type: 'link', url: hrefOf(term.entry), title: term.summary, children }
            : {
                type: 'sdGlossaryTerm',
                children,
                data: { hName: 'abbr', hProperties: { className: ['sd-glossary'], title: term.summary } },
              },
        );
        at = term.end;
      }
      if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(index, 1, ...(pieces as typeof parent.children));
      return [SKIP, index + pieces.length];
    });
  };
};

// unified plugins are default exports by the ecosystem's convention (`import remarkGfm from 'remark-gfm'`).
export default remarkSdGlossary;

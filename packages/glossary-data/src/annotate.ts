import { createGlossaryIndex, type GlossaryIndex } from './glossary-index.js';
import type { Glossary, GlossaryEntry } from './glossary-types.js';
import { localizeEntry } from './localize.js';

/** A term to explain where it is written in a text. */
export interface TermAnnotation {
  /** UTF-16 offset of the first code unit. */
  readonly start: number;
  /** UTF-16 offset just past the term. */
  readonly end: number;
  /** The term as written. */
  readonly text: string;
  /** The entry it names (the first, where entries share the form). */
  readonly entry: GlossaryEntry;
  /** The entry's one-line summary in the chosen language: a tooltip's text. */
  readonly summary: string;
}

/** What `createAnnotator` explains, and how often. */
export interface AnnotatorOptions {
  /**
   * The glossaries, in order of precedence: where two name the same text, the first wins. Pass the
   * built-in `glossary` (and your own documents before it) to explain its terms.
   */
  readonly glossaries: readonly Glossary[];
  /** Language of the summaries (`en` uses the translations); the source text when absent. */
  readonly locale?: string;
  /** Explain every use of a term, not only its first use in the document. */
  readonly everyUse?: boolean;
}

/** Explains the terms of one document, text piece by text piece, in document order. */
export interface Annotator {
  /**
   * The terms to explain in the next piece of the document's text.
   * @param text - a piece of running text (not code, not a link or heading: the caller knows).
   * @returns the terms in order, never overlapping; empty when there is none to explain.
   */
  annotate(text: string): TermAnnotation[];
}

/**
 * Creates an annotator for one document (docs-site plugins use one per page): it finds the
 * glossaries' terms with their matchers (longest match, plurals, case, CJK) and, unless `everyUse`,
 * keeps only the first use of each entry.
 * @param options - the glossaries, the language, how often.
 * @returns the annotator; it remembers which entries the document has explained.
 */
export function createAnnotator(options: AnnotatorOptions): Annotator {
  const indexes: GlossaryIndex[] = options.glossaries.map((g) => indexOf(g));
  const explained = new Set<GlossaryEntry>();
  return {
    annotate(text) {
      const found = indexes.flatMap((index, rank) =>
        index.findTerms(text).map((match) => ({ match, rank, entry: index.getEntry(match.ids[0]!)! })),
      );
      // Earliest first, then the longest, then the glossary listed first.
      found.sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end || a.rank - b.rank);
      const annotations: TermAnnotation[] = [];
      let covered = 0;
      for (const { match, rank, entry } of found) {
        if (match.start < covered) continue;
        covered = match.end;
        if (!options.everyUse && explained.has(entry)) continue;
        explained.add(entry);
        const { summary } = localizeEntry(entry, options.locale, options.glossaries[rank]!.locale);
        annotations.push({ start: match.start, end: match.end, text: match.text, entry, summary });
      }
      return annotations;
    },
  };
}

// A page build creates one annotator per page: the indexes of a glossary are built once for all.
const indexes = new WeakMap<Glossary, GlossaryIndex>();
function indexOf(glossary: Glossary): GlossaryIndex {
  let index = indexes.get(glossary);
  if (!index) indexes.set(glossary, (index = createGlossaryIndex(glossary)));
  return index;
}

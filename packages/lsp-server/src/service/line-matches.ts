import type { GlossaryIndex, TermMatch } from '@sd-glossary/data';
import { lineAt, type ServiceDocument } from './document.js';
import { extractorFor } from './extractors/index.js';

/** Lines remembered per document; more than this and the document's cache starts over. */
const MAX_CACHED_LINES = 4096;

interface CachedLine {
  readonly text: string;
  readonly matches: readonly TermMatch[];
}

/** The terms of a document's lines, computed when asked for and remembered while the line is unchanged. */
export interface LineMatches {
  /**
   * The term occurrences of one line (offsets within the line), in the regions its format reads.
   * @param document - the document.
   * @param line - 0-based line; must be below `lineCount`.
   * @returns the line's text and its matches.
   */
  at(document: ServiceDocument, line: number): CachedLine;
  /**
   * Forgets a document (closed, or its language changed).
   * @param uri - the document's URI.
   */
  forget(uri: string): void;
}

/**
 * Finds the terms of one line's text for a language: the format's regions, then the glossary's
 * matcher over the line, keeping the matches that lie inside a region.
 * @param index - the glossary.
 * @param languageId - the document's language.
 * @param text - the line, without its line break.
 * @returns the matches, offsets within the line.
 */
export function matchLine(index: GlossaryIndex, languageId: string, text: string): TermMatch[] {
  if (text.length === 0) return [];
  const regions = extractorFor(languageId)(text);
  if (regions.length === 0) return [];
  const matches = index.findTerms(text);
  const kept: TermMatch[] = [];
  let r = 0;
  for (const m of matches) {
    while (r < regions.length && regions[r]!.end < m.end) r++;
    if (r < regions.length && regions[r]!.start <= m.start) kept.push(m);
  }
  return kept;
}

/**
 * Creates the per-document line cache. A cached line is used only while its text is the same, so
 * edits need no bookkeeping: a changed or shifted line simply misses and is read again.
 * @param index - the glossary.
 */
export function createLineMatches(index: GlossaryIndex): LineMatches {
  const documents = new Map<string, { languageId: string; lines: Map<number, CachedLine> }>();
  return {
    at(document, line) {
      let cache = documents.get(document.uri);
      if (!cache || cache.languageId !== document.languageId || cache.lines.size >= MAX_CACHED_LINES) {
        cache = { languageId: document.languageId, lines: new Map() };
        documents.set(document.uri, cache);
      }
      const text = lineAt(document, line);
      const hit = cache.lines.get(line);
      if (hit && hit.text === text) return hit;
      // The cache outlives the document's versions: it keeps a copy of the line, not a slice (nor
      // matches sliced from one), as a slice keeps the whole string (every version of a large
      // document) alive.
      const copy = JSON.parse(JSON.stringify(text)) as string;
      const fresh = { text: copy, matches: matchLine(index, document.languageId, copy) };
      cache.lines.set(line, fresh);
      return fresh;
    },
    forget(uri) {
      documents.delete(uri);
    },
  };
}

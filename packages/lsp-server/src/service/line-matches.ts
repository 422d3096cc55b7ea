import type { FindTermsOptions, GlossaryIndex, TermMatch } from '@sd-glossary/data/core';
import { lineAt, type ServiceDocument } from './document.js';
import { extractorFor } from './extractors/index.js';

/** Pieces remembered per document; more than this and the document's cache starts over. */
const MAX_CACHED_PIECES = 4096;

/**
 * Lines longer than this are read in pieces of about this length, each on its own, cut after a
 * space or a comma where there is one: a request reads the piece it is about, so a long line (a
 * minified JSON, a prompt of a million words) costs one piece per keystroke, not the line.
 */
export const PIECE_LENGTH = 4096;
/** How far back from a piece's end a cut looks for a space or a comma. */
const CUT_SEARCH = 256;
/** Configs are judged by their start: where their keys say what they configure. */
const JUDGED_LENGTH = 16_384;
/** Config formats: a document of these is about SD when its keys and values name SD terms. */
const CONFIG_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'toml', 'ini', 'properties']);

/** The start of a config, by which it is judged (`undefined` for any other document). */
function headOf(document: ServiceDocument): string | undefined {
  return CONFIG_LANGUAGES.has(document.languageId) ? document.getText().slice(0, JUDGED_LENGTH) : undefined;
}

/**
 * How a document's lines are read for terms: a prompt file is SD text with prompt syntax; a config
 * (JSON, YAML, TOML, INI) is SD text when its start names terms of at least two entries, one of them
 * by a form that is no everyday word (`CFG`, `sampler_name`, `Euler`), so `steps` and `seed` count in a
 * ComfyUI workflow and not in a CI workflow; prose is judged sentence by sentence (see `findTerms`).
 * @param index - the glossary.
 * @param languageId - the document's language.
 * @param head - a config's start (`headOf`).
 * @returns the options for its lines.
 */
function readingOf(index: GlossaryIndex, languageId: string, head: string | undefined): FindTermsOptions {
  if (languageId === 'sd-prompt') return { prompt: true };
  if (head === undefined) return {};
  const entries = new Set<string>();
  let named = false;
  for (const match of index.findTerms(head, { sd: true })) {
    for (const id of match.ids) entries.add(id);
    if (!match.context) named = true;
  }
  return { sd: named && entries.size >= 2 };
}

/** A line, or a piece of a long one, with the terms in it. */
export interface LinePiece {
  /** The piece's text. */
  readonly text: string;
  /** Where the piece starts in its line (0 for a whole line). */
  readonly start: number;
  /** The term occurrences, at offsets in `text`. */
  readonly matches: readonly TermMatch[];
}

/** The terms of a document's lines, computed when asked for and remembered while the text is unchanged. */
export interface LineMatches {
  /**
   * The piece of a line that holds a character: the whole line, unless the line is long.
   * @param document - the document.
   * @param line - 0-based line; must be below `lineCount`.
   * @param character - offset in the line; past the end means the last piece.
   */
  pieceAt(document: ServiceDocument, line: number, character: number): LinePiece;
  /**
   * Every piece of a line, in order (one, unless the line is long).
   * @param document - the document.
   * @param line - 0-based line; must be below `lineCount`.
   */
  pieces(document: ServiceDocument, line: number): Generator<LinePiece>;
  /**
   * Forgets a document (closed, or its language changed).
   * @param uri - the document's URI.
   */
  forget(uri: string): void;
}

/**
 * Where the pieces of a line start: 0 alone for a line up to `PIECE_LENGTH`; otherwise after a
 * space, tab or comma near each `PIECE_LENGTH`, or right at it when there is none.
 * @param text - the line.
 * @returns the start offsets, ascending.
 */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  let start = 0;
  while (text.length - start > PIECE_LENGTH) {
    let end = start + PIECE_LENGTH;
    for (let i = end; i > end - CUT_SEARCH; i--) {
      const c = text.charCodeAt(i - 1);
      if (c === 32 || c === 9 || c === 44 || c === 0xff0c || c === 0x3001) {
        end = i;
        break;
      }
    }
    starts.push(end);
    start = end;
  }
  return starts;
}

/**
 * Finds the terms of one line's text for a language: the format's regions, then the glossary's
 * matcher over the line, keeping the matches that lie inside a region.
 * @param index - the glossary.
 * @param languageId - the document's language.
 * @param text - the line, without its line break.
 * @param reading - how the document is read (`readingOf`).
 * @returns the matches, offsets within the line.
 */
export function matchLine(
  index: GlossaryIndex,
  languageId: string,
  text: string,
  reading: FindTermsOptions = {},
): TermMatch[] {
  if (text.length === 0) return [];
  const regions = extractorFor(languageId)(text);
  if (regions.length === 0) return [];
  const matches = index.findTerms(text, reading);
  const kept: TermMatch[] = [];
  let r = 0;
  for (const m of matches) {
    while (r < regions.length && regions[r]!.end < m.end) r++;
    if (r < regions.length && regions[r]!.start <= m.start) kept.push(m);
  }
  return kept;
}

/**
 * Creates the per-document cache of pieces. A cached piece is used only while its text is the
 * same, so edits need no bookkeeping: a changed or shifted piece simply misses and is read again.
 * @param index - the glossary.
 */
export function createLineMatches(index: GlossaryIndex): LineMatches {
  interface Cache {
    languageId: string;
    /** The version `reading` was judged at, and a config's start it was judged by (a copy). */
    version: number;
    head: string | undefined;
    reading: FindTermsOptions;
    pieces: Map<string, LinePiece>;
  }
  // A copy, not a slice: a slice keeps the whole string (every version of a large document) alive.
  const copyOf = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : (JSON.parse(JSON.stringify(text)) as string);
  const documents = new Map<string, Cache>();

  function piece(document: ServiceDocument, line: number, text: string, start: number): LinePiece {
    let cache = documents.get(document.uri);
    if (!cache || cache.languageId !== document.languageId || cache.pieces.size >= MAX_CACHED_PIECES) {
      const head = headOf(document);
      const reading = readingOf(index, document.languageId, head);
      const { languageId, version } = document;
      cache = { languageId, version, head: copyOf(head), reading, pieces: new Map() };
      documents.set(document.uri, cache);
    } else if (cache.version !== document.version) {
      // An edit to a config's start may change what it is about: judged again only then; the pieces
      // stay while the judgement does.
      cache.version = document.version;
      const head = headOf(document);
      if (head !== cache.head) {
        const reading = readingOf(index, document.languageId, head);
        if (reading.sd !== cache.reading.sd) cache.pieces = new Map();
        cache.reading = reading;
        cache.head = copyOf(head);
      }
    }
    const key = `${line}:${start}`;
    const hit = cache.pieces.get(key);
    if (hit && hit.text === text) return hit;
    // The cache outlives the document's versions: it keeps a copy of the text (nor matches sliced from
    // the document's string).
    const copy = copyOf(text)!;
    const fresh = { text: copy, start, matches: matchLine(index, document.languageId, copy, cache.reading) };
    cache.pieces.set(key, fresh);
    return fresh;
  }

  return {
    pieceAt(document, line, character) {
      const text = lineAt(document, line);
      if (text.length <= PIECE_LENGTH) return piece(document, line, text, 0);
      const starts = pieceStarts(text);
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > character) k--;
      return piece(document, line, text.slice(starts[k], starts[k + 1]), starts[k]!);
    },
    *pieces(document, line) {
      const text = lineAt(document, line);
      const starts = pieceStarts(text);
      for (let k = 0; k < starts.length; k++) {
        yield piece(document, line, starts.length === 1 ? text : text.slice(starts[k], starts[k + 1]), starts[k]!);
      }
    },
    forget(uri) {
      documents.delete(uri);
    },
  };
}

import type { GlossaryIssue, BuildCache } from '@sd-glossary/data/parser';
import type { Glossary, GlossaryEntry, RichText } from '@sd-glossary/data';
import { sanitizeMarkdown } from './sanitize.js';

/** What a workspace glossary may be, so a hostile file costs bounded time and memory. */
export const LIMITS = { chars: 10 * 1024 * 1024, tableRows: 20_000, jsonDepth: 64 } as const;

/**
 * What the last load of a file leaves for the next: the parser's cache (made on first use, as the
 * parser loads lazily) and the sanitised entries by entry (the parser keeps unchanged entries).
 */
export interface LoadCache {
  parse?: BuildCache;
  readonly sanitized: WeakMap<GlossaryEntry, GlossaryEntry>;
  /** Sanitised texts by text: an entry that only moved to another line keeps its texts. */
  readonly texts: WeakMap<RichText, RichText>;
}

/** Creates an empty load cache, one per glossary file. */
export const createLoadCache = (): LoadCache => ({ sanitized: new WeakMap(), texts: new WeakMap() });

/** A workspace glossary file, read: its document when it is valid, and its problems. */
export interface LoadedGlossary {
  readonly glossary: Glossary | undefined;
  readonly issues: GlossaryIssue[];
}

const at = (file: string, message: string): GlossaryIssue => ({ file, line: 1, column: 1, message });

function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** How many lines start with `|` (after indentation): an upper bound on table rows, counted without splitting. */
function tableRows(text: string): number {
  let rows = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStart = true;
    else if (lineStart && c !== 32 && c !== 9 && c !== 13) {
      if (c === 124) rows++;
      lineStart = false;
    }
  }
  return rows;
}

/** Workspace text is untrusted: its markdown loses HTML, images and non-web links before it is shown. */
function sanitizeEntry(entry: GlossaryEntry, texts?: WeakMap<RichText, RichText>): GlossaryEntry {
  const clean = (text: RichText): RichText => {
    const known = texts?.get(text);
    if (known) return known;
    const safe = { markdown: sanitizeMarkdown(text.markdown), text: text.text };
    texts?.set(text, safe);
    return safe;
  };
  return {
    ...entry,
    definition: clean(entry.definition),
    ...(entry.gloss && { gloss: clean(entry.gloss) }),
    links: entry.links.filter((l) => /^https?:/i.test(l.url)),
  };
}

/**
 * Reads a workspace glossary with the data package's own parser and validator: a markdown page in
 * the built-in glossary's layout, or a JSON document that follows the schema.
 * @param text - the file's text.
 * @param file - its path, for issues and sources.
 * @param cache - what the last load of the same file left: a reload after an edit then parses
 *   and sanitises only what the edit touched.
 * @returns the sanitised document when the file is valid, and every issue with its position.
 *   Entries keep their `sources` in the file, for go to definition.
 */
export async function loadGlossary(text: string, file: string, cache?: LoadCache): Promise<LoadedGlossary> {
  // The parser (remark, Ajv, pinyin) loads only when a workspace has a glossary: the server starts without it.
  const { buildGlossary, createBuildCache, validateGlossaryJson } = await import('@sd-glossary/data/parser');
  if (text.length > LIMITS.chars)
    return {
      glossary: undefined,
      issues: [
        at(file, `the file has ${(text.length / 1048576).toFixed(1)} M characters; glossaries are read up to 10 M`),
      ],
    };
  if (text.includes('\u0000')) return { glossary: undefined, issues: [at(file, 'the file is binary, not a glossary')] };
  let result: LoadedGlossary;
  if (/\.json$/i.test(file)) {
    if (jsonDepth(text) > LIMITS.jsonDepth)
      return {
        glossary: undefined,
        issues: [at(file, `JSON nested deeper than ${LIMITS.jsonDepth} levels is not read`)],
      };
    result = validateGlossaryJson(text, file);
  } else {
    const rows = tableRows(text);
    if (rows > LIMITS.tableRows)
      return {
        glossary: undefined,
        issues: [at(file, `${rows} table rows; glossaries are read up to ${LIMITS.tableRows}`)],
      };
    if (cache) cache.parse ??= createBuildCache();
    result = buildGlossary({
      markdown: text,
      markdownFile: file,
      locale: 'und',
      ...(cache?.parse && { cache: cache.parse }),
    });
  }
  const sanitize = (entry: GlossaryEntry): GlossaryEntry => {
    const known = cache?.sanitized.get(entry);
    if (known) return known;
    const safe = sanitizeEntry(entry, cache?.texts);
    cache?.sanitized.set(entry, safe);
    return safe;
  };
  return {
    glossary: result.glossary && { ...result.glossary, entries: result.glossary.entries.map(sanitize) },
    issues: result.issues,
  };
}

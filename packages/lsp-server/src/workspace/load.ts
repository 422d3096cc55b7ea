import type { GlossaryIssue, SanitizeOptions } from '@sd-glossary/data/parser';
import type { Glossary, GlossaryEntry, RichText, Translation } from '@sd-glossary/data';

/**
 * What a workspace glossary may be. A glossary is read on the server's one thread, so its size
 * bounds how long hovers wait while it is reread after a change: `entries` keeps that short for
 * every glossary a team writes by hand, and a hostile file costs bounded time and memory.
 */
export const LIMITS = { chars: 10 * 1024 * 1024, entries: 1_000, jsonDepth: 64 } as const;

const tooMany = (count: number, what: string): string =>
  `${count} ${what}; workspace glossaries are read up to ${LIMITS.entries.toLocaleString('en')} entries, ` +
  'as a larger one would hold up hovers each time it is reread';

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

/** How many entries a JSON glossary has, before it is validated (0 when it is not JSON: validation says why). */
function jsonEntryCount(text: string): number {
  try {
    const entries = (JSON.parse(text.replace(/^\uFEFF/, '')) as { entries?: unknown } | null)?.entries;
    return Array.isArray(entries) ? entries.length : 0;
  } catch {
    return 0;
  }
}

/**
 * How many lines start with `|` or `#` (after indentation): an upper bound on the entries a page
 * defines (table rows, with each table's header and delimiter, and headings), counted without parsing.
 */
function entryLines(text: string): number {
  let lines = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStart = true;
    else if (lineStart && c !== 32 && c !== 9 && c !== 13) {
      if (c === 124 || c === 35) lines++;
      lineStart = false;
    }
  }
  return lines;
}

/**
 * Reads a workspace glossary with the data package's own parser and validator: a markdown page in
 * the built-in glossary's layout, or a JSON document that follows the schema. Workspace text is
 * untrusted: every definition and translation is sanitised on its parsed tree (no HTML, no images,
 * only http(s) links and the `file:` links `options` allows) before a hover can show it.
 * @param text - the file's text.
 * @param file - its path, for issues and sources.
 * @param options - which `file:` links may stay.
 * @returns the sanitised document when the file is valid, and every issue with its position.
 *   Entries keep their `sources` in the file, for go to definition.
 */
export async function loadGlossary(text: string, file: string, options: SanitizeOptions = {}): Promise<LoadedGlossary> {
  // The parser (remark, Ajv, pinyin) loads only when a workspace has a glossary: the server starts without it.
  const { buildGlossary, sanitizeMarkdown, validateGlossaryJson } = await import('@sd-glossary/data/parser');
  if (text.length > LIMITS.chars) {
    const size = (text.length / 1048576).toFixed(1);
    return {
      glossary: undefined,
      issues: [at(file, `the file has ${size} M characters; glossaries are read up to 10 M`)],
    };
  }
  if (text.includes('\u0000')) return { glossary: undefined, issues: [at(file, 'the file is binary, not a glossary')] };
  let result: LoadedGlossary;
  if (/\.json$/i.test(file)) {
    if (jsonDepth(text) > LIMITS.jsonDepth) {
      return {
        glossary: undefined,
        issues: [at(file, `JSON nested deeper than ${LIMITS.jsonDepth} levels is not read`)],
      };
    }
    const count = jsonEntryCount(text);
    if (count > LIMITS.entries) return { glossary: undefined, issues: [at(file, tooMany(count, 'entries'))] };
    result = validateGlossaryJson(text, file);
  } else {
    // Counted on the text first, so that a far larger file is refused without being parsed; the
    // entries themselves are counted once it is (a table's header and its section's heading are
    // lines, not entries).
    const lines = entryLines(text);
    if (lines > 2 * LIMITS.entries) {
      return { glossary: undefined, issues: [at(file, tooMany(lines, 'table rows and headings'))] };
    }
    result = buildGlossary({ markdown: text, markdownFile: file, locale: 'und' });
    const count = result.glossary?.entries.length ?? 0;
    if (count > LIMITS.entries) return { glossary: undefined, issues: [at(file, tooMany(count, 'entries'))] };
  }
  const clean = (rich: RichText): RichText => ({
    markdown: sanitizeMarkdown(rich.markdown, options).markdown,
    text: rich.text,
  });
  const cleanTranslation = (t: Translation): Translation => ({
    ...t,
    definition: clean(t.definition),
    ...(t.gloss && { gloss: clean(t.gloss) }),
  });
  const sanitize = (entry: GlossaryEntry): GlossaryEntry => ({
    ...entry,
    definition: clean(entry.definition),
    ...(entry.gloss && { gloss: clean(entry.gloss) }),
    ...(entry.translations && {
      translations: Object.fromEntries(
        Object.entries(entry.translations).flatMap(([locale, t]) => (t ? [[locale, cleanTranslation(t)]] : [])),
      ),
    }),
  });
  return {
    glossary: result.glossary && { ...result.glossary, entries: result.glossary.entries.map(sanitize) },
    issues: result.issues,
  };
}

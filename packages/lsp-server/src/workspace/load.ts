import type { GlossaryIssue } from '@sd-glossary/data/parser';
import type { Glossary, GlossaryEntry, RichText, Translation } from '@sd-glossary/data/core';
import { isInside, normalizeUri } from './uris.js';

/** A workspace glossary file, read: its document when it is valid, and its problems. */
export interface LoadedGlossary {
  readonly glossary: Glossary | undefined;
  readonly issues: GlossaryIssue[];
}

/**
 * Reads a glossary file's text into a sanitised document: `loadGlossary` on the calling thread, or
 * the same in a worker (`workerLoader`). Its arguments and result are plain data, so either can
 * serve.
 * @param text - the file's text.
 * @param file - its name, for issues and sources (its path, for a file on the disk).
 * @param folders - the workspace folders' URIs: `file:` links into them stay in definitions.
 */
export type LoadGlossary = (text: string, file: string, folders: readonly string[]) => Promise<LoadedGlossary>;

/**
 * Reads a workspace glossary with the data package's own parser and validator: a markdown page in
 * the built-in glossary's layout, or a JSON document that follows the schema. The parser's limits
 * (`glossaryLimits`) bound the time and memory any file costs. Workspace text is untrusted: every
 * definition and translation is sanitised on its parsed tree (no HTML, no images, only http(s)
 * links and `file:` links into a workspace folder) before a hover can show it.
 * @returns the sanitised document when the file is valid, and every issue with its position.
 *   Entries keep their `sources` in the file, for go to definition.
 */
export const loadGlossary: LoadGlossary = async (text, file, folders) => {
  // The parser (remark, Ajv, pinyin) loads only when a workspace has a glossary: the server starts without it.
  const { parseGlossaryFile, sanitizeMarkdown } = await import('@sd-glossary/data/parser');
  if (text.includes('\u0000')) {
    return {
      glossary: undefined,
      issues: [{ file, line: 1, column: 1, message: 'the file is binary, not a glossary' }],
    };
  }
  const result = parseGlossaryFile(text, file);
  const allowFile = (url: string): boolean => {
    const uri = normalizeUri(url);
    return uri !== undefined && folders.some((folder) => isInside(folder, uri));
  };
  const clean = (rich: RichText): RichText => ({
    markdown: sanitizeMarkdown(rich.markdown, { allowFile }).markdown,
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
};

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Data from '@sd-glossary/data';
import type { GlossarySource } from './service/language-service.js';

/** What the built-in glossary is made of: `@sd-glossary/data`, loaded when the caller chooses. */
export type BuiltinData = Pick<typeof Data, 'glossary' | 'createGlossaryIndex'>;

/**
 * The built-in glossary of @sd-glossary/data, with its source markdown for go to definition.
 * @param data - the `@sd-glossary/data` module: the server requires it after `initialize`, as the
 *   glossary is most of what a start would load.
 * @param sourceFile - the page's source markdown path, when it is not beside the installed data package
 *   (the VS Code extension ships its own copy).
 * @returns the glossary source; `sourceUri` is `undefined` when the markdown an entry is written in
 *   cannot be found.
 */
export function builtinGlossary(data: BuiltinData, sourceFile?: string): GlossarySource {
  const { glossary, createGlossaryIndex } = data;
  const file = sourceFile ?? installedSource();
  // Entries name their markdown relative to the package (`source/glossary.zh-CN.md`,
  // `source/editorial.zh-CN.md`, `source/book/guide/…`): the other files keep their place beside the
  // page, wherever the page is copied.
  const uris = new Map<string, string | undefined>();
  const uriOf = (rel: string): string | undefined => {
    if (!uris.has(rel)) {
      const beside = (f: string): string =>
        rel === glossary.source?.file ? f : join(dirname(f), posix.relative(posix.dirname(glossary.source!.file), rel));
      const path = file === undefined ? undefined : beside(file);
      uris.set(rel, path !== undefined && existsSync(path) ? pathToFileURL(path).href : undefined);
    }
    return uris.get(rel);
  };
  return { index: createGlossaryIndex(glossary), sourceUri: (entry) => uriOf(entry.sources[0].file) };
}

/** The source markdown inside the installed data package, when there is one to find. */
function installedSource(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@sd-glossary/data/package.json');
    return join(dirname(manifest), 'source', 'glossary.zh-CN.md');
  } catch {
    return undefined;
  }
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGlossaryIndex, glossary } from '@sd-glossary/data';
import type { GlossarySource } from './service/language-service.js';

/**
 * The built-in glossary of @sd-glossary/data, with its source markdown for go to definition.
 * @param sourceFile - the source markdown's path, when it is not beside the installed data package
 *   (the VS Code extension ships its own copy).
 * @returns the glossary source; `sourceUri` is `undefined` when the markdown cannot be found.
 */
export function builtinGlossary(sourceFile?: string): GlossarySource {
  const file = sourceFile ?? installedSource();
  const uri = file !== undefined && existsSync(file) ? pathToFileURL(file).href : undefined;
  return { index: createGlossaryIndex(glossary), sourceUri: () => uri };
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

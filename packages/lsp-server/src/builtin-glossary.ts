import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as GlossaryData from '@sd-glossary/data';
import type { GlossarySource } from './service/language-service.js';

/**
 * The built-in glossary of @sd-glossary/data, with its packaged source markdown for go-to-definition.
 * The data package is loaded when this is called, not when this module is, so a server can answer
 * `initialize` first.
 * @param sourceFile - the source markdown's path, when it is not beside the installed data package
 *   (a bundled server passes its own copy).
 * @returns the glossary source; `sourceUri` is `undefined` when the markdown cannot be found.
 */
export function builtinGlossary(sourceFile?: string): GlossarySource {
  const require = createRequire(import.meta.url);
  const { createGlossaryIndex, glossary } = require('@sd-glossary/data') as typeof GlossaryData;
  let file = sourceFile;
  if (file === undefined) {
    try {
      file = join(dirname(require.resolve('@sd-glossary/data/package.json')), 'source', 'glossary.zh-CN.md');
    } catch {
      file = undefined;
    }
  }
  const uri = file !== undefined && existsSync(file) ? pathToFileURL(file).href : undefined;
  return { index: createGlossaryIndex(glossary), sourceUri: () => uri };
}

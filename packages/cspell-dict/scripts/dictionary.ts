import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportGlossary, type Glossary } from '@sd-glossary/data';

/** The package's own folder, where the generated files are committed. */
export const packageDir: string = fileURLToPath(new URL('..', import.meta.url));

const dataDir = dirname(createRequire(import.meta.url).resolve('@sd-glossary/data/package.json'));

/**
 * The data package's `glossary.json` as it is now: read from the file, not from the built module, so
 * the words follow the data as soon as it is rebuilt from its source.
 * @returns the glossary document.
 */
function currentGlossary(): Glossary {
  return JSON.parse(readFileSync(join(dataDir, 'glossary.json'), 'utf8')) as Glossary;
}

/** The command that regenerates the committed files, for messages. */
export const regenerateCommand = 'npx --yes pnpm@10.34.8 --filter @sd-glossary/cspell-dict generate';

/**
 * What `generate` writes: the word list as `sd-glossary export --format cspell` makes it from the
 * built-in glossary, and the data package's licence files, which the words carry with them.
 * @returns each file's path in the package and its text.
 */
export function generatedFiles(): Array<{ path: string; text: string }> {
  const words = exportGlossary('cspell', [currentGlossary()]).find((f) => f.path === 'dict/sd-glossary.txt');
  if (!words) throw new Error('the cspell export has no dict/sd-glossary.txt');
  const copy = (name: string) => ({ path: name, text: readFileSync(join(dataDir, name), 'utf8') });
  return [words, copy('NOTICE.md'), copy('LICENSE-GFDL-1.3')];
}

/**
 * The `cspell-ext.json` the export writes, parsed: the committed one, formatted by Prettier, must say the same.
 * @returns the extension settings.
 */
export function exportedExtension(): unknown {
  const extension = exportGlossary('cspell', [currentGlossary()]).find((f) => f.path === 'cspell-ext.json');
  if (!extension) throw new Error('the cspell export has no cspell-ext.json');
  return JSON.parse(extension.text);
}

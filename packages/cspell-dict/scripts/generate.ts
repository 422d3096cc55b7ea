/** Writes the word list (and the licence files it carries) from the current `@sd-glossary/data`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles, packageDir } from './dictionary.js';

for (const file of generatedFiles()) {
  const target = join(packageDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  console.log(`wrote ${file.path}`);
}

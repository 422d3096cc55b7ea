/**
 * Writes src/glossary-types.ts from schema/glossary.schema.json. The schema is the source of truth;
 * test/schema.test.ts fails when the committed types drift from what this script would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderGlossaryTypes } from './render-types.js';

const target = fileURLToPath(new URL('../src/glossary-types.ts', import.meta.url));
writeFileSync(target, await renderGlossaryTypes());
console.log(`wrote ${target}`);

/**
 * Builds glossary.json from the source markdown and overlay. On any issue it prints
 * `file:line:column: message` lines, exits 1 and leaves the previous file untouched.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { formatIssue, serializeGlossary } from '../src/parser/index.js';
import { buildBuiltinGlossary, outputPath } from './builtin.js';

const { glossary, issues } = buildBuiltinGlossary();
if (!glossary) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(
    `glossary build failed: ${issues.length} issue${issues.length === 1 ? '' : 's'}; ${outputPath} left as it was`,
  );
  process.exit(1);
}
const temp = `${outputPath}.${process.pid}.tmp`;
writeFileSync(temp, serializeGlossary(glossary));
renameSync(temp, outputPath);
console.log(`wrote ${glossary.entries.length} entries to glossary.json`);

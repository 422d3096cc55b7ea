// The main job's demo: the built glossary at work. Run by `pnpm demo` after `pnpm build`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const data = await import(new URL('../packages/glossary-data/dist/index.js', import.meta.url).href);
const { glossary, lookup, search, findTerms, getEntry } = data;

// Terminal columns: CJK characters are two wide.
const width = (s) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
const rule = (title) => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);

console.log(`SD Glossary ${glossary.version}: ${glossary.entries.length} terms from ${glossary.source.url}`);
console.log(`(glossary text ${glossary.license.spdx}, © 2022 StableDiffusionBook)`);

rule('lookup("cfg_scale")');
const [cfg] = lookup('cfg_scale');
console.log(`${cfg.headword} — ${cfg.forms.slice(1).map((f) => f.text).join(', ')}`);
console.log(cfg.definition.text);

rule('search("zl"), search("Dream"), search("炸")');
for (const query of ['zl', 'Dream', '炸']) {
  const results = search(query, { limit: 3 }).map((r) => `${r.form} (${r.matchedBy})`);
  console.log(`${pad(query, 6)} → ${results.join(', ')}`);
}

const file = fileURLToPath(new URL('../examples/training-notes.md', import.meta.url));
const text = readFileSync(file, 'utf8');
rule(`scan examples/training-notes.md`);
const lineOf = (offset) => text.slice(0, offset).split('\n').length;
const seen = new Set();
for (const hit of findTerms(text)) {
  const entries = hit.ids.map(getEntry);
  console.log(`${String(lineOf(hit.start)).padStart(3)}  ${pad(hit.text, 14)} → ${entries.map((e) => e.headword).join(' | ')}`);
  for (const id of hit.ids) seen.add(id);
}
rule(`${seen.size} terms used, with their definitions`);
for (const id of seen) {
  const entry = getEntry(id);
  console.log(`${entry.headword}: ${entry.summary}`);
}

// Throughput of remark-sd-glossary on a 1 MB mixed Chinese/English markdown note (the benchmarks'
// shared realistic document): the same remark → rehype → HTML pipeline with and without the plugin,
// in turn, medians of 5 runs after a warm-up. Without the plugin is the floor: what the pipeline
// itself costs.
import { entries } from '@sd-glossary/data';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { markdownDoc } from '../../../scripts/bench-docs.mjs';
import remarkSdGlossary from '../dist/index.js';

const RUNS = 5;
const doc = markdownDoc(
  1e6,
  entries.flatMap((e) => e.definition.text.split('\n').filter(Boolean)),
);
const mb = Buffer.byteLength(doc) / 1e6;
const floor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
const ours = unified().use(remarkParse).use(remarkSdGlossary).use(remarkRehype).use(rehypeStringify);
const everyUse = unified()
  .use(remarkParse)
  .use(remarkSdGlossary, { everyUse: true })
  .use(remarkRehype)
  .use(rehypeStringify);

const mid = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (processor) => {
  const t0 = performance.now();
  const html = String(processor.processSync(doc));
  return { ms: performance.now() - t0, abbrs: html.split('<abbr').length - 1 };
};
for (const p of [floor, ours, everyUse]) time(p);
const runs = { floor: [], ours: [], everyUse: [] };
let counts;
for (let r = 0; r < RUNS; r++) {
  runs.floor.push(time(floor).ms);
  const first = time(ours);
  const every = time(everyUse);
  runs.ours.push(first.ms);
  runs.everyUse.push(every.ms);
  counts = { first: first.abbrs, every: every.abbrs };
}
const rate = (ms) => `${(mb / (ms / 1000)).toFixed(2)} MB/s (${ms.toFixed(0)} ms)`;
console.log(
  [
    `remark-sd-glossary benchmark (node ${process.version}; ${mb.toFixed(2)} MB markdown, medians of ${RUNS})`,
    `  remark → rehype → HTML, no plugin (the floor)   ${rate(mid(runs.floor))}`,
    `  with remark-sd-glossary, first use             ${rate(mid(runs.ours))}; ${counts.first} terms marked`,
    `  with remark-sd-glossary, every use             ${rate(mid(runs.everyUse))}; ${counts.every} terms marked`,
    `  the plugin's own cost, every use: ${(mid(runs.everyUse) - mid(runs.floor)).toFixed(0)} ms on this document`,
  ].join('\n'),
);

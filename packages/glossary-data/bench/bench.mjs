// Benchmarks of @sd-glossary/data, run against the built package (dist/): matcher throughput,
// lookup/search latency, cold import time, package size, glossary build time. `pnpm bench` prints
// the figures with their targets. Timings are wall-clock on this machine; run it on an otherwise
// idle machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng } from '../../../scripts/prng.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const { createTermMatcher, entries, findTerms, lookup, search } = await import(
  new URL('../dist/index.js', import.meta.url).href
);

function mixedText(targetBytes) {
  const rand = prng(42);
  // The glossary page's own definitions (its first section each), the input the target was set on: the
  // book's other pages, denser in terms, are measured on their own below.
  const chinese = entries
    .filter((e) => e.sources[0].file === 'source/glossary.zh-CN.md')
    .map((e) => e.definition.text.split('\n\n— ')[0]);
  const english = [
    'The quick brown fox jumps over the lazy dog while the sampler runs for thirty steps.',
    'Use a lower CFG scale with DPM++ 2M Karras and set clip_skip to 2 for anime checkpoints.',
    'train_batch_size = 4\nmax_train_epochs = 10\nlearning_rate = 1e-4\nnetwork_dim = 32',
    'masterpiece, best quality, (detailed eyes:1.2), [blurry], <lora:style:0.8>, __wildcards__',
    'Steps: 28, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x768, Clip skip: 2, ENSD: 31337',
    'Installing extensions from the HTML page needs a MongoDB clipboard in August; nothing matches here.',
  ];
  const parts = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const part =
      rand() < 0.5 ? chinese[Math.floor(rand() * chinese.length)] : english[Math.floor(rand() * english.length)];
    parts.push(part);
    bytes += Buffer.byteLength(part) + 1;
  }
  return parts.join('\n');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function latency(fn, inputs, rounds) {
  for (const input of inputs) fn(input); // warm up: builds the indexes, lets the JIT settle
  const times = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = process.hrtime.bigint();
      fn(input);
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
}

const rows = [];
const row = (what, value, target, ok) =>
  rows.push({ what, value, target, ok: ok === undefined ? '' : ok ? 'ok' : 'MISSED' });

// 1. Matcher throughput on mixed Chinese/English text.
const text = mixedText(8 * 1024 * 1024);
for (let i = 0; i < 2; i++) findTerms(text); // warm up: index build and JIT
/** Median and best throughput of `find` over a text, in MB/s, and its hit count. */
function throughput(find, input) {
  const size = Buffer.byteLength(input) / 1e6;
  for (let i = 0; i < 2; i++) find(input);
  const runs = [];
  let hits = 0;
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    hits = find(input).length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { size, hits, median: size / (runs[4] / 1000), best: size / (runs[0] / 1000) };
}
const mixed = throughput(findTerms, text);
row(
  `matcher, ${mixed.size.toFixed(1)} MB mixed zh/en (${mixed.hits} hits), median of 9`,
  `${mixed.median.toFixed(0)} MB/s (best ${mixed.best.toFixed(0)})`,
  '≥ 100 MB/s',
  mixed.median >= 100,
);
// The floor: the plain matcher over the same forms, no context rules and no everyday words.
const plain = createTermMatcher(
  entries.flatMap((e) => e.forms.filter((f) => f.scan !== false).map((f) => ({ text: f.text, id: e.id }))),
);
const floor = throughput((t) => plain.findAll(t), text);
row(
  '  same text, plain matcher (no context rules), median of 9',
  `${floor.median.toFixed(0)} MB/s (${floor.hits} hits)`,
  '',
  undefined,
);
// The same text line by line, as the language server reads a document: each call's matches are
// short-lived, where one call over 8 MB keeps every match alive until it returns.
const textLines = text.split('\n');
const byLine = throughput(() => {
  let hits = 0;
  for (const line of textLines) hits += findTerms(line).length;
  return { length: hits };
}, text);
row(
  '  same text, line by line (as the language server reads it), median of 9',
  `${byLine.median.toFixed(0)} MB/s (${byLine.hits} hits)`,
  '',
  undefined,
);
// Real documents: the book's pages, Chinese markdown dense with terms, repeated to 8 MB.
const bookDir = fileURLToPath(new URL('../source/book/', import.meta.url));
const bookText = readdirSync(bookDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(bookDir + f, 'utf8'))
  .join('\n');
const bookInput = bookText.repeat(Math.ceil(8e6 / Buffer.byteLength(bookText)));
const book = throughput(findTerms, bookInput);
row(
  `matcher, the book's pages repeated (${book.size.toFixed(1)} MB, ${book.hits} hits)`,
  `${book.median.toFixed(0)} MB/s`,
  '',
  undefined,
);
const prose = 'The quick brown fox jumps over the lazy dog; 这是一段没有术语的普通中文。\n'.repeat(120_000);
const ordinary = throughput(findTerms, prose);
row(
  `matcher, ${ordinary.size.toFixed(1)} MB of prose without terms`,
  `${ordinary.median.toFixed(0)} MB/s`,
  '',
  undefined,
);

// 2. lookup and search latency over every form and every prefix of it.
const forms = entries.flatMap((e) => e.forms.map((f) => f.text));
const lookups = [...forms, ...forms.map((f) => f.toLowerCase().replace(/ /g, '_')), 'nothing', 'cfgScale', 'VAEs'];
const prefixes = [
  ...new Set(
    forms.flatMap((f) => [f.slice(0, 1), f.slice(0, 2), f.slice(0, 4)]).concat(['zl', 'zhal', 'sunshi', 'Dream']),
  ),
];
const l = latency(lookup, lookups, 200);
row(`lookup, ${l.n} calls`, `p50 ${l.p50.toFixed(2)} µs, p99 ${l.p99.toFixed(2)} µs`, 'p99 < 20 µs', l.p99 < 20);
const s = latency((q) => search(q, { limit: 20 }), prefixes, 200);
row(
  `search, ${s.n} calls (1–4 character prefixes)`,
  `p50 ${s.p50.toFixed(2)} µs, p99 ${s.p99.toFixed(2)} µs`,
  'p99 < 20 µs',
  s.p99 < 20,
);

// 3. Cold import in a fresh process (module load and evaluation; indexes are built on first use).
function coldImport(code) {
  const times = [];
  for (let i = 0; i < 11; i++)
    times.push(
      Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: pkgDir, encoding: 'utf8' })),
    );
  return times.sort((a, b) => a - b)[5];
}
const esm = coldImport(
  `const t0 = performance.now(); await import('./dist/index.js'); ` +
    `process.stdout.write(String(performance.now() - t0));`,
);
row('cold import (ESM), median of 11 fresh processes', `${esm.toFixed(1)} ms`, '< 30 ms', esm < 30);
const cjs = coldImport(
  `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ` +
    `const t0 = performance.now(); require('./dist/index.cjs'); process.stdout.write(String(performance.now() - t0));`,
);
row('cold require (CJS), median of 11 fresh processes', `${cjs.toFixed(1)} ms`, '< 30 ms', cjs < 30);
// The floor: a module that holds nothing but the glossary, as the bundle inlines it.
const dataOnly = join(mkdtempSync(join(tmpdir(), 'sd-glossary-bench-')), 'data.mjs');
writeFileSync(dataOnly, `export default ${readFileSync(`${pkgDir}glossary.json`, 'utf8')};`);
const floorImport = coldImport(
  `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(dataOnly).href)}); ` +
    `process.stdout.write(String(performance.now() - t0));`,
);
row('  floor: a module holding only glossary.json', `${floorImport.toFixed(1)} ms`, '', undefined);
const first = coldImport(
  `const t0 = performance.now(); const m = await import('./dist/index.js'); ` +
    `m.findTerms('CFG'); m.search('zl'); m.lookup('vae'); process.stdout.write(String(performance.now() - t0));`,
);
row('cold import + first findTerms/search/lookup', `${first.toFixed(1)} ms`, '', undefined);

// 4. Package size.
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json'], {
    cwd: pkgDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
row(
  `package size (${packed.entryCount} files)`,
  `${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked`,
  '',
  undefined,
);

// 5. Building a workspace glossary (what a language server does when one changes): pages in the
// built-in page's layout, a jargon table of 300 and of 2 000 rows and twenty sections.
const { buildGlossary } = await import(new URL('../dist/parser.js', import.meta.url).href);
const CJK_DIGITS = '零一二三四五六七八九';
const cjk = (n) => [...String(n)].map((d) => CJK_DIGITS[Number(d)]).join('');
function glossaryPage(rowCount) {
  const tableRows = Array.from(
    { length: rowCount },
    (_, i) =>
      `| term${i}/词条${cjk(i)} | 第 ${i} 个术语的解释，见 \`term${(i * 7) % rowCount}\`` +
      (i % 10 === 0 ? `，[文档](https://example.com/term${i}) ([Archive](https://web.archive.org/term${i}))` : '') +
      '。 |',
  );
  const sections = Array.from(
    { length: 20 },
    (_, s) =>
      `## 概念${cjk(s)} (Concept ${s})\n\n` +
      `概念 ${s} 的定义，一段较长的文字，说明它是什么。见 [说明](https://example.com/c${s})。\n\n` +
      '- 要点一\n- 要点二\n',
  );
  return [
    '---\noutline: [2, 3]\n---\n\n# 术语\n\n## 黑话\n\n| 缩写/术语 | 解释 |\n| --- | --- |',
    tableRows.join('\n'),
    '',
    sections.join('\n'),
  ].join('\n');
}
for (const rowCount of [300, 2000]) {
  const markdown = glossaryPage(rowCount);
  const build = () => {
    const t0 = performance.now();
    const result = buildGlossary({ markdown, markdownFile: 'sd-glossary.md', locale: 'und' });
    if (!result.glossary) throw new Error(result.issues[0]?.message);
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) build(); // warm up: the JIT, the schema compiled on first use
  const times = Array.from({ length: 5 }, build).sort((a, b) => a - b);
  row(
    `buildGlossary, a ${rowCount}-row page, median of 5`,
    `${times[2].toFixed(0)} ms (best ${times[0].toFixed(0)})`,
    '',
    undefined,
  );
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`@sd-glossary/data benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
for (const r of rows) console.log(`  ${r.what.padEnd(width)}  ${r.value.padEnd(34)} ${r.target.padEnd(12)} ${r.ok}`);
if (rows.some((r) => r.ok === 'MISSED')) process.exitCode = 1;

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { workerLoader } from './load-in-worker.js';
import { loadGlossary } from './load.js';

// The built worker (`pnpm build`), as the bin and the VS Code extension start it.
const BUILT_WORKER = fileURLToPath(new URL('../../dist/load-worker.cjs', import.meta.url));

const folder = join(tmpdir(), 'workspace');
const PAGE =
  '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n' +
  `| mytrigger | 我们的 [说明](https://example.com/a) <b>触发词</b> |\n| 另一个 | 第二个 |\n`;
const JSON_TEXT = '{ "locale": "und", "entries": [] }';

describe('workerLoader', () => {
  test('reads a glossary in the worker exactly as on this thread', async () => {
    const load = workerLoader(BUILT_WORKER);
    for (const [text, file] of [
      [PAGE, join(folder, 'sd-glossary.md')],
      [JSON_TEXT, join(folder, 'sd-glossary.json')],
    ] as const) {
      expect(await load(text, file, [folder])).toEqual(await loadGlossary(text, file, [folder]));
    }
    const { glossary } = await load(PAGE, join(folder, 'sd-glossary.md'), [folder]);
    expect(glossary?.entries.find((e) => e.headword === 'mytrigger')?.definition.markdown).toBe(
      `我们的 [说明](https://example.com/a) 触发词`,
    );
  });

  test('answers in the order asked', async () => {
    const load = workerLoader(BUILT_WORKER);
    const pages = Array.from({ length: 5 }, (_, i) => `## term${i}\n\n第 ${i} 个\n`);
    const results = await Promise.all(pages.map((page, i) => load(page, `/w/${i}.md`, ['/w'])));
    expect(results.map((r) => r.glossary?.entries[0]?.headword)).toEqual(['term0', 'term1', 'term2', 'term3', 'term4']);
  });

  test('a worker that fails turns its files into issues; the next file starts a new worker', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'sd-glossary-worker-')), 'worker.cjs');
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', ({ id, text, file }) => {
        if (text === 'throw') throw new Error('boom');
        if (text === 'exit') process.exit(3);
        const issues = [{ file, line: 2, column: 1, message: text }];
        parentPort.postMessage({ id, result: { glossary: undefined, issues } });
      });`,
    );
    const load = workerLoader(script);
    const issue = (file: string, line: number, message: string) => ({
      glossary: undefined,
      issues: [{ file, line, column: 1, message }],
    });
    expect(await load('throw', 'a.md', [])).toEqual(issue('a.md', 1, 'not read: the glossary reader failed (boom)'));
    expect(await load('fine', 'b.md', [])).toEqual(issue('b.md', 2, 'fine'));
    expect(await load('exit', 'c.md', [])).toEqual(
      issue('c.md', 1, 'not read: the glossary reader stopped (exit code 3)'),
    );
    expect(await load('fine again', 'd.md', [])).toEqual(issue('d.md', 2, 'fine again'));
  });
});

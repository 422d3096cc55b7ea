/**
 * The built `sd-glossary` command, run as a user runs it: hostile files get `file:line:col` lines and
 * the documented exit status, never a stack trace, within a small heap; a closed output pipe ends it
 * quietly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hostilePage } from './hostile-markdown.js';

const BIN = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const BUILT = readFileSync(new URL('../glossary.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'sd-glossary-cli-'));

/** Runs the bin on files written to a temporary folder, with a heap far below what the old failures took. */
function run(args: string[], files: Record<string, string> = {}): { status: number | null; out: string; err: string } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = spawnSync(process.execPath, ['--max-old-space-size=160', BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const STACK = /\n\s+at |node:internal|\.js:\d+:\d+/;

describe('validate: hostile pages are problems at file:line:col, exit 1', () => {
  test.each([
    ['20 000 nested quotes', `## a\n\n${'>'.repeat(20_000)} x\n`, 'g.md:3:1: quotes, lists or emphasis nested deeper'],
    ['a 30 000-column table', `## 黑话\n\n|${' x |'.repeat(30_000)}\n`, 'g.md:3:1: a line of 30,000 table cells'],
    ['nested emphasis', `## a\n\n${'*a _'.repeat(1500)}x${'_ a*'.repeat(1500)}\n`, 'g.md:1:1: the text of this'],
    ['a 1.2 MB page', `## a\n\n${'word '.repeat(240_000)}\n`, 'g.md:1:1: the page has 1,200,007 characters'],
  ])('%s', (_, page, first) => {
    const { status, out, err } = run(['validate', 'g.md'], { 'g.md': page });
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err.startsWith(first)).toBe(true);
    expect(err).not.toMatch(STACK);
  });

  test('JSON nested 100 000 deep', () => {
    const { status, err } = run(['validate', 'g.json'], { 'g.json': '['.repeat(100_000) });
    expect(status).toBe(1);
    expect(err).toBe(
      'g.json:1:65: JSON nested deeper than 64 levels; glossary files are read up to 64\ng.json: 1 problem\n',
    );
  });
});

test('whatever the page, validate answers 0 or 1 with file:line:col lines, in a 160 MB heap', () => {
  fc.assert(
    fc.property(hostilePage, (page) => {
      const { status, err } = run(['validate', 'random.md'], { 'random.md': page });
      expect([0, 1]).toContain(status);
      expect(err).not.toMatch(STACK);
      for (const line of err.trimEnd().split('\n').slice(0, -1)) expect(line).toMatch(/^random\.md:\d+:\d+: /);
    }),
    { numRuns: 15, endOnFailure: true },
  );
}, 120_000);

describe('validate: what a hover would drop from a valid JSON document', () => {
  test('a byte order mark does not make the built-in document invalid', () => {
    const { status, out } = run(['validate', 'bom.json'], { 'bom.json': `\uFEFF${BUILT}` });
    const count = (JSON.parse(BUILT) as { entries: unknown[] }).entries.length;
    expect([status, out]).toEqual([0, `bom.json: ok, ${count} entries\n`]);
  });

  test('HTML, images, command: links and a URL with a ")" are reported where they are written', () => {
    const doc = JSON.parse(BUILT) as { entries: Array<{ definition: { markdown: string }; links: unknown[] }> };
    doc.entries[0]!.definition.markdown =
      'see <img src=x onerror=alert(1)> [run](command:evil) ![i](https://e.com/i.png)';
    doc.entries[1]!.links = [{ title: 'Wiki', url: 'https://e.com/a)b' }];
    const text = JSON.stringify(doc, null, 2);
    const { status, err } = run(['validate', 'hostile.json'], { 'hostile.json': text });
    expect(status).toBe(1);
    const lines = err.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`hostile.json: ${lines.length - 1} problems`);
    const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
    const definition = `hostile.json:${lineOf('see <img')}:`;
    expect(lines.filter((l) => l.startsWith(definition)).join('\n')).toMatch(/HTML[\s\S]*command:|command:[\s\S]*HTML/);
    expect(lines.filter((l) => l.startsWith(definition)).join('\n')).toMatch(/image/);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^hostile.json:${lineOf('a)b')}:\\d+: link "Wiki"`)));
    expect(err).not.toMatch(STACK);
  });
});

describe('exit status and pipes', () => {
  test('scan with nothing found exits 1, as the usage says', () => {
    expect(run(['scan', 'plain.txt'], { 'plain.txt': 'nothing to see here\n' })).toEqual({
      status: 1,
      out: '0 term occurrences, 0 distinct entries in 1 file\n',
      err: '',
    });
  });

  test('a reader that stops early ends the command quietly with 0', async () => {
    writeFileSync(join(dir, 'many.md'), '炸炉 CFG VAE\n'.repeat(20_000));
    const child = spawn(process.execPath, [BIN, 'scan', 'many.md'], { cwd: dir, env: { ...process.env } });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    child.stdout.once('data', () => child.stdout.destroy()); // `| head -1`
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ status, err }).toEqual({ status: 0, err: '' });
  });
});

describe('export --out', () => {
  /** Every file under a directory with its bytes, by relative path. */
  const snapshot = (root: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [
          join(e.parentPath, e.name).slice(root.length + 1),
          readFileSync(join(e.parentPath, e.name), 'utf8'),
        ])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );

  test('writes the files, the same bytes on a second run, no temporary file left', () => {
    const first = run(['export', '--format', 'cspell', '--out', 'out1']);
    const second = run(['export', '--format', 'cspell', '--out', 'out2']);
    expect(first).toEqual({ status: 0, out: 'out1/cspell-ext.json\nout1/dict/sd-glossary.txt\n', err: '' });
    expect(second.status).toBe(0);
    const files = snapshot(join(dir, 'out1'));
    expect(Object.keys(files)).toEqual(['cspell-ext.json', 'dict/sd-glossary.txt']);
    expect(snapshot(join(dir, 'out2'))).toEqual(files);
  });

  test('an invalid --glossary writes nothing', () => {
    const page = '## 黑话\n\n| a | b |\n| --- | --- |\n| x | y | z |\n';
    const { status, out, err } = run(['export', '--format', 'vale', '--out', 'out3', '--glossary', 'bad.md'], {
      'bad.md': page,
    });
    expect({ status, out }).toEqual({ status: 1, out: '' });
    expect(err).toMatch(/^bad\.md:5:1: /);
    expect(existsSync(join(dir, 'out3'))).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { exportGlossary, type ExportedFile } from '../export/export-glossary.js';
import { getEntry, glossary } from '../index.js';
import { runCli, type CliIo } from './run.js';

function fakeIo(files: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT', path });
      return text;
    },
  };
  return io;
}

describe('lookup', () => {
  test('prints the entry with its forms, definition, links and source', async () => {
    const io = fakeIo();
    expect(await runCli(['lookup', 'cfg_scale'], io)).toBe(0);
    expect(io.out).toMatch(
      new RegExp(
        '^CFG {2}\\(cfg · concept\\)\\n {2}also: Classifier Free Guidance Scale, CFG Scale, 提示词相关性, ' +
          '无分类指导规模, Classifier Free Guidance, guidance_scale\\n',
      ),
    );
    expect(io.out).toContain('  link: 论文地址 <https://arxiv.org/abs/2207.12598>\n');
    expect(io.out).toContain(
      '  source: https://guide.novelai.dev/advanced/glossary#cfg (GFDL-1.3-or-later, © 2022 StableDiffusionBook)\n',
    );
    expect(io.err).toBe('');
  });

  test('an editorial entry says it is SD Glossary’s, with its references, not the book’s', async () => {
    const io = fakeIo();
    expect(await runCli(['lookup', 'LoRA'], io)).toBe(0);
    const lora = getEntry('lora')!;
    const tail = io.out
      .trimEnd()
      .split('\n')
      .slice(-(lora.references!.length + 1));
    expect(tail).toEqual([
      ...lora.references!.map((r) => `  reference: ${r.title} <${r.url}>`),
      `  editorial: SD Glossary, ${lora.sources[0].file}:${lora.sources[0].line} ` +
        '(GFDL-1.3-or-later, © 2026 SD Glossary contributors)',
    ]);
    expect(io.out).not.toContain('StableDiffusionBook');
  });

  test('--json prints the entries', async () => {
    const io = fakeIo();
    expect(await runCli(['lookup', '炸炉', '--json'], io)).toBe(0);
    expect((JSON.parse(io.out) as Array<{ id: string }>).map((e) => e.id)).toEqual(['overtrained']);
  });

  test('an unknown term exits 1 and suggests near forms', async () => {
    const io = fakeIo();
    expect(await runCli(['lookup', 'dream'], io)).toBe(1);
    expect(io.err).toBe('no entry for "dream"; did you mean: DreamBooth, DreamArtist\n');
  });
});

describe('search', () => {
  test('by pinyin initials', async () => {
    const io = fakeIo();
    expect(await runCli(['search', 'zl', '--limit', '1'], io)).toBe(0);
    expect(io.out).toBe('炸炉 [initials]  指训练过程中过度拟合，但炸炉前的日志插件可以提取二次训练\n');
  });

  test('--json', async () => {
    const io = fakeIo();
    expect(await runCli(['search', 'Dream', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual([
      expect.objectContaining({ id: 'dreambooth', form: 'DreamBooth', matchedBy: 'english', exact: false }),
      expect.objectContaining({ id: 'apt', form: 'DreamArtist', matchedBy: 'english', exact: false }),
    ]);
  });

  test('a bad --limit is a usage error', async () => {
    const io = fakeIo();
    expect(await runCli(['search', 'c', '--limit', 'many'], io)).toBe(2);
    expect(io.err).toMatch(/^sd-glossary: --limit takes a whole number from 1\n/);
  });
});

describe('scan', () => {
  const files = { 'a.toml': 'cfg_scale = 7\nclip_skip = 2 # 😀 VAE\n', 'b.md': '炸炉了' };

  test('prints file:line:column for every term, then a count', async () => {
    const io = fakeIo(files);
    expect(await runCli(['scan', 'a.toml', 'b.md'], io)).toBe(0);
    const lines = io.out.split('\n');
    expect(lines.map((l) => l.split('  → ')[0])).toEqual([
      'a.toml:1:1  cfg_scale',
      'a.toml:2:1  clip_skip',
      'a.toml:2:20  VAE',
      'b.md:1:1  炸炉',
      '4 term occurrences, 4 distinct entries in 2 files',
      '',
    ]);
  });

  test('--json gives UTF-16 offsets and ids', async () => {
    const io = fakeIo(files);
    expect(await runCli(['scan', 'a.toml', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual([
      { file: 'a.toml', line: 1, column: 1, start: 0, end: 9, text: 'cfg_scale', ids: ['cfg'] },
      { file: 'a.toml', line: 2, column: 1, start: 14, end: 23, text: 'clip_skip', ids: ['clip'] },
      { file: 'a.toml', line: 2, column: 20, start: 33, end: 36, text: 'VAE', ids: ['vae'] },
    ]);
  });

  test('an unreadable file exits 2', async () => {
    const io = fakeIo();
    expect(await runCli(['scan', 'missing.md'], io)).toBe(2);
    expect(io.err).toBe('sd-glossary: cannot read missing.md: ENOENT\n');
  });
});

describe('validate', () => {
  test('a good page', async () => {
    const io = fakeIo({ 'g.md': '## CFG\n\nClassifier Free Guidance Scale 的缩写。\n' });
    expect(await runCli(['validate', 'g.md'], io)).toBe(0);
    expect(io.out).toBe('g.md: ok, 1 entry\n');
  });

  test('a bad page: file:line:column errors and exit 1', async () => {
    const io = fakeIo({ 'g.md': '## 黑话\n\n| a | b |\n| --- | --- |\n| x | y | z |\n\n## 空\n' });
    expect(await runCli(['validate', 'g.md'], io)).toBe(1);
    expect(io.err).toBe(
      'g.md:5:1: table row has 3 cells; expected 2 (term | explanation)\n' +
        'g.md:7:1: "空" has no definition: write its explanation under the heading\n' +
        'g.md: 2 problems\n',
    );
  });

  test('a page with an overlay', async () => {
    const io = fakeIo({ 'g.md': '## CFG\n\n缩写。\n', 'o.json': '{"entries": {"cfg": {"headword": "CFX"}}}' });
    expect(await runCli(['validate', 'g.md', '--overlay', 'o.json'], io)).toBe(1);
    expect(io.err).toBe('o.json:1:34: overlay entry "cfg": no entry has the headword "CFX"\ng.md: 1 problem\n');
  });

  test('a JSON document', async () => {
    const io = fakeIo({ 'g.json': '{"$schema": "x", "locale": "zh-CN", "entries": [], "extra": 1}' });
    expect(await runCli(['validate', 'g.json'], io)).toBe(1);
    expect(io.err).toBe('g.json:1:52: schema: (top level): unknown property "extra"\ng.json: 1 problem\n');
  });

  test('another extension is a usage error', async () => {
    const io = fakeIo();
    expect(await runCli(['validate', 'g.yaml'], io)).toBe(2);
  });
});

describe('--locale', () => {
  test('lookup in English: the translation, with the original names', async () => {
    const io = fakeIo();
    expect(await runCli(['lookup', '炸炉', '--locale', 'en'], io)).toBe(0);
    expect(io.out.split('\n').slice(0, 3)).toEqual([
      'Overfitted training run  (overtrained · jargon · en, translated by SD Glossary)',
      '  also: 炸炉',
      '',
    ]);
  });

  test('search and scan summaries follow it', async () => {
    const search = fakeIo();
    expect(await runCli(['search', 'zl', '--limit', '1', '--locale', 'en-US'], search)).toBe(0);
    expect(search.out).toMatch(/^炸炉 \[initials\] {2}A training run that overfits/);
    const scan = fakeIo({ 'a.md': 'CFG' });
    expect(await runCli(['scan', 'a.md', '--locale', 'en'], scan)).toBe(0);
    expect(scan.out).toMatch(/^a\.md:1:1 {2}CFG {2}→ CFG: The term is short for Classifier Free Guidance Scale/);
  });

  test('an unknown locale is a usage error', async () => {
    const io = fakeIo();
    expect(await runCli(['lookup', 'cfg', '--locale', 'fr'], io)).toBe(2);
    expect(io.err).toMatch(/^sd-glossary: --locale takes zh-CN or en, not "fr"/);
  });
});

describe('usage', () => {
  test.each([[[]], [['frobnicate']], [['lookup']], [['lookup', 'a', 'b']], [['--nope']]])(
    '%j exits 2 with usage',
    async (argv) => {
      const io = fakeIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err).toContain('Usage: sd-glossary <command>');
    },
  );

  test('--help and --version exit 0', async () => {
    const help = fakeIo();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out).toContain('Usage: sd-glossary <command>');
    const version = fakeIo();
    expect(await runCli(['--version'], version)).toBe(0);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('export', () => {
  function exportIo(files: Record<string, string> = {}) {
    const written: Array<{ dir: string; files: readonly ExportedFile[] }> = [];
    const io = Object.assign(fakeIo(files), {
      written,
      writeFiles: async (dir: string, out: readonly ExportedFile[]) => {
        written.push({ dir, files: out });
        return out.map((f) => `${dir}/${f.path}`);
      },
    });
    return io;
  }
  const page = '## 黑话\n\n| 黑话 | 解释 |\n| --- | --- |\n| LoRA | 低秩适应，一种微调方法。 |\n';

  test('a one-file format prints to stdout', async () => {
    const io = exportIo();
    expect(await runCli(['export', '--format', 'textlint'], io)).toBe(0);
    expect(io.out).toBe(exportGlossary('textlint', [glossary])[0]!.text);
    expect(io.err).toBe('');
  });

  test('--out writes every file there and lists them', async () => {
    const io = exportIo();
    expect(await runCli(['export', '--format', 'cspell', '--out', 'dict'], io)).toBe(0);
    expect(io.written).toEqual([{ dir: 'dict', files: exportGlossary('cspell', [glossary]) }]);
    expect(io.out).toBe('dict/cspell-ext.json\ndict/dict/sd-glossary.txt\n');
  });

  test('--locale en exports the translations', async () => {
    const io = exportIo();
    expect(await runCli(['export', '--format', 'json', '--locale', 'en'], io)).toBe(0);
    expect(io.out).toBe(exportGlossary('json', [glossary], { locale: 'en' })[0]!.text);
    expect(io.out).toContain('"term": "Overfitted training run"');
  });

  test('--glossary files are read with the parser and merged after the built-in one', async () => {
    const io = exportIo({ 'team.md': page });
    expect(await runCli(['export', '--format', 'mkdocs-abbr', '--glossary', 'team.md'], io)).toBe(0);
    expect(io.out).toContain('*[LoRA]: LoRA: 低秩适应，一种微调方法。\n');
    expect(io.out).toContain('*[CFG]: CFG: ');
  });

  test('an invalid --glossary: its file:line:col issues, exit 1, nothing written', async () => {
    const io = exportIo({ 'team.md': page, 'bad.md': '## 黑话\n\n| a | b |\n| --- | --- |\n| x | y | z |\n' });
    const args = ['export', '--format', 'cspell', '--out', 'dict', '--glossary', 'team.md', '--glossary', 'bad.md'];
    expect(await runCli(args, io)).toBe(1);
    expect(io.err).toBe(
      'bad.md:5:1: table row has 3 cells; expected 2 (term | explanation)\nsd-glossary: 1 problem; nothing written\n',
    );
    expect(io.written).toEqual([]);
    expect(io.out).toBe('');
  });

  test.each([
    [['export'], 'export needs --format: cspell, vale, textlint, various-complements, mkdocs-abbr, json'],
    [['export', '--format', 'docx'], '--format takes cspell, vale, textlint, various-complements, mkdocs-abbr, json'],
    [['export', '--format', 'cspell'], '--format cspell writes several files: give a directory with --out'],
    [['export', '--format', 'json', 'extra'], 'export takes no arguments, not "extra"'],
    [['export', '--format', 'json', '--glossary', 'g.yaml'], '--glossary reads .md or .json files, not "g.yaml"'],
  ])('usage error: %j', async (args, message) => {
    const io = exportIo();
    expect(await runCli(args, io)).toBe(2);
    expect(io.err.split('\n')[0]).toMatch(new RegExp(`^sd-glossary: ${message.replace(/[.*+?()[\]]/g, '\\$&')}`));
    expect(io.written).toEqual([]);
  });

  test('an unreadable --glossary or an unwritable --out is exit 2', async () => {
    const missing = exportIo();
    expect(await runCli(['export', '--format', 'json', '--glossary', 'no.json'], missing)).toBe(2);
    expect(missing.err).toBe('sd-glossary: cannot read no.json: ENOENT\n');
    const io = Object.assign(fakeIo(), {
      writeFiles: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES', path: 'ro/sd-glossary.json' });
      },
    });
    expect(await runCli(['export', '--format', 'json', '--out', 'ro'], io)).toBe(2);
    expect(io.err).toBe('sd-glossary: cannot write ro/sd-glossary.json: EACCES\n');
  });
});

describe('lint', () => {
  const files = {
    'notes.md': 'A Lora and `lora` in code.\nDreambooth too.\n',
    'clean.txt': 'LoRA and DreamBooth.\n',
    'team.json': JSON.stringify({
      $schema: 'https://unpkg.com/@sd-glossary/data/schema.json',
      locale: 'zh-CN',
      entries: [
        {
          id: 'petals',
          headword: 'Petals',
          category: 'jargon',
          forms: [{ text: 'Petals', kind: 'headword', origin: 'page' }],
          summary: '我们的花瓣 LoRA',
          definition: { markdown: '我们的花瓣 LoRA', text: '我们的花瓣 LoRA' },
          links: [],
          seeAlso: [],
          sources: [{ file: 'team.json', line: 1, heading: 'Petals', anchor: 'petals' }],
          preferred: 'Petals',
          discouraged: ['petals'],
        },
      ],
    }),
  };
  const lintIo = () => {
    const written: Array<{ dir: string; files: readonly ExportedFile[] }> = [];
    return Object.assign(fakeIo(files), {
      written,
      writeFiles: async (dir: string, out: readonly ExportedFile[]) => {
        written.push({ dir, files: out });
        return out.map((f) => `${dir}/${f.path}`);
      },
    });
  };

  test('file:line:col for each discouraged spelling outside code, a count, exit 1', async () => {
    const io = lintIo();
    expect(await runCli(['lint', 'notes.md', 'clean.txt'], io)).toBe(1);
    expect(io.out).toBe('notes.md:1:3  Lora → LoRA\nnotes.md:2:1  Dreambooth → DreamBooth\n2 discouraged spellings\n');
  });

  test('nothing found: exit 0', async () => {
    const io = lintIo();
    expect(await runCli(['lint', 'clean.txt'], io)).toBe(0);
    expect(io.out).toBe('0 discouraged spellings\n');
  });

  test('--json', async () => {
    const io = lintIo();
    expect(await runCli(['lint', 'notes.md', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out)).toEqual([
      { file: 'notes.md', line: 1, column: 3, text: 'Lora', preferred: 'LoRA', id: 'lora' },
      { file: 'notes.md', line: 2, column: 1, text: 'Dreambooth', preferred: 'DreamBooth', id: 'dreambooth' },
    ]);
  });

  test('--fix writes the preferred spellings in place and exits 0', async () => {
    const io = lintIo();
    expect(await runCli(['lint', 'notes.md', 'clean.txt', '--fix'], io)).toBe(0);
    expect(io.written).toEqual([
      { dir: '.', files: [{ path: 'notes.md', text: 'A LoRA and `lora` in code.\nDreamBooth too.\n' }] },
    ]);
    expect(io.out.split('\n').at(-2)).toBe('fixed 2 in 1 file');
  });

  test('a team glossary (--glossary) adds its own spellings', async () => {
    const io = lintIo();
    expect(
      await runCli(
        ['lint', 'notes.md', '--glossary', 'team.json'],
        Object.assign(io, {
          readFile: async (path: string) =>
            path === 'notes.md' ? 'our petals LoRA\n' : files[path as keyof typeof files],
        }),
      ),
    ).toBe(1);
    expect(io.out).toBe('notes.md:1:5  petals → Petals\n1 discouraged spelling\n');
  });

  test('no files is a usage error; an unreadable one is exit 2', async () => {
    expect(await runCli(['lint'], lintIo())).toBe(2);
    const io = lintIo();
    expect(await runCli(['lint', 'missing.md'], io)).toBe(2);
    expect(io.err).toBe('sd-glossary: cannot read missing.md: ENOENT\n');
  });
});

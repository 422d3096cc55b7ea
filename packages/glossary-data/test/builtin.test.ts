/** Invariants over the whole built-in glossary, and its fidelity to the seed page. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { entries, findTerms, getEntry, glossary, lookup } from '../src/index.js';
import { formKeys, hasCjk } from '../src/tokenize.js';

const pageEntries = entries.filter((e) => e.origin !== 'editorial');
const editorialEntries = entries.filter((e) => e.origin === 'editorial');

describe('shape', () => {
  test('158 entries: the page’s 40 (21 rows, 21 sections), 54 from the book’s other pages, 64 editorial', () => {
    const glossaryPage = pageEntries.filter((e) => e.sources[0].file === 'source/glossary.zh-CN.md');
    const otherPages = pageEntries.filter((e) => e.sources[0].file.startsWith('source/book/'));
    expect(entries).toHaveLength(158);
    expect(glossaryPage).toHaveLength(40);
    expect(otherPages).toHaveLength(54);
    expect(editorialEntries).toHaveLength(64);
    const rows = glossaryPage.filter((e) => e.sources.some((s) => s.heading === '黑话'));
    const sections = glossaryPage.filter((e) => e.category === 'concept');
    expect(rows).toHaveLength(21);
    expect(sections).toHaveLength(21);
    expect(entries.filter((e) => e.gloss).map((e) => e.id)).toEqual(['latent-space', 'ldm']);
  });

  test('metadata: locale, licence with attribution, source page, version', () => {
    expect(glossary.locale).toBe('zh-CN');
    expect(glossary.license?.spdx).toBe('GFDL-1.3-or-later');
    expect(glossary.license?.notice).toContain('Copyright (C) 2022 StableDiffusionBook');
    expect(glossary.source?.url).toBe('https://guide.novelai.dev/advanced/glossary');
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
      version: string;
    };
    expect(glossary.version).toBe(pkg.version);
  });

  test('entries are sorted by id and ids are unique ASCII', () => {
    const ids = entries.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('invariants', () => {
  test('no surface form names two entries unless declared', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of entries)
      for (const f of e.forms) for (const k of formKeys(f.text)) owners.set(k, (owners.get(k) ?? new Set()).add(e.id));
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => [k, [...ids].sort()]);
    expect(shared).toEqual(glossary.sharedForms?.map((s) => [formKeys(s.form)[0], [...s.ids].sort()]));
  });

  test('definitions, summaries and forms are non-empty; summaries are one line', () => {
    for (const e of entries) {
      expect(e.definition.text.trim(), e.id).not.toBe('');
      expect(e.definition.markdown.trim(), e.id).not.toBe('');
      expect(e.summary, e.id).toMatch(/^\S.*\S$/);
      expect(e.summary, e.id).not.toContain('\n');
      expect(e.forms[0].text).toBe(e.headword);
    }
  });

  test('see-also ids resolve, and distinct senses point at each other', () => {
    for (const e of entries) for (const id of e.seeAlso) expect(getEntry(id), `${e.id} → ${id}`).toBeDefined();
    const pairs = [
      ['textual-inversion', 'embeddings'],
      ['loss', 'loss-function'],
    ] as const;
    for (const [a, b] of pairs) {
      expect(getEntry(a)!.seeAlso).toContain(b);
      expect(getEntry(b)!.seeAlso).toContain(a);
    }
  });

  test('every Chinese form has pinyin, and only those', () => {
    for (const e of entries) {
      for (const f of e.forms) {
        if (hasCjk(f.text)) {
          expect(f.pinyin, f.text).toBeDefined();
          expect(f.pinyin!.initials).toBe(
            f
              .pinyin!.full.split(' ')
              .map((s) => s[0])
              .join(''),
          );
        } else {
          expect(f.pinyin, f.text).toBeUndefined();
        }
      }
    }
    expect(getEntry('overtrained')!.forms[0].pinyin).toEqual({ full: 'zha lu', initials: 'zl' });
  });

  test('links are well-formed and archive mirrors are attached to their link', () => {
    for (const e of entries) {
      for (const l of e.links) {
        expect(() => new URL(l.url)).not.toThrow();
        if (l.archiveUrl) expect(l.archiveUrl).toMatch(/^https:\/\/web\.archive\.org\/web\/\d+\//);
      }
    }
    expect(getEntry('loss-function')!.links).toEqual([
      {
        title: '损失函数',
        url: 'https://fangkaipeng.com/?p=2056#header-id-16',
        archiveUrl: 'https://web.archive.org/web/20221102081512/https://fangkaipeng.com/?p=2056',
      },
    ]);
    expect(getEntry('vae')!.links[0]!.archiveUrl).toBe(
      'https://web.archive.org/web/20221120160430/http://www.gwylab.com/note-vae.html',
    );
    expect(getEntry('hyperparameter')!.links[0]!.url).toBe(
      'https://en.wikipedia.org/wiki/Hyperparameter_(machine_learning)',
    );
  });

  test('source locations point at the heading or row in the packaged markdown', () => {
    const lines = readFileSync(fileURLToPath(new URL('../source/glossary.zh-CN.md', import.meta.url)), 'utf8').split(
      '\n',
    );
    // The book's other pages are checked in book.test.ts.
    const onPage = (s: { file: string }): boolean => s.file === 'source/glossary.zh-CN.md';
    for (const e of pageEntries) {
      for (const s of e.sources.filter(onPage)) {
        const line = lines[s.line - 1]!;
        if (s.heading === '黑话') expect(line.startsWith('|'), `${e.id}: ${line}`).toBe(true);
        else expect(line, e.id).toMatch(new RegExp(`^#{2,3} ${s.heading.replace(/[()]/g, '\\$&')}$`));
        expect(s.url).toBe(`https://guide.novelai.dev/advanced/glossary#${encodeURIComponent(s.anchor)}`);
      }
    }
    expect(
      pageEntries.filter((e) => !e.sources.some(onPage)).every((e) => e.sources[0].file.startsWith('source/book/')),
    ).toBe(true);
    expect(getEntry('overfitting')!.sources[0].anchor).toBe('过拟合-overfitting');
    expect(getEntry('batch-size')!.sources[0].anchor).toBe('batch-size');
  });

  test('what SD Glossary added is marked editorial; names read from the page are marked page', () => {
    expect(getEntry('augmentation')!.forms.map((f) => [f.text, f.origin])).toEqual([
      ['aug', 'page'],
      ['augmentaion', 'page'],
      ['augmentation', 'editorial'],
      ['data augmentation', 'editorial'],
      ['数据增强', 'editorial'],
    ]);
  });
});

describe('editorial entries', () => {
  const editorialLines = readFileSync(
    fileURLToPath(new URL('../source/editorial.zh-CN.md', import.meta.url)),
    'utf8',
  ).split('\n');

  test.each(editorialEntries.map((e) => [e.id, e] as const))(
    '%s: marked editorial, cites a primary source, has English text',
    (_, e) => {
      expect(e.origin).toBe('editorial');
      expect(e.forms.every((f) => f.origin === 'editorial')).toBe(true);
      expect(e.category).toBe('concept');
      expect(e.references?.length).toBeGreaterThanOrEqual(1);
      for (const r of e.references!) {
        expect(r.url).toMatch(/^https?:\/\//);
        expect(() => new URL(r.url)).not.toThrow();
        expect(r.title.trim()).not.toBe('');
      }
      // The 来源 line is the entry's references, not part of its definition.
      expect(e.definition.markdown).not.toMatch(/来源[：:]/);
      expect(e.translations?.['en']?.definition.text.trim()).toBeTruthy();
      expect(e.sources).toHaveLength(1);
      const [source] = e.sources;
      expect(source.file).toBe('source/editorial.zh-CN.md');
      expect(source.url).toBeUndefined();
      expect(editorialLines[source.line - 1]).toBe(`## ${source.heading}`);
    },
  );

  test('the page’s entries are not editorial and cite no references', () => {
    for (const e of pageEntries) {
      expect(e.origin, e.id).toBeUndefined();
      expect(e.references, e.id).toBeUndefined();
    }
  });

  test('a book page is cited by its published address', () => {
    const bookRefs = editorialEntries.flatMap((e) => e.references!).filter((r) => r.url.includes('novelai.dev'));
    expect(bookRefs.length).toBeGreaterThan(0);
    for (const r of bookRefs)
      expect(r.url).toMatch(/^https:\/\/guide\.novelai\.dev\/(?:advanced|guide)\/[^.#]+(?:#\S+)?$/);
  });

  test.each([
    ['LoRA', 'lora'],
    ['lora', 'lora'],
    ['低秩适应', 'lora'],
    ['LyCORIS', 'lycoris'],
    ['LoCon', 'locon'],
    ['LoHa', 'loha'],
    ['ControlNet', 'controlnet'],
    ['SDXL', 'sdxl'],
    ['refiner', 'sdxl-refiner'],
    ['IP-Adapter', 'ip-adapter'],
    ['ADetailer', 'adetailer'],
    ['safetensors', 'safetensors'],
    ['DPM++ 2M', 'dpmpp-2m'],
    ['dpmpp_2m_sde', 'dpmpp-2m-sde'],
    ['DPM++ SDE', 'dpmpp-sde'],
    ['DPM++ 3M SDE', 'dpmpp-3m-sde'],
    ['UniPC', 'unipc'],
    ['Heun', 'heun'],
    ['LCM', 'lcm'],
    ['Karras', 'karras-scheduler'],
    ['exponential', 'exponential-scheduler'],
    ['normal', 'normal-scheduler'],
    ['simple', 'simple-scheduler'],
    ['sgm_uniform', 'sgm-uniform-scheduler'],
    ['触发词', 'trigger-word'],
    ['trigger words', 'trigger-word'],
    ['底模', 'base-model'],
    ['融合', 'model-merging'],
    ['炼丹', 'lian-dan'],
    ['出图', 'chu-tu'],
  ])('lookup(%j) → %s', (surface, id) => {
    expect(lookup(surface).map((e) => e.id)).toEqual([id]);
  });

  test('in running text: sampler and scheduler names, but not everyday words', () => {
    expect(findTerms('DPM++ 2M SDE Karras, 炼丹炸炉了').map((m) => [m.text, m.ids])).toEqual([
      ['DPM++ 2M SDE', ['dpmpp-2m-sde']],
      ['Karras', ['karras-scheduler']],
      ['炼丹', ['lian-dan']],
      ['炸炉', ['overtrained']],
    ]);
    expect(findTerms('a simple, normal, exponential 输出图像 融合')).toEqual([]);
  });

  test('the slang points at the page’s slang it explains, and back', () => {
    expect(getEntry('lian-dan')!.seeAlso).toEqual(['overtrained', 'failed-training']);
    expect(getEntry('overtrained')!.seeAlso).toContain('lian-dan');
    expect(getEntry('failed-training')!.seeAlso).toContain('lian-dan');
    expect(getEntry('lora')!.seeAlso).toEqual(expect.arrayContaining(['hypernetwork', 'dreambooth']));
  });
});

describe('fidelity to the seed page', () => {
  const seedPath = fileURLToPath(new URL('../../../../shared/seed/000_30fdf0a3543d4ac3.txt', import.meta.url));
  const seed = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : undefined;

  // Every seed term as the page writes it, and the entry it must find.
  test.each([
    ['oneshot', 'oneshot'],
    ['LAION', 'laion'],
    ['aug', 'augmentation'],
    ['augmentaion', 'augmentation'],
    ['ucg', 'ucg'],
    ['ML', 'machine-learning'],
    ['Latent Space', 'latent-space'],
    ['LDM', 'ldm'],
    ['NAI', 'novelai'],
    ['咒语', 'prompt'],
    ['念咒', 'prompt'],
    ['施法', 'txt2img'],
    ['吟唱', 'txt2img'],
    ['t2i', 'txt2img'],
    ['i2i', 'img2img'],
    ['魔杖', 'generation-parameters'],
    ['inpaint', 'inpaint'],
    ['outpaint', 'inpaint'],
    ['ti', 'textual-inversion'],
    ['emb', 'textual-inversion'],
    ['嵌入模型', 'textual-inversion'],
    ['hn', 'hypernetwork'],
    ['hyper', 'hypernetwork'],
    ['炸炉', 'overtrained'],
    ['废丹', 'failed-training'],
    ['美学', 'aesthetic-embeddings'],
    ['ext', 'aesthetic-embeddings'],
    ['db', 'dreambooth'],
    ['梦展', 'dreambooth'],
    ['ds', 'deepspeed'],
    ['8bit', 'bitsandbytes'],
    ['bsb', 'bitsandbytes'],
    ['损失', 'loss'],
    ['损失函数', 'loss-function'],
    ['潜在空间', 'latent-space'],
    ['过拟合', 'overfitting'],
    ['Overfitting', 'overfitting'],
    ['收敛', 'convergence'],
    ['Convergence', 'convergence'],
    ['ENSD', 'ensd'],
    ['CLIP', 'clip'],
    ['CUDA', 'cuda'],
    ['VAE', 'vae'],
    ['CFG', 'cfg'],
    ['超参数', 'hyperparameter'],
    ['Hyperparameter', 'hyperparameter'],
    ['管线', 'pipeline'],
    ['Pipeline', 'pipeline'],
    ['代次', 'epoch'],
    ['Epoch', 'epoch'],
    ['Batch size', 'batch-size'],
    ['迭代', 'iteration'],
    ['Iteration', 'iteration'],
    ['Tensor', 'tensor'],
    ['检查点', 'checkpoint'],
    ['Checkpoint', 'checkpoint'],
    ['Embeddings', 'embeddings'],
    ['激活函数', 'activation-function'],
    ['权重', 'weight'],
    ['Weight', 'weight'],
    // English names and expansions the page gives
    ['DreamBooth', 'dreambooth'],
    ['Textual Inversion', 'textual-inversion'],
    ['hypernetwork', 'hypernetwork'],
    ['txt2img', 'txt2img'],
    ['img2img', 'img2img'],
    ['DeepSpeed', 'deepspeed'],
    ['Bitsandbyte', 'bitsandbytes'],
    ['Bitsandbytes', 'bitsandbytes'],
    ['NovelAI', 'novelai'],
    ['Aesthetic Embeddings', 'aesthetic-embeddings'],
    ['Latent Diffusion Model', 'ldm'],
    ['Classifier Free Guidance Scale', 'cfg'],
    ['Classifier Free Guidance', 'cfg'],
    ['eta noise seed delta', 'ensd'],
    ['loss function', 'loss-function'],
    ['cost function', 'loss-function'],
    ['unconditional guidance', 'ucg'],
    ['Variational autoencoders', 'vae'],
  ])('lookup(%j) → %s', (surface, id) => {
    expect(lookup(surface).map((e) => e.id)).toContain(id);
  });

  const bookPath = fileURLToPath(
    new URL('../../../../shared/upstream/StableDiffusionBook/src/advanced/glossary.md', import.meta.url),
  );
  test.runIf(existsSync(bookPath))('source/glossary.zh-CN.md is the book’s page, byte for byte', () => {
    const source = readFileSync(fileURLToPath(new URL('../source/glossary.zh-CN.md', import.meta.url)));
    expect(source.equals(readFileSync(bookPath))).toBe(true);
  });

  // The seed was copied through a normalisation that made full-width punctuation ASCII (，→ , （）→ ()):
  // both sides are compared after NFKC, which does the same, with runs of spaces folded.
  const fold = (text: string): string => text.normalize('NFKC').replace(/ +/g, ' ');

  test.runIf(seed)('every line of the seed page text is in the definitions, unchanged', () => {
    const chrome = new Set([
      'Skip to content',
      '在这一页上',
      'Released under the GNU Free Documentation License.',
      '?',
      'text',
    ]);
    const headings = new Set(
      entries
        .flatMap((e) => e.sources.map((s) => s.heading))
        .concat('术语解释', '缩写/术语解释', '缩写解释')
        .map(fold),
    );
    const corpus = fold(
      entries
        .flatMap((e) => [e.definition.text, e.gloss?.text ?? '', e.sources.map((s) => s.heading).join('\n')])
        .join('\n'),
    );
    // A table row is rendered as its term cell and explanation run together.
    const rows = entries.flatMap((e) => {
      // A row's explanation is the first block of its entry's text (the book's further sections follow).
      const row = e.gloss ?? (e.category === 'jargon' ? e.definition : undefined);
      return row
        ? [
            {
              terms: e.forms.filter((f) => f.origin === 'page').map((f) => fold(f.text)),
              explanation: fold(row.text.split('\n\n')[0]!),
            },
          ]
        : [];
    });
    const missing: string[] = [];
    for (const raw of seed!.split('\n')) {
      const line = fold(raw.replace(/^\s*•\s*/, '')).trim();
      if (!line || chrome.has(line) || headings.has(line) || corpus.includes(line)) continue;
      if (rows.some((r) => r.terms.some((t) => line.startsWith(t)) && line.endsWith(r.explanation))) continue;
      missing.push(line);
    }
    expect(missing).toEqual([]);
  });
});

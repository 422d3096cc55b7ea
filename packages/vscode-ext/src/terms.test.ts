import { entries, getEntry } from '@sd-glossary/data';
import { describe, expect, test } from 'vitest';
import { termItems, termMarkdown } from './terms.js';

describe('Search Terms items', () => {
  const items = termItems(entries);

  test('one item per entry, headword as label, summary as detail', () => {
    expect(items).toHaveLength(entries.length);
    const item = items.find((i) => i.entry.id === 'overtrained')!;
    expect(item).toMatchObject({ label: '炸炉', description: 'zhalu · zl', detail: getEntry('overtrained')!.summary });
  });

  test('aliases, English names and pinyin are in the description, so the QuickPick filter finds them', () => {
    const item = items.find((i) => i.entry.id === 'dreambooth')!;
    expect(item.description).toBe('梦展 · DreamBooth · mengzhan · mz');
  });

  test('the detail follows the language; the English headword is searchable too', () => {
    const item = termItems(entries, 'en').find((i) => i.entry.id === 'overtrained')!;
    expect(item).toMatchObject({
      label: '炸炉',
      description: 'Overfitted training run · zhalu · zl',
      detail: getEntry('overtrained')!.translations!['en']!.summary,
    });
  });

  test('the preview markdown: definition, links, source and licence', () => {
    const markdown = termMarkdown(getEntry('vae')!, 'GFDL-1.3-or-later · © 2022 StableDiffusionBook');
    expect(
      markdown.startsWith('# VAE\n\n*Variational autoencoders · 变分自编码器 · variational autoencoder*\n\n'),
    ).toBe(true);
    expect(markdown).toContain(
      '- [变分自编码器](http://www.gwylab.com/note-vae.html) ([Archive](https://web.archive.org/web/20221120160430/http://www.gwylab.com/note-vae.html))',
    );
    expect(
      markdown.endsWith(
        'Source: [VAE](https://guide.novelai.dev/advanced/glossary#vae) · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
      ),
    ).toBe(true);
  });
});

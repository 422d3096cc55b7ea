import { describe, expect, test } from 'vitest';
import { at } from '../../test/cursor.js';
import { builtinGlossary } from '../builtin-glossary.js';
import { parseSettings } from '../settings.js';
import { createLanguageService } from './language-service.js';

const service = createLanguageService(builtinGlossary());
const hoverText = (marked: string, languageId: string, markdown: boolean): string => {
  const { document, position } = at(marked, languageId);
  const context = { settings: parseSettings({ locale: 'zh-CN' }), markdown };
  return (service.hover(document, position, context)!.contents as { value: string }).value;
};

describe('a sampler’s names in every tool, in its hover', () => {
  test('hovering a ComfyUI sampler_name in a workflow', () => {
    const value = hoverText('{ "sampler_name": "dpmpp_‸2m", "scheduler": "karras" }', 'json', true);
    expect(value.split('\n\n')).toContain(
      'A1111 `DPM++ 2M` · ComfyUI `dpmpp_2m` · diffusers `DPMSolverMultistepScheduler`',
    );
  });

  test('a tool without one shows a dash; plain text has no code marks', () => {
    const value = hoverText('Sampler: DPM++ 3M ‸SDE, Schedule type: Karras', 'plaintext', false);
    expect(value.split('\n\n')).toContain('A1111 DPM++ 3M SDE · ComfyUI dpmpp_3m_sde · diffusers —');
  });
});

import * as data from '@sd-glossary/data';
import { describe, expect, test } from 'vitest';
import { at } from '../../test/cursor.js';
import { builtinGlossary } from '../builtin-glossary.js';
import { parseSettings } from '../settings.js';
import { createLanguageService } from './language-service.js';

const service = createLanguageService(builtinGlossary(data));
const hoverText = (marked: string, languageId: string, markdown: boolean): string => {
  const { document, position } = at(marked, languageId);
  const context = { settings: parseSettings({ locale: 'zh-CN' }), markdown };
  return (service.hover(document, position, context)!.contents as { value: string }).value;
};

describe('a sampler’s or parameter’s names in every tool, in its hover', () => {
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

  test('hovering a diffusers argument in a config shows the parameter with its name in each tool', () => {
    const value = hoverText('{ "guidance_‸scale": 7.5, "num_inference_steps": 30 }', 'json', true);
    expect(value.split('\n\n')).toContain(
      'A1111 `CFG scale` · ComfyUI `KSampler.cfg` · diffusers `guidance_scale` · kohya `--scale`',
    );
  });

  test('a ComfyUI KSampler input hovers its parameter', () => {
    const value = hoverText('"inputs": { "seed": 1234, "steps": 28, "den‸oise": 0.4 }', 'json', false);
    expect(value.split('\n\n')).toContain(
      'A1111 Denoising strength · ComfyUI KSampler.denoise · diffusers strength · kohya --strength',
    );
  });
});

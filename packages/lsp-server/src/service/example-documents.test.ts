/**
 * Real documents of each kind: every SD key or value in them hovers with its entry, and documents of
 * the same formats that are not about SD hover nothing.
 */
import * as data from '@sd-glossary/data';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { builtinGlossary } from '../builtin-glossary.js';
import { parseSettings } from '../settings.js';
import { createLanguageService } from './language-service.js';

const service = createLanguageService(builtinGlossary(data));
const context = { settings: parseSettings({ locale: 'en' }), markdown: true };
const LANGUAGES: Record<string, string> = {
  txt: 'plaintext',
  json: 'json',
  toml: 'toml',
  yaml: 'yaml',
  md: 'markdown',
  prompt: 'sd-prompt',
};

function open(path: string): TextDocument {
  const text = readFileSync(new URL(`../../test/examples/${path}`, import.meta.url), 'utf8');
  return TextDocument.create(`file:///examples/${path}`, LANGUAGES[path.split('.').at(-1)!]!, 1, text);
}

/** Every place that hovers, in order: its text and the hover's first line (the entry's names). */
function hovers(document: TextDocument): Array<[string, string]> {
  const places = service
    .documentSymbols(document, context)
    .flatMap((symbol) => symbol.children!)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const seen = new Set<string>();
  return places.flatMap((use) => {
    const key = `${use.range.start.line}:${use.range.start.character}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const hover = service.hover(document, use.range.start, context)!;
    const header = (hover.contents as { value: string }).value.split('\n')[0]!;
    return [[document.getText(use.range), /^\*\*(.+?)\*\*/.exec(header)![1]!]];
  });
}

describe('SD documents: every SD key and value hovers with its entry', () => {
  test('an A1111 infotext', () => {
    expect(hovers(open('infotext.txt'))).toEqual([
      ['Negative prompt', 'Negative prompt'],
      ['Steps', 'Sampling steps'],
      ['Sampler', 'Sampler'],
      ['DPM++ 2M', 'DPM++ 2M'],
      ['Schedule type', 'Schedule type'],
      ['Karras', 'Karras scheduler'],
      ['CFG scale', 'CFG'],
      ['Seed', 'Seed'],
      ['Size', 'Image size'],
      ['Model', 'Checkpoint'],
      ['Denoising strength', 'Denoising strength'],
      ['Clip skip', 'CLIP'],
      ['ENSD', 'ENSD'],
      ['Hires', 'Hires. fix'],
      ['Hires', 'Hires. fix'],
      ['upscaler', 'Upscaler'],
      ['Latent', 'Latent space'],
    ]);
  });

  test('a ComfyUI API workflow: KSampler, CheckpointLoaderSimple, EmptyLatentImage, CLIPTextEncode, LoraLoader', () => {
    expect(hovers(open('comfyui-workflow.json'))).toEqual([
      ['Sampler', 'Sampler'],
      ['seed', 'Seed'],
      ['steps', 'Sampling steps'],
      ['cfg', 'CFG'],
      ['sampler_name', 'Sampler'],
      ['dpmpp_2m', 'DPM++ 2M'],
      // diffusers and ComfyUI mean different things by it: the hover shows both.
      ['scheduler', 'Sampler'],
      ['karras', 'Karras scheduler'],
      ['denoise', 'Denoising strength'],
      ['model', 'Checkpoint'],
      ['Checkpoint', 'Checkpoint'],
      ['ckpt', 'Checkpoint'],
      ['safetensors', 'safetensors'],
      ['width', 'Image size'],
      ['height', 'Image size'],
      ['batch_size', 'Batch size'],
      ['CLIPText', 'Text Encoder'],
      ['clip', 'CLIP'],
      ['CLIPText', 'Text Encoder'],
      ['clip', 'CLIP'],
      ['Lora', 'LoRA'],
      ['lora', 'LoRA'],
      ['safetensors', 'safetensors'],
      ['clip', 'CLIP'],
      ['model', 'Checkpoint'],
      ['clip', 'CLIP'],
    ]);
  });

  test('diffusers: scheduler_config.json and model_index.json', () => {
    expect(hovers(open('scheduler_config.json'))).toEqual([
      ['Euler', 'Euler'],
      ['prediction_type', 'v-prediction'],
      ['karras', 'Karras scheduler'],
    ]);
    expect(hovers(open('model_index.json'))).toEqual([
      ['StableDiffusion', 'Stable Diffusion'],
      ['Pipeline', 'Pipeline'],
      ['CLIP', 'CLIP'],
      ['stable_diffusion', 'Stable Diffusion'],
      ['StableDiffusion', 'Stable Diffusion'],
      ['scheduler', 'Sampler'],
      ['text_encoder', 'Text Encoder'],
      ['CLIPText', 'Text Encoder'],
      ['CLIP', 'CLIP'],
      ['unet', 'UNet'],
      ['UNet', 'UNet'],
      ['vae', 'VAE'],
    ]);
  });

  test('a kohya LoRA training config', () => {
    expect(hovers(open('lora-training.toml'))).toEqual([
      ['pretrained_model_name_or_path', 'Base model'],
      ['stable-diffusion', 'Stable Diffusion'],
      ['lora', 'LoRA'],
      ['network_dim', 'LoRA rank'],
      ['network_alpha', 'LoRA alpha'],
      ['optimizer_type', 'Optimizer'],
      ['AdamW', 'Optimizer'],
      ['8bit', '8-bit'],
      ['learning_rate', 'Learning rate'],
      ['batch_size', 'Batch size'],
      ['epochs', 'Epoch'],
      ['clip_skip', 'CLIP'],
      ['noise_offset', 'Noise offset'],
      ['min_snr_gamma', 'Min-SNR weighting'],
      ['xformers', 'xformers'],
      ['seed', 'Seed'],
      ['gradient_accumulation_steps', 'Accumulation steps'],
    ]);
  });

  test('a wildcards prompt file: its syntax names its entries', () => {
    expect(hovers(open('wildcards.prompt'))).toEqual([
      ['__artists__', 'Wildcards'],
      ['(best quality:1.2)', 'Emphasis'],
      ['{day|night}', 'Wildcards'],
      ['<lora:add_detail:0.6>', 'LoRA'],
      ['[sketch:painting:0.4]', 'Prompt editing'],
      ['BREAK', 'BREAK'],
      ['[cat|dog]', 'Alternating words'],
      ['embedding:EasyNegative', 'Textual Inversion'],
      ['AND', 'Composable Diffusion'],
    ]);
  });

  test('a Chinese tutorial paragraph', () => {
    expect(hovers(open('tutorial.zh-CN.md'))).toEqual([
      ['Euler a', 'Euler a'],
      ['采样器', 'Sampler'],
      ['CFG', 'CFG'],
      ['种子', 'Seed'],
      ['炸炉', 'Overfitted training run'],
      ['学习率', 'Learning rate'],
      ['迭代步数', 'Sampling steps'],
      ['高清修复', 'Hires. fix'],
      ['降噪强度', 'Denoising strength'],
    ]);
  });
});

describe('documents of the same formats that are not about SD hover nothing', () => {
  test.each(['package.json', 'ci.yaml', 'Cargo.toml', 'README.md', 'notes.txt', '说明.md'])('%s', (name) => {
    expect(hovers(open(`plain/${name}`))).toEqual([]);
  });
});

describe('a config is judged again when its start changes', () => {
  test('steps hovers once the document names SD keys', () => {
    const uri = 'file:///examples/edited.json';
    const position = { line: 0, character: 3 };
    const before = TextDocument.create(uri, 'json', 1, '{"steps": 3}');
    expect(service.hover(before, position, context)).toBeNull();
    const after = TextDocument.create(uri, 'json', 2, '{"steps": 3, "cfg": 7, "sampler_name": "euler"}');
    expect((service.hover(after, position, context)!.contents as { value: string }).value).toMatch(
      /^\*\*Sampling steps\*\*/,
    );
  });
});

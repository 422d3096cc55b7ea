/**
 * Samplers and schedulers carry their names in A1111, ComfyUI and diffusers (curated in the overlay
 * from A1111's sd_samplers_*.py and sd_schedulers.py, ComfyUI's comfy/samplers.py and diffusers'
 * scheduler overview), generation parameters their infotext key, node input, pipeline argument and
 * kohya option, or say which tool has none; the names people type find their entry.
 */
import { expect, test } from 'vitest';
import { entries, lookup } from '../src/index.js';

test('the curated tool names, with null where a tool has none', () => {
  expect(entries.filter((e) => e.toolNames).map((e) => [e.id, e.toolNames])).toEqual([
    ['dpmpp-2m', { a1111: 'DPM++ 2M', comfyui: 'dpmpp_2m', diffusers: 'DPMSolverMultistepScheduler' }],
    [
      'dpmpp-2m-sde',
      {
        a1111: 'DPM++ 2M SDE',
        comfyui: 'dpmpp_2m_sde',
        diffusers: 'DPMSolverMultistepScheduler(algorithm_type="sde-dpmsolver++")',
      },
    ],
    ['dpmpp-3m-sde', { a1111: 'DPM++ 3M SDE', comfyui: 'dpmpp_3m_sde', diffusers: null }],
    ['dpmpp-sde', { a1111: 'DPM++ SDE', comfyui: 'dpmpp_sde', diffusers: 'DPMSolverSinglestepScheduler' }],
    [
      'exponential-scheduler',
      {
        a1111: 'Exponential',
        comfyui: 'exponential',
        diffusers: 'timestep_spacing="linspace", use_exponential_sigmas=True',
      },
    ],
    ['heun', { a1111: 'Heun', comfyui: 'heun', diffusers: 'HeunDiscreteScheduler' }],
    ['karras-scheduler', { a1111: 'Karras', comfyui: 'karras', diffusers: 'use_karras_sigmas=True' }],
    ['lcm', { a1111: 'LCM', comfyui: 'lcm', diffusers: 'LCMScheduler' }],
    ['normal-scheduler', { a1111: 'Normal', comfyui: 'normal', diffusers: null }],
    [
      'sgm-uniform-scheduler',
      { a1111: 'SGM Uniform', comfyui: 'sgm_uniform', diffusers: 'timestep_spacing="trailing"' },
    ],
    ['simple-scheduler', { a1111: 'Simple', comfyui: 'simple', diffusers: 'timestep_spacing="trailing"' }],
    ['unipc', { a1111: 'UniPC', comfyui: 'uni_pc', diffusers: 'UniPCMultistepScheduler' }],
  ]);
});

test('the A1111 label and the ComfyUI value of each sampler and scheduler find its entry', () => {
  for (const entry of entries.filter((e) => e.toolNames && e.toolNames.kohya === undefined)) {
    for (const name of [entry.toolNames!.a1111, entry.toolNames!.comfyui]) {
      expect([name, lookup(name!).map((e) => e.id)]).toEqual([name, expect.arrayContaining([entry.id])]);
    }
  }
});

test('a generation parameter’s A1111 infotext key finds its entry', () => {
  const parameters = entries.filter((e) => e.toolNames?.kohya !== undefined);
  expect(parameters.length).toBeGreaterThanOrEqual(12);
  for (const { id, toolNames } of parameters) {
    const key = toolNames!.a1111;
    if (key === null || key.startsWith('--')) continue;
    expect([key, lookup(key).map((e) => e.id)]).toEqual([key, expect.arrayContaining([id])]);
  }
});

test.each([
  ['guidance_scale', 'cfg'],
  ['cfg', 'cfg'],
  ['num_inference_steps', 'sampling-steps'],
  ['steps', 'sampling-steps'],
  ['sampler_name', 'sampler'],
  ['denoise', 'denoising-strength'],
  ['strength', 'denoising-strength'],
  ['num_images_per_prompt', 'batch-size'],
  ['batch_size', 'batch-size'],
  ['negative_prompt', 'negative-prompt'],
  ['n_iter', 'batch-count'],
  ['seed', 'seed'],
])('the parameter name %j in a config finds %s', (name, id) => {
  expect(lookup(name).map((e) => e.id)).toContain(id);
});

test('generic node inputs are no form of a parameter', () => {
  for (const name of ['text', 'negative', 'generator']) expect([name, lookup(name)]).toEqual([name, []]);
});

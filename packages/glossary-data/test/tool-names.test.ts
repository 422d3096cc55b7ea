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
    ['align-your-steps', { a1111: 'Align Your Steps', comfyui: null, diffusers: null }],
    ['batch-count', { a1111: 'Batch count', comfyui: null, diffusers: null, kohya: '--n_iter' }],
    [
      'batch-size',
      {
        a1111: 'Batch size',
        comfyui: 'EmptyLatentImage.batch_size',
        diffusers: 'num_images_per_prompt',
        kohya: '--train_batch_size',
      },
    ],
    [
      'beta-scheduler',
      { a1111: 'Beta', comfyui: 'beta', diffusers: 'timestep_spacing="linspace", use_beta_sigmas=True' },
    ],
    ['cfg', { a1111: 'CFG scale', comfyui: 'KSampler.cfg', diffusers: 'guidance_scale', kohya: '--scale' }],
    [
      'checkpoint',
      {
        a1111: 'Model',
        comfyui: 'CheckpointLoaderSimple.ckpt_name',
        diffusers: 'from_pretrained(pretrained_model_name_or_path)',
        kohya: '--pretrained_model_name_or_path',
      },
    ],
    ['ddim', { a1111: 'DDIM', comfyui: 'ddim', diffusers: 'DDIMScheduler' }],
    ['ddpm', { a1111: null, comfyui: 'ddpm', diffusers: 'DDPMScheduler' }],
    ['deis', { a1111: null, comfyui: 'deis', diffusers: 'DEISMultistepScheduler' }],
    [
      'denoising-strength',
      { a1111: 'Denoising strength', comfyui: 'KSampler.denoise', diffusers: 'strength', kohya: '--strength' },
    ],
    ['dpm-adaptive', { a1111: 'DPM adaptive', comfyui: 'dpm_adaptive', diffusers: null }],
    ['dpm-fast', { a1111: 'DPM fast', comfyui: 'dpm_fast', diffusers: null }],
    ['dpm2', { a1111: 'DPM2', comfyui: 'dpm_2', diffusers: 'KDPM2DiscreteScheduler' }],
    ['dpm2-a', { a1111: 'DPM2 a', comfyui: 'dpm_2_ancestral', diffusers: 'KDPM2AncestralDiscreteScheduler' }],
    ['dpmpp-2m', { a1111: 'DPM++ 2M', comfyui: 'dpmpp_2m', diffusers: 'DPMSolverMultistepScheduler' }],
    [
      'dpmpp-2m-sde',
      {
        a1111: 'DPM++ 2M SDE',
        comfyui: 'dpmpp_2m_sde',
        diffusers: 'DPMSolverMultistepScheduler(algorithm_type="sde-dpmsolver++")',
      },
    ],
    ['dpmpp-2s-a', { a1111: 'DPM++ 2S a', comfyui: 'dpmpp_2s_ancestral', diffusers: null }],
    ['dpmpp-3m-sde', { a1111: 'DPM++ 3M SDE', comfyui: 'dpmpp_3m_sde', diffusers: null }],
    ['dpmpp-sde', { a1111: 'DPM++ SDE', comfyui: 'dpmpp_sde', diffusers: 'DPMSolverSinglestepScheduler' }],
    ['ensd', { a1111: 'ENSD', comfyui: null, diffusers: null, kohya: null }],
    ['euler', { a1111: 'Euler', comfyui: 'euler', diffusers: 'EulerDiscreteScheduler' }],
    ['euler-a', { a1111: 'Euler a', comfyui: 'euler_ancestral', diffusers: 'EulerAncestralDiscreteScheduler' }],
    [
      'exponential-scheduler',
      {
        a1111: 'Exponential',
        comfyui: 'exponential',
        diffusers: 'timestep_spacing="linspace", use_exponential_sigmas=True',
      },
    ],
    ['heun', { a1111: 'Heun', comfyui: 'heun', diffusers: 'HeunDiscreteScheduler' }],
    ['hires-fix', { a1111: 'Hires. fix', comfyui: null, diffusers: null, kohya: '--highres_fix_scale' }],
    [
      'image-size',
      { a1111: 'Size', comfyui: 'EmptyLatentImage.width/height', diffusers: 'width, height', kohya: '--W, --H' },
    ],
    ['karras-scheduler', { a1111: 'Karras', comfyui: 'karras', diffusers: 'use_karras_sigmas=True' }],
    ['lcm', { a1111: 'LCM', comfyui: 'lcm', diffusers: 'LCMScheduler' }],
    ['lms', { a1111: 'LMS', comfyui: 'lms', diffusers: 'LMSDiscreteScheduler' }],
    [
      'negative-prompt',
      { a1111: 'Negative prompt', comfyui: 'KSampler.negative', diffusers: 'negative_prompt', kohya: null },
    ],
    ['normal-scheduler', { a1111: 'Normal', comfyui: 'normal', diffusers: null }],
    ['plms', { a1111: 'PLMS', comfyui: null, diffusers: 'PNDMScheduler(skip_prk_steps=True)' }],
    ['prompt', { a1111: 'Prompt', comfyui: 'CLIPTextEncode.text', diffusers: 'prompt', kohya: '--prompt' }],
    ['restart', { a1111: 'Restart', comfyui: null, diffusers: null }],
    [
      'sampler',
      { a1111: 'Sampler', comfyui: 'KSampler.sampler_name', diffusers: 'pipe.scheduler', kohya: '--sampler' },
    ],
    [
      'sampling-steps',
      { a1111: 'Steps', comfyui: 'KSampler.steps', diffusers: 'num_inference_steps', kohya: '--steps' },
    ],
    ['schedule-type', { a1111: 'Schedule type', comfyui: 'KSampler.scheduler', diffusers: null, kohya: null }],
    [
      'seed',
      {
        a1111: 'Seed',
        comfyui: 'KSampler.seed',
        diffusers: 'generator=torch.Generator().manual_seed(seed)',
        kohya: '--seed',
      },
    ],
    [
      'sgm-uniform-scheduler',
      { a1111: 'SGM Uniform', comfyui: 'sgm_uniform', diffusers: 'timestep_spacing="trailing"' },
    ],
    ['simple-scheduler', { a1111: 'Simple', comfyui: 'simple', diffusers: 'timestep_spacing="trailing"' }],
    ['unipc', { a1111: 'UniPC', comfyui: 'uni_pc', diffusers: 'UniPCMultistepScheduler' }],
    ['vae', { a1111: 'VAE', comfyui: 'VAELoader.vae_name', diffusers: 'vae', kohya: '--vae' }],
    ['variation-seed', { a1111: 'Variation seed', comfyui: null, diffusers: null, kohya: null }],
    [
      'xformers',
      {
        a1111: '--xformers',
        comfyui: '--disable-xformers',
        diffusers: 'enable_xformers_memory_efficient_attention()',
        kohya: '--xformers',
      },
    ],
  ]);
});

test('the A1111 label and the ComfyUI value of each sampler and scheduler find its entry', () => {
  for (const entry of entries.filter((e) => e.toolNames && e.toolNames.kohya === undefined)) {
    for (const name of [entry.toolNames!.a1111, entry.toolNames!.comfyui]) {
      if (name === null) continue;
      expect([name, lookup(name).map((e) => e.id)]).toEqual([name, expect.arrayContaining([entry.id])]);
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

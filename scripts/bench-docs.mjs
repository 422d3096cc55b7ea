/**
 * The realistic documents the benchmarks read: built from pieces in a deterministic order, so every
 * run and every benchmark reads the same text.
 */
import { prng } from './prng.mjs';

/**
 * Joins pieces, picked by a seeded PRNG, into lines until the text has a size.
 * @param {number} targetBytes - the size in UTF-8 bytes.
 * @param {Array<(i: number) => string>} pieces - line makers, given the line number.
 * @param {number} seed
 * @returns {string}
 */
export function buildDoc(targetBytes, pieces, seed) {
  const rand = prng(seed);
  const out = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const piece = pieces[Math.floor(rand() * pieces.length)](out.length);
    out.push(piece);
    bytes += Buffer.byteLength(piece) + 1;
  }
  return out.join('\n');
}

/**
 * A mixed Chinese/English markdown note of a size: headings, glossary definitions, prose, A1111
 * parameter lines, an indented prompt, links.
 * @param {number} bytes
 * @param {readonly string[]} definitions - lines of definition text (the glossary's own).
 * @returns {string}
 */
export function markdownDoc(bytes, definitions) {
  return buildDoc(
    bytes,
    [
      (i) => `## 第 ${i} 节：训练笔记`,
      (i) => definitions[i % definitions.length],
      () => 'The quick brown fox jumps over the lazy dog while the sampler runs for thirty steps.',
      () => 'Steps: 28, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x768, Clip skip: 2, ENSD: 31337',
      () => '    masterpiece, (cherry tree:1.2), [blurry], <lora:petals:0.8>, __wildcards/flowers__',
      () => '用 db 训练的模型炸炉了，损失函数一直不收敛，换成 8bit 优化器以后显存够用了。',
      () => 'See [the paper](https://arxiv.org/abs/2207.12598) and <https://example.com/sd-vae-ft-mse>.',
    ],
    1,
  );
}

/**
 * A small deterministic PRNG (mulberry32) for the benchmarks: every run builds the same documents
 * and asks at the same positions.
 * @param {number} seed
 * @returns {() => number} a function returning numbers in [0, 1)
 */
export function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

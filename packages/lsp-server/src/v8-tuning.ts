// V8 flags the server sets for itself at start. A language server lives for hours beside the
// editor and answers small requests: its footprint and its slowest answers matter more than peak
// throughput. Each flag is read by V8 when it decides, not only when the process starts, so
// `v8.setFlagsFromString` takes effect from the bin (measured with `pnpm bench`). A flag V8 does
// not know is not an error but a line on stderr ("Error: unrecognized flag"), so each flag names
// the V8 versions that have it.

/**
 * The flags, each with why:
 * - `--semi-space-growth-factor=1`: the young generation keeps its initial size. V8 doubles it
 *   (up to 16 MB a semi-space) each time as many bytes have survived collections since the last
 *   doubling as it holds; in a server every cached line and every edited block counts, so after a
 *   few thousand requests it is at its largest (+12 MB resident), though what the server keeps
 *   grows by a few megabytes. Minor collections become more frequent and stay short (~0.5 ms).
 * - `--no-turbo-inlining`: the optimising compiler compiles each function on its own. With
 *   inlining its work memory, allocated on V8's background threads, left ~10 MB in their malloc
 *   arenas; without it, ~4 MB, at the same request latencies.
 * - `--interrupt-budget=16384` (V8's default: 67584): functions are optimised after a quarter of
 *   the work. By default the optimising compiler was still busy a thousand requests into a
 *   session, and its work on a background thread, on a 2-core machine, delayed answers: in
 *   back-to-back sessions on the 5 MB markdown document the hover p99 was 2.1–2.5 ms, and
 *   0.9–1.1 ms with this flag (the median 0.19–0.22 → 0.14–0.19 ms). V8 11 (Node 20) only: V8 12
 *   (Node 22) and later count invocations instead, with Maglev in between; not measured there.
 */
const FLAGS: ReadonlyArray<{ readonly flag: string; readonly v8Majors?: readonly number[] }> = [
  // Checked in V8 11.3, 12.4 and 13.6 (Node 20, 22, 24) with `node --v8-options`.
  { flag: '--semi-space-growth-factor=1' },
  { flag: '--no-turbo-inlining' },
  { flag: '--interrupt-budget=16384', v8Majors: [11] },
];

/** The name of a V8 flag as the command line may spell it (`--no-x`, `--x=1`, `_` or `-`). */
function flagName(flag: string): string {
  return flag
    .replace(/^--(no-?)?/, '')
    .replace(/=.*$/, '')
    .replace(/_/g, '-');
}

/**
 * The flags to set: those this V8 has, leaving out any the user set on the command line or in
 * `NODE_OPTIONS`.
 * @param execArgv - `process.execArgv`.
 * @param env - the environment (`NODE_OPTIONS`).
 * @param v8Version - `process.versions.v8`.
 * @returns the flags, for `v8.setFlagsFromString` one by one.
 */
export function serverV8Flags(execArgv: readonly string[], env: NodeJS.ProcessEnv, v8Version: string): string[] {
  const major = Number.parseInt(v8Version, 10);
  const given = new Set(
    [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].filter((a) => a.startsWith('--')).map(flagName),
  );
  return FLAGS.filter(
    ({ flag, v8Majors }) => (v8Majors === undefined || v8Majors.includes(major)) && !given.has(flagName(flag)),
  ).map(({ flag }) => flag);
}

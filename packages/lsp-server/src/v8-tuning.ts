// V8 flags the server sets for itself at start. A language server lives for hours beside the
// editor and answers small requests: its footprint and its slowest answers matter more than peak
// throughput. Each flag is read by V8 when it decides, not only when the process starts, so
// `v8.setFlagsFromString` takes effect from the bin (measured with `pnpm bench`).

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
 *   0.9–1.1 ms with this flag (the median 0.19–0.22 → 0.14–0.19 ms).
 */
const FLAGS = ['--semi-space-growth-factor=1', '--no-turbo-inlining', '--interrupt-budget=16384'];

/** The name of a V8 flag as the command line may spell it (`--no-x`, `--x=1`, `_` or `-`). */
function flagName(flag: string): string {
  return flag.replace(/^--(no-?)?/, '').replace(/=.*$/, '').replace(/_/g, '-');
}

/**
 * The flags to set, leaving out any the user set on the command line or in `NODE_OPTIONS`.
 * @param execArgv - `process.execArgv`.
 * @param env - the environment (`NODE_OPTIONS`).
 * @returns the flags, for `v8.setFlagsFromString` one by one.
 */
export function serverV8Flags(execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const given = new Set([...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].filter((a) => a.startsWith('--')).map(flagName));
  return FLAGS.filter((flag) => !given.has(flagName(flag)));
}

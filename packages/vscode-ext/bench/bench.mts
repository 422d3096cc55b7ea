// Benchmarks of the extension: .vsix size, the bundled server's start, and, in a real VS Code
// (code-server + Chromium, as in the end-to-end test), the time from opening a markdown file (which
// activates the extension) to the first hover answered. Run after `pnpm package`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eTools, startVsCode } from '../test/vscode-session.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const vsix = join(here, `${name}-${version}.vsix`);

async function serverStart(): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(here, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    times.push(performance.now() - t0);
    child.kill();
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** Why the real-VS-Code part cannot run here, if it cannot. */
function missing(): string | undefined {
  if (!existsSync(vsix)) return `no ${name}-${version}.vsix: run \`pnpm package\` (or \`pnpm test\`) first`;
  try {
    e2eTools();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const runs: number[] = [];
const ready: number[] = [];
const skipped = missing();
for (let r = 0; r < (skipped ? 0 : 3); r++) {
  const session = await startVsCode(
    vsix,
    join(here, 'test', 'workspace'),
    join(here, '..', '..', 'reports', 'vscode-bench'),
  );
  try {
    await session.open('notes.md');
    const opened = performance.now();
    await session.goToText('notes.md', '炸炉');
    await session.hover('指训练过程中过度拟合');
    runs.push(performance.now() - opened);
    const logged = /server ready (\d+) ms after activation/.exec(session.logs('SD Glossary'));
    if (logged) ready.push(Number(logged[1]));
  } finally {
    await session.close();
  }
}
runs.sort((a, b) => a - b);
ready.sort((a, b) => a - b);
console.log(`sd-glossary extension benchmark (median of 3 fresh VS Code sessions)`);
if (skipped) console.log(`  in a real VS Code: skipped, ${skipped}`);
else {
  const median = ready.length ? ready[Math.floor(ready.length / 2)]! : undefined;
  const verdict = median === undefined ? '' : median < 300 ? ' ok' : ' MISSED';
  console.log(
    "  activation → server ready, hovers answered (from the extension's log)  " +
      `${median === undefined ? 'not logged' : `${median} ms`}  (target < 300 ms)${verdict}`,
  );
  console.log(
    `  file opened → first hover shown, as a user sees it                   ${runs[1]!.toFixed(0)} ms` +
      '  (includes Go to Line and the hover widget)',
  );
}
if (existsSync(join(here, 'dist', 'server.js')))
  console.log(`  bundled server (dist/server.js) spawn → initialize          ${(await serverStart()).toFixed(0)} ms`);
if (existsSync(vsix)) {
  const kib = statSync(vsix).size / 1024;
  console.log(
    `  ${name}-${version}.vsix                                        ` +
      `${kib.toFixed(0)} KiB  (target < 1024 KiB)${kib < 1024 ? ' ok' : ' MISSED'}`,
  );
}

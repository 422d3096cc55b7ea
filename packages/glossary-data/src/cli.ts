import { readFile } from 'node:fs/promises';
import { runCli } from './cli/run.js';
import { writeFilesAtomically } from './cli/write-files.js';

/** The last word on anything that goes wrong outside `runCli`: one line, exit status 2, no stack trace. */
function fail(error: unknown): void {
  process.stderr.write(`sd-glossary: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

// A reader that stops early (`sd-glossary scan … | head -1`) closes the pipe: there is no one left
// to tell, so the command ends quietly with success, as Unix tools do. Standard error closed too
// early is ignored for the same reason.
process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : fail(error)));
process.stderr.on('error', () => {});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFiles: writeFilesAtomically,
});

import { Console } from 'node:console';
import { readFile } from 'node:fs/promises';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { builtinGlossary } from './builtin-glossary.js';
import { createServer } from './server.js';
import { StdioMessageReader, StdioMessageWriter } from './stdio-transport.js';

declare const SERVER_VERSION: string;

const HELP = `sd-glossary-lsp ${SERVER_VERSION}: explains Stable Diffusion jargon on hover, completes it

Usage: sd-glossary-lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>
       sd-glossary-lsp --version | --help

Settings (workspace/configuration section "sdGlossary", or initializationOptions):
  enable, disabledLanguages, completion.enable, completion.maxItems, hover.verbosity ("full" | "summary"),
  locale ("auto" | "zh-CN" | "en" | "both"), builtin, glossaries (paths inside the workspace),
  userGlossaries (absolute paths of your own glossary files; set them in your own configuration)
Workspace glossaries: sd-glossary.md, .sd-glossary.md or sd-glossary.json at a workspace folder's root.
`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (
  !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))
) {
  process.stderr.write(
    `sd-glossary-lsp: say how to talk: --stdio, --node-ipc, --socket=<port> or --pipe=<name>\n\n${HELP}`,
  );
  process.exitCode = 2;
} else {
  const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  createServer({
    connection,
    glossary: () => builtinGlossary(),
    version: SERVER_VERSION,
    workspaceFiles: { read: (path) => readFile(path, 'utf8').catch(() => undefined) },
  });
  connection.listen();
}

/**
 * A connection over stdin/stdout with the server's own framing (see stdio-transport.ts). What
 * vscode-languageserver does for a `--stdio` connection it builds itself is done here too: the
 * process ends when stdin does (exit code 0 after a `shutdown` request, 1 otherwise), and nothing
 * written with `console` can reach stdout and corrupt the protocol (it goes to stderr, which
 * editors keep in their server log).
 */
function stdioConnection(): Connection {
  globalThis.console = new Console(process.stderr, process.stderr);
  const reader = new StdioMessageReader(process.stdin);
  // Input the server cannot read is skipped; say so where the editor keeps the server's log.
  reader.onError((error) => console.error(`sd-glossary-lsp: ${error.message}`));
  const connection = createConnection(ProposedFeatures.all, reader, new StdioMessageWriter(process.stdout));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = (): never => process.exit(shutdown ? 0 : 1);
  process.stdin.once('end', exit).once('close', exit);
  return connection;
}

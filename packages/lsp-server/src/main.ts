import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { builtinGlossary, type BuiltinData } from './builtin-glossary.js';
import { createServer } from './server.js';
import { nodeWorkspaceFiles } from './workspace/files.js';

declare const SERVER_VERSION: string;

const HELP = `sd-glossary-lsp ${SERVER_VERSION}: explains Stable Diffusion jargon on hover, completes it

Usage: sd-glossary-lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name> [--glossary-source=<file>]
       sd-glossary-lsp --version | --help

  --glossary-source=<file>  the built-in glossary's source markdown, for go to definition
                            (default: the one in the installed @sd-glossary/data)

Settings (workspace/configuration section "sdGlossary", or initializationOptions):
  enable, disabledLanguages, completion.enable, completion.maxItems, hover.verbosity ("full" | "summary"),
  locale ("auto" | "zh-CN" | "en" | "both"), builtin, glossaries (paths inside the workspace),
  userGlossaries (absolute paths of your own glossary files; set them in your own configuration),
  consistency.enable, consistency.severity ("error" | "warning" | "information" | "hint"): report spellings
  the glossary discourages (Lora for LoRA) in markdown and plain text, with quick fixes
Workspace glossaries: sd-glossary.md, .sd-glossary.md or sd-glossary.json at a workspace folder's root.
`;

const TRANSPORTS = /^--(?:stdio|node-ipc|socket=.+|pipe=.+)$/;
const SOURCE_FLAG = '--glossary-source=';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (!args.some((a) => TRANSPORTS.test(a))) {
  process.stderr.write(
    `sd-glossary-lsp: say how to talk: --stdio, --node-ipc, --socket=<port> or --pipe=<name>\n\n${HELP}`,
  );
  process.exitCode = 2;
} else {
  // The library reads the transport from the command line, as every client passes it.
  const connection = createConnection(ProposedFeatures.all);
  const source = args.find((a) => a.startsWith(SOURCE_FLAG))?.slice(SOURCE_FLAG.length);
  createServer({
    connection,
    // Required once `initialize` is answered: the glossary is most of what a start would load. A
    // plain `require`, so the VS Code extension's bundler finds it and bundles it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    glossary: () => builtinGlossary(require('@sd-glossary/data') as BuiltinData, source),
    version: SERVER_VERSION,
    workspaceFiles: nodeWorkspaceFiles(
      (path, why) => connection.console.info(`${path} is not read: ${why}`),
      // Built beside this file, as CommonJS: in the package's dist/ and in the VS Code extension's.
      join(__dirname, 'load-worker.cjs'),
    ),
  });
  connection.listen();
}

/**
 * The extension in VS Code for the Web: the language server runs in a web worker (the language server
 * package's browser entry, bundled here as dist/browser.js), and this client reads workspace glossaries
 * for it with `vscode.workspace.fs`, as the worker has no file system. Everything else is the desktop
 * client's: the server explains, the client wires VS Code to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { READ_FILE_REQUEST, type ReadFileParams, type ReadFileResult } from '@sd-glossary/lsp-server/protocol';
import { registerCommands } from './commands';
import { documentSelector, WEB_SCHEMES } from './selector';

let client: LanguageClient | undefined;

/**
 * Starts the server's web worker and registers the commands.
 * @param context - the extension context.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel('SD Glossary');
  context.subscriptions.push(output);
  const clientOptions = (): LanguageClientOptions => ({
    documentSelector: documentSelector(vscode.workspace.getConfiguration('sdGlossary').get('languages'), WEB_SCHEMES),
    outputChannel: output,
    synchronize: { configurationSection: 'sdGlossary' },
    // Workspace glossaries are untrusted text from the workspace: read only once it is trusted.
    initializationOptions: { workspaceGlossaries: vscode.workspace.isTrusted },
  });

  const start = async (): Promise<void> => {
    const worker = await serverWorker(context.extensionUri);
    const self = new LanguageClient('sdGlossary', 'SD Glossary', clientOptions(), worker);
    client = self;
    self.onRequest(READ_FILE_REQUEST, readFile);
    await self.start();
  };
  const restart = async (): Promise<void> => {
    await client?.dispose().catch(() => undefined);
    await start();
  };

  registerCommands(context, output, () => client, restart);
  await start();
  output.appendLine(`SD Glossary: server ready ${Date.now() - activated} ms after activation (web worker)`);
}

/** Stops the server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * The server's web worker. vscode.dev serves web extensions over https, and a worker starts from its
 * script's URL. An extension installed on a server (code-server, a remote) has `vscode-remote:` URIs,
 * which VS Code cannot start a worker from (microsoft/vscode#144235): its scripts are read through the
 * workbench and started from blob URLs, the parser's URL given to the worker before its script runs.
 * @param extensionUri - where the extension is.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<Worker> {
  const script = (name: string): vscode.Uri => vscode.Uri.joinPath(extensionUri, 'dist', name);
  if (extensionUri.scheme === 'https' || extensionUri.scheme === 'http') {
    return new Worker(script('browser.js').toString(true));
  }
  const [server, parser] = await Promise.all(
    ['browser.js', 'browser-parser.js'].map((name) => vscode.workspace.fs.readFile(script(name))),
  );
  const blobUrl = (...parts: Array<string | Uint8Array>): string =>
    URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/javascript' }));
  const parserUrl = blobUrl(parser!);
  return new Worker(blobUrl(`self.sdGlossaryParserUrl = ${JSON.stringify(parserUrl)};\n`, server!));
}

/**
 * A workspace glossary's text, for the worker: nothing in an untrusted workspace, nothing for a file
 * that is not there or cannot be read.
 */
async function readFile({ uri }: ReadFileParams): Promise<ReadFileResult> {
  if (!vscode.workspace.isTrusted) return null;
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true));
    return { text: new TextDecoder().decode(bytes) };
  } catch {
    return null;
  }
}

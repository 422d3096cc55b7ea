import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { documentSelector } from './selector';

let client: LanguageClient | undefined;

/**
 * Starts the bundled server over Node IPC and registers the commands. The glossary logic is the
 * server's; the client only wires VS Code to it.
 * @param context - the extension context.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel('SD Glossary');
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'SD Glossary';
  status.command = 'sdGlossary.showOutput';
  context.subscriptions.push(output, status);

  // The server package's own entry, bundled with the glossary; its source markdown ships beside it.
  const module = context.asAbsolutePath('dist/server.js');
  const args = [`--glossary-source=${context.asAbsolutePath('glossary/glossary.zh-CN.md')}`];
  // Node's own compile cache, as the bin turns it on, where the runtime has one (Node 22.1 and later).
  const env = { ...process.env, NODE_COMPILE_CACHE: join(context.globalStorageUri.fsPath, 'compile-cache') };
  const serverOptions: ServerOptions = {
    run: { module, args, transport: TransportKind.ipc, options: { env } },
    debug: { module, args, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Shown only once the server is down for good; a click opens the output.
  const showStopped = (): void => {
    status.text = '$(warning) SD Glossary';
    status.tooltip = 'The SD Glossary server stopped. Click for its output.';
    status.show();
  };
  // VS Code's own restart policy (up to five crashes in three minutes), told when it gives up: the
  // client's state alone cannot say, as it reads Stopped for a moment during every restart too.
  let policy: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    error: (error, message, count) => (policy ??= client!.createDefaultErrorHandler()).error(error, message, count),
    closed: async () => {
      const result = await (policy ??= client!.createDefaultErrorHandler()).closed();
      if (result.action === CloseAction.DoNotRestart) showStopped();
      return result;
    },
  };
  const clientOptions = (): LanguageClientOptions => ({
    documentSelector: documentSelector(vscode.workspace.getConfiguration('sdGlossary').get('languages')),
    outputChannel: output,
    synchronize: { configurationSection: 'sdGlossary' },
    // Workspace glossaries are untrusted text from the workspace: read only once it is trusted.
    initializationOptions: { workspaceGlossaries: vscode.workspace.isTrusted },
    errorHandler,
  });

  const start = async (): Promise<void> => {
    policy = undefined;
    const self = new LanguageClient('sdGlossary', 'SD Glossary', serverOptions, clientOptions());
    client = self;
    self.onDidChangeState(({ newState }) => {
      if (newState === State.Running) status.hide();
      // An automatic restart passes through Stopped and is Starting again in the same tick; a
      // restart that failed to start stays Stopped (and its error handler is not asked again).
      else if (newState === State.Stopped) {
        setTimeout(() => {
          if (client === self && self.state === State.Stopped) showStopped();
        }, 500);
      }
    });
    try {
      await self.start();
    } catch (error) {
      showStopped();
      throw error;
    }
  };

  const restart = async (): Promise<void> => {
    // A client VS Code gave up on while it was starting cannot be stopped (it throws: nothing runs).
    await client?.dispose().catch(() => undefined);
    await start();
  };

  registerCommands(context, output, () => client, restart);
  await start();
  // From here hovers and completions are answered: the figure the benchmark reads.
  output.appendLine(`SD Glossary: server ready ${Date.now() - activated} ms after activation`);
}

/** Stops the server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}

// The extension's commands and the events that restart the client, for the desktop and the web client alike.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  DESCRIBE_TERM_REQUEST,
  TERMS_REQUEST,
  type DescribeTermParams,
  type DescribeTermResult,
  type TermItem,
  type TermsResult,
} from '@sd-glossary/lsp-server/protocol';

/**
 * Registers the commands (Show Output, Restart Server, Search Terms, Insert Term) and restarts the
 * client when the workspace is trusted (workspace glossaries may be read from then on) or the
 * languages served change (the document selector is fixed when a client starts).
 * @param context - the extension context.
 * @param output - the output channel.
 * @param client - the running client, if any.
 * @param restart - stops the client and starts a new one.
 */
export function registerCommands(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  client: () => BaseLanguageClient | undefined,
  restart: () => Promise<void>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sdGlossary.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('sdGlossary.restartServer', restart),
    vscode.commands.registerCommand('sdGlossary.searchTerms', () => searchTerms(client(), false)),
    vscode.commands.registerCommand('sdGlossary.insertTerm', () => searchTerms(client(), true)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sdGlossary.languages')) void restart();
    }),
  );
}

/** A QuickPick item for one term. */
interface TermPick extends vscode.QuickPickItem {
  readonly id: string;
}

/**
 * A QuickPick over every term the server explains (workspace glossaries included), searchable by
 * alias and pinyin. Search shows the definition in a markdown preview and offers to insert the
 * term; Insert inserts it at once. The server lists and describes the terms: the client has no
 * glossary of its own.
 * @param server - the running client, if any.
 * @param insertOnly - the `Insert Term` command.
 */
async function searchTerms(server: BaseLanguageClient | undefined, insertOnly: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!server) return;
  const items = server
    .sendRequest<TermsResult>(TERMS_REQUEST)
    .then(({ items }) => items.map((item: TermItem): TermPick => ({ ...item })));
  const picked = await vscode.window.showQuickPick<TermPick>(items, {
    title: insertOnly ? 'SD Glossary: Insert Term' : 'SD Glossary: Search Terms',
    placeHolder: 'CFG, 炸炉, zl, dreambooth…',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  if (!insertOnly) {
    const params: DescribeTermParams = { id: picked.id };
    const described = await server.sendRequest<DescribeTermResult>(DESCRIBE_TERM_REQUEST, params);
    if (!described) return;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: described.markdown });
    // To the side: the editor stays visible for the insert.
    await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
    if (!editor) return;
    const where = vscode.workspace.asRelativePath(editor.document.uri);
    const choice = await vscode.window.showInformationMessage(`Insert "${picked.label}" into ${where}?`, 'Insert');
    if (choice !== 'Insert') return;
  }
  if (editor) await editor.edit((edit) => editor.selections.forEach((s) => edit.replace(s, picked.label)));
}

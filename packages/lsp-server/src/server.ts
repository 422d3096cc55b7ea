import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGlossaryIndex } from '@sd-glossary/data';
import {
  CompletionTriggerKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  RegistrationRequest,
  ResponseError,
  TextDocumentSyncKind,
  UnregistrationRequest,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type Diagnostic,
  type FileSystemWatcher,
  type Position,
} from 'vscode-languageserver';
import { LineDocument, type ContentChange } from './line-document.js';
import {
  createLanguageService,
  type GlossarySource,
  type LanguageService,
  type RequestContext,
} from './service/language-service.js';
import {
  createWorkspaceGlossaries,
  DEFAULT_GLOSSARY_NAMES,
  type GlossaryFile,
  type WorkspaceFiles,
} from './workspace/manager.js';
import { mergeGlossaries } from './workspace/merge.js';
import { DEFAULT_SETTINGS, isAbsolutePath, parseSettings, type Settings } from './settings.js';

/** Where the server writes what it has to say (the client's output channel, usually). */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** What `createServer` needs. */
export interface ServerOptions {
  /** A connection that has not started listening yet. */
  readonly connection: Connection;
  /**
   * The glossary to serve, or a function that loads it: then it is loaded after `initialize` has
   * been answered (at the warm-up, or at the first request), which keeps the server's start short.
   */
  readonly glossary: GlossarySource | (() => GlossarySource);
  /** The server's version, reported in `serverInfo`. */
  readonly version: string;
  /** Defaults to the connection's console. */
  readonly logger?: Logger;
  /**
   * How to read workspace glossaries (`sd-glossary.md`, `sd-glossary.json`… at workspace roots).
   * Absent: workspace glossaries are not read. The client can also refuse them with
   * `initializationOptions.workspaceGlossaries: false` (an untrusted workspace).
   */
  readonly workspaceFiles?: WorkspaceFiles;
}

/** The capabilities, all static: Neovim 0.7 and Eglot 1.9 ignore capabilities registered later. */
export const SERVER_CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  completionProvider: { resolveProvider: true },
  definitionProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
};

/** Runs a side effect that may fail only because the connection is gone. */
function safely(effect: () => void): void {
  try {
    effect();
  } catch {
    // nothing left to tell
  }
}

function isContentChange(change: unknown): change is ContentChange {
  const c = change as { text?: unknown; range?: { start?: unknown; end?: unknown } } | null;
  return (
    typeof c?.text === 'string' && (c.range === undefined || (isPosition(c.range.start) && isPosition(c.range.end)))
  );
}

/** How long typing in a glossary file must pause before the file is reread. */
const TYPING_PAUSE_MS = 150;

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

function isPosition(value: unknown): value is Position {
  const p = value as Partial<Position> | null | undefined;
  return typeof p?.line === 'number' && typeof p.character === 'number';
}

/** The document and position of a request, or an InvalidParams error saying what is wrong. */
function textDocumentPosition(params: unknown): { uri: string; position: Position } | ResponseError<void> {
  const p = params as { textDocument?: { uri?: unknown }; position?: unknown } | null | undefined;
  if (typeof p?.textDocument?.uri !== 'string')
    return new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
  if (!isPosition(p.position))
    return new ResponseError(ErrorCodes.InvalidParams, 'position must have numeric line and character');
  return { uri: p.textDocument.uri, position: p.position };
}

/**
 * Wires the language service to a connection: state lives here, features live in the service.
 * @param options - connection, glossary, version, logger.
 * @returns `dispose`, which removes every handler the server registered.
 */
export function createServer(options: ServerOptions): { dispose(): void } {
  const { connection, glossary, version } = options;
  const logger = options.logger ?? connection.console;
  let builtinSource: GlossarySource | undefined;
  const builtin = (): GlossarySource => (builtinSource ??= typeof glossary === 'function' ? glossary() : glossary);
  const workspace = options.workspaceFiles
    ? createWorkspaceGlossaries(options.workspaceFiles, (path) => pathToFileURL(path).href)
    : undefined;
  let folders: string[] = [];
  let workspaceAllowed = true;
  let loaded: LanguageService | undefined;
  const service = (): LanguageService => (loaded ??= createService());
  let rebuildPending = false;
  let disposed = false;

  /**
   * The glossaries changed: drop the service over the old ones and build the new one as soon as
   * the diagnostics are out, so that the next hover does not wait for its indexes (with a
   * 5 000-term glossary, ~80 ms). Not sooner: the protocol library writes a message's header and
   * body in two turns of the event loop, and a build between them held the diagnostics back.
   * @param published - the sending of the diagnostics of the change.
   */
  function glossariesChanged(published: Promise<void>): void {
    loaded = undefined;
    if (rebuildPending) return;
    rebuildPending = true;
    void published.then(() =>
      setImmediate(() => {
        rebuildPending = false;
        if (disposed) return;
        safely(() => {
          const fresh = service();
          fresh.warmUp();
          logger.info(`sd-glossary-lsp: ${fresh.entryCount} terms, after a glossary changed`);
        });
      }),
    );
  }

  /** The service over the built-in glossary and the valid workspace glossaries, workspace first. */
  function createService(): LanguageService {
    const source = builtin();
    const valid = workspace?.valid() ?? [];
    if (valid.length === 0 && settings.builtin) return createLanguageService(source);
    const first = source.index.entries[0];
    const merged = mergeGlossaries(
      settings.builtin ? source.index.glossary : undefined,
      first && source.sourceUri(first),
      valid,
    );
    return createLanguageService({
      index: createGlossaryIndex(merged.glossary),
      sourceUri: merged.sourceUri,
      isBuiltin: merged.isBuiltin,
      labelOf: merged.labelOf,
    });
  }

  /**
   * Problems of each glossary file, at their line and column (to the end of that line).
   * @returns when they are sent (or could not be).
   */
  function publishDiagnostics(files: readonly GlossaryFile[], cleared: readonly string[] = []): Promise<void> {
    const sent: Array<Promise<void>> = [];
    const send = (params: { uri: string; diagnostics: Diagnostic[] }) =>
      safely(() => void sent.push(connection.sendDiagnostics(params).catch(() => undefined)));
    for (const file of files) {
      const issues = file.issues.filter((i) => i.file === file.path);
      // Split only when there is something to point at: a sound 5 000-row file is reloaded often.
      const lines = issues.length > 0 ? file.text.split(/\r?\n/) : [];
      const diagnostics: Diagnostic[] = issues.map((i) => ({
        range: {
          start: { line: i.line - 1, character: i.column - 1 },
          end: { line: i.line - 1, character: Math.max(i.column, lines[i.line - 1]?.length ?? i.column) },
        },
        severity: 1,
        source: 'sd-glossary',
        message: i.message,
      }));
      send({ uri: file.uri, diagnostics });
    }
    for (const uri of cleared) send({ uri, diagnostics: [] });
    return Promise.all(sent).then(() => undefined);
  }

  /** Rereads the workspace glossaries after a change of folders or settings. */
  async function reloadWorkspace(): Promise<void> {
    if (!workspace) return;
    const before = workspace.files().map((f) => f.uri);
    // The user's own glossaries are read in an untrusted workspace too: they are not the workspace's.
    workspace.configure(workspaceAllowed ? folders : [], settings.glossaries, settings.userGlossaries);
    for (const path of settings.glossaries.filter(isAbsolutePath)) {
      safely(() =>
        logger.error(
          `sdGlossary.glossaries: "${path}" is not read, as it is outside the workspace; list it in sdGlossary.userGlossaries in your user settings`,
        ),
      );
    }
    registerWatchers();
    await workspace.discover();
    const after = workspace.files();
    const published = publishDiagnostics(
      after,
      before.filter((uri) => !after.some((f) => f.uri === uri)),
    );
    if (after.length > 0 || before.length > 0) glossariesChanged(published);
    else loaded = undefined; // the settings may have turned the built-in glossary off or on
  }

  /** The file watchers the client runs for the server: the patterns, and the registration's id. */
  let watching: { key: string; id: string } | undefined;
  let registrations = 0;

  /** Asks the client to watch the glossary files the settings name (again, when they changed). */
  function registerWatchers(): void {
    if (!workspace || !canWatchFiles) return;
    const watchers: FileSystemWatcher[] = [
      ...(workspaceAllowed
        ? [`**/{${DEFAULT_GLOSSARY_NAMES.join(',')}}`, ...settings.glossaries.filter((p) => !isAbsolutePath(p))]
        : []
      ).map((g) => ({ globPattern: g })),
      ...settings.userGlossaries.map((path) => ({
        globPattern: canWatchRelative
          ? { baseUri: pathToFileURL(dirname(path)).href, pattern: basename(path) }
          : path.replaceAll('\\', '/'),
      })),
    ];
    const key = JSON.stringify(watchers);
    if ((watching?.key ?? '[]') === key) return;
    const method = DidChangeWatchedFilesNotification.method;
    const failed = (error: Error): void =>
      safely(() => logger.error(`could not watch glossary files: ${error.message}`));
    const previous = watching;
    const id = `sd-glossary-watchers-${++registrations}`;
    watching = watchers.length > 0 ? { key, id } : undefined;
    // The connection may have closed while the glossaries were read: then there is nothing to ask.
    safely(() => {
      if (previous)
        void connection
          .sendRequest(UnregistrationRequest.type, { unregisterations: [{ id: previous.id, method }] })
          .catch(failed);
      if (watchers.length > 0) {
        void connection
          .sendRequest(RegistrationRequest.type, { registrations: [{ id, method, registerOptions: { watchers } }] })
          .catch(failed);
      }
    });
  }

  /** A glossary file changed (on disk, or as it is typed): reread it. */
  async function glossaryChanged(uri: string, text: string | undefined): Promise<void> {
    if (!workspace || !uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    if (!workspace.isGlossary(path)) return;
    const had = workspace.files().some((f) => f.path === path);
    if (await workspace.update(path, text)) {
      const file = workspace.files().find((f) => f.path === path);
      glossariesChanged(publishDiagnostics(file ? [file] : [], !file && had ? [uri] : []));
    }
  }
  const documents = new Map<string, LineDocument>();
  let settings: Settings = DEFAULT_SETTINGS;
  let hoverMarkdown = false;
  let documentationMarkdown = false;
  let canPullConfiguration = false;
  let clientLocale: string | undefined;
  /** Glossary files being typed in, and the timer that rereads each when typing pauses. */
  const typing = new Map<string, ReturnType<typeof setTimeout>>();
  let canWatchFiles = false;
  let canWatchRelative = false;

  const context = (markdown: boolean): RequestContext => ({
    settings,
    markdown,
    ...(clientLocale !== undefined && { clientLocale }),
  });

  /** A request about a position in a document: cancelled, malformed, unknown document, or answered by `run`. */
  function atPosition<T>(
    params: unknown,
    token: CancellationToken,
    run: (document: LineDocument, position: Position) => T,
  ): T | null | ResponseError<void> {
    if (token.isCancellationRequested) return cancelled();
    const request = textDocumentPosition(params);
    if (request instanceof ResponseError) return request;
    const document = documents.get(request.uri);
    return document ? run(document, request.position) : null;
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'sdGlossary' }])) as unknown[];
      // A client with nothing configured answers null: keep what initializationOptions said.
      if (section !== null && section !== undefined) settings = parseSettings(section);
    } catch (error) {
      // The client refused, or the connection closed while we asked: keep the settings we have.
      safely(() => logger.error(`could not read settings: ${(error as Error).message}`));
    }
  }

  const disposables = [
    connection.onInitialize((params) => {
      const caps: ClientCapabilities = params.capabilities ?? {};
      hoverMarkdown = caps.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
      documentationMarkdown =
        caps.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
      canPullConfiguration = caps.workspace?.configuration === true;
      clientLocale = typeof params.locale === 'string' && params.locale.length > 0 ? params.locale : undefined;
      const init = params.initializationOptions as { workspaceGlossaries?: unknown } | null | undefined;
      workspaceAllowed = init?.workspaceGlossaries !== false;
      folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
        .filter((f) => f.uri.startsWith('file:'))
        .map((f) => fileURLToPath(f.uri));
      canWatchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      canWatchRelative = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
      if (params.initializationOptions !== undefined && params.initializationOptions !== null) {
        settings = parseSettings(params.initializationOptions);
      }
      return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'sd-glossary-lsp', version } };
    }),
    connection.onInitialized(() => {
      void pullSettings().then(reloadWorkspace);
      // Build the glossary's indexes now, between initialize and the first request, not during it.
      setImmediate(() => service().warmUp());
      setImmediate(() => safely(() => logger.info(`sd-glossary-lsp ${version}: ${service().entryCount} terms`)));
    }),
    connection.onDidChangeConfiguration((params) => {
      const raw = (params as { settings?: unknown } | undefined)?.settings;
      if (raw !== null && typeof raw === 'object' && 'sdGlossary' in raw) {
        settings = parseSettings(raw);
        void reloadWorkspace();
      } else {
        void pullSettings().then(reloadWorkspace);
      }
    }),
    connection.onDidChangeWatchedFiles(({ changes }) => {
      void (async () => {
        for (const change of Array.isArray(changes) ? changes : []) {
          if (typeof change?.uri !== 'string' || !change.uri.startsWith('file:')) continue;
          const text =
            change.type === FileChangeType.Deleted
              ? undefined
              : await options.workspaceFiles?.read(fileURLToPath(change.uri));
          await glossaryChanged(change.uri, text);
        }
      })();
    }),
    connection.onDidOpenTextDocument(({ textDocument: d }) => {
      if (typeof d?.uri !== 'string' || typeof d.text !== 'string') return;
      documents.set(d.uri, new LineDocument(d.uri, String(d.languageId), d.version, d.text));
      service().forget(d.uri);
      void glossaryChanged(d.uri, d.text);
    }),
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = typeof textDocument?.uri === 'string' ? documents.get(textDocument.uri) : undefined;
      if (!document || !Array.isArray(contentChanges)) return;
      const changes = contentChanges.filter(isContentChange);
      try {
        document.update(changes, textDocument.version);
        // A glossary file applies as it is typed: reread once typing pauses, not on every keystroke.
        if (workspace?.isGlossary(textDocument.uri.startsWith('file:') ? fileURLToPath(textDocument.uri) : '')) {
          const uri = textDocument.uri;
          clearTimeout(typing.get(uri));
          typing.set(
            uri,
            setTimeout(() => {
              typing.delete(uri);
              const current = documents.get(uri);
              if (current)
                void glossaryChanged(
                  uri,
                  Array.from({ length: current.lineCount }, (_, i) => current.lineAt(i)).join('\n'),
                );
            }, TYPING_PAUSE_MS),
          );
        }
      } catch (error) {
        // A change we cannot apply leaves the copy out of step: drop it, the client reopens it.
        documents.delete(textDocument.uri);
        safely(() =>
          logger.error(
            `${textDocument.uri}: could not apply an edit (${(error as Error).message}); the document is closed`,
          ),
        );
      }
    }),
    connection.onDidCloseTextDocument(({ textDocument }) => {
      if (typeof textDocument?.uri !== 'string') return;
      documents.delete(textDocument.uri);
      service().forget(textDocument.uri);
    }),
    connection.onHover((params, token) =>
      atPosition(params, token, (document, position) => service().hover(document, position, context(hoverMarkdown))),
    ),
    connection.onCompletion((params, token) => {
      const invoked = (params?.context?.triggerKind ?? CompletionTriggerKind.Invoked) === CompletionTriggerKind.Invoked;
      return atPosition(params, token, (document, position) =>
        service().completion(document, position, invoked, context(documentationMarkdown)),
      );
    }),
    connection.onCompletionResolve((item, token) => {
      if (token.isCancellationRequested) return cancelled();
      if (typeof item !== 'object' || item === null)
        return new ResponseError(ErrorCodes.InvalidParams, 'a completion item is an object');
      return service().resolveCompletion(item, context(documentationMarkdown));
    }),
    connection.onDefinition((params, token) =>
      atPosition(params, token, (document, position) =>
        service().definition(document, position, context(hoverMarkdown)),
      ),
    ),
    connection.onDocumentSymbol((params, token: CancellationToken) => {
      const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
      if (typeof uri !== 'string')
        return new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
      const document = documents.get(uri);
      if (!document) return null;
      const symbols = service().documentSymbols(document, context(hoverMarkdown), token);
      return token.isCancellationRequested ? cancelled() : symbols;
    }),
    connection.onWorkspaceSymbol((params, token) => {
      if (token.isCancellationRequested) return cancelled();
      const query = typeof params?.query === 'string' ? params.query : '';
      return service().workspaceSymbols(query, settings.completion.maxItems);
    }),
  ];

  return {
    dispose() {
      for (const d of disposables.splice(0)) d.dispose();
      for (const timer of typing.values()) clearTimeout(timer);
      typing.clear();
      disposed = true;
    },
  };
}

import {
  CodeActionKind,
  CompletionTriggerKind,
  DocumentDiagnosticReportKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createDocuments } from './documents.js';
import { later } from './later.js';
import { DESCRIBE_TERM_REQUEST, TERMS_REQUEST, type DescribeTermResult, type TermsResult } from './protocol.js';
import type { GlossarySource, RequestContext } from './service/language-service.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings.js';
import { createGlossaryController, TYPING_PAUSE_MS, type Logger, type WorkspaceScope } from './workspace/controller.js';
import type { WorkspaceFiles } from './workspace/manager.js';
import { normalizeUri } from './workspace/uris.js';

export type { Logger } from './workspace/controller.js';

/** What `createServer` needs. */
export interface ServerOptions {
  /** A connection that has not started listening yet. */
  readonly connection: Connection;
  /**
   * The glossary to serve, or a function that loads it: then it is loaded after `initialize` has
   * been answered, which keeps the server's start short.
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
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
};

/** Pull diagnostics, for clients that ask for them (`textDocument/diagnostic`); the others get them pushed. */
const DIAGNOSTIC_PROVIDER = { interFileDependencies: false, workspaceDiagnostics: false };

/** What the client said it can do, from `initialize`. */
interface ClientTraits {
  readonly hoverMarkdown: boolean;
  readonly documentationMarkdown: boolean;
  readonly pullsConfiguration: boolean;
  readonly locale: string | undefined;
  /** Asks for diagnostics (`textDocument/diagnostic`) rather than taking them pushed. */
  readonly pullsDiagnostics: boolean;
  /** Can be asked to pull diagnostics again (`workspace/diagnostic/refresh`). */
  readonly refreshesDiagnostics: boolean;
  /** Creates files in workspace edits. */
  readonly createsFiles: boolean;
}

function clientTraits(params: InitializeParams): ClientTraits {
  const caps = params.capabilities ?? {};
  const locale = typeof params.locale === 'string' && params.locale.length > 0 ? params.locale : undefined;
  return {
    hoverMarkdown: caps.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false,
    documentationMarkdown:
      caps.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false,
    pullsConfiguration: caps.workspace?.configuration === true,
    locale,
    pullsDiagnostics: caps.textDocument?.diagnostic !== undefined,
    refreshesDiagnostics: caps.workspace?.diagnostics?.refreshSupport === true,
    createsFiles:
      caps.workspace?.workspaceEdit?.documentChanges === true &&
      (caps.workspace.workspaceEdit.resourceOperations?.includes('create') ?? false),
  };
}

function workspaceScope(params: InitializeParams): WorkspaceScope {
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  const init = params.initializationOptions as { workspaceGlossaries?: unknown } | null | undefined;
  return {
    folders: folders.flatMap((f) => normalizeUri(f.uri) ?? []),
    trusted: init?.workspaceGlossaries !== false,
    watchesFiles: params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: params.capabilities?.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
  };
}

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
const invalid = (message: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, message);

function isPosition(value: unknown): value is Position {
  const p = value as Partial<Position> | null | undefined;
  return typeof p?.line === 'number' && typeof p.character === 'number';
}

/** The document URI of a request's params, or `undefined` when it has none. */
function documentUri(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * Wires the language service to a connection: the documents, the glossaries and the client's
 * settings live here; features live in the service, glossary files in the controller.
 * @param options - connection, glossary, version, logger, file access.
 * @returns `dispose`, which removes every handler the server registered.
 */
export function createServer(options: ServerOptions): { dispose(): void } {
  const { connection, glossary, version } = options;
  const logger = options.logger ?? connection.console;
  const documents = createDocuments((uri, length) =>
    logger.info(`${uri}: ${(length / 1048576).toFixed(1)} M characters; documents over 10 M are not explained`),
  );
  let settings: Settings = DEFAULT_SETTINGS;
  let client: ClientTraits = clientTraits({ capabilities: {} } as InitializeParams);
  let scope: WorkspaceScope = { folders: [], trusted: true, watchesFiles: false, relativePatterns: false };
  let builtin: GlossarySource | undefined;
  const glossaries = createGlossaryController({
    builtin: () => (builtin ??= typeof glossary === 'function' ? glossary() : glossary),
    files: options.workspaceFiles,
    logger,
    publishDiagnostics: (params) => connection.sendDiagnostics(params),
    watch: (watchers) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }),
  });

  /** Where the session is: LSP answers requests only between `initialize` and `shutdown`. */
  let phase: 'starting' | 'running' | 'shut down' = 'starting';
  /** A request's answer outside that span, as LSP says; the request's handler otherwise. */
  const inTurn =
    <P, R>(handler: (params: P, token: CancellationToken) => R) =>
    (params: P, token: CancellationToken): R | ResponseError<void> => {
      if (phase === 'starting') return new ResponseError(ErrorCodes.ServerNotInitialized, 'initialize first');
      if (phase === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, 'the server is shut down');
      return handler(params, token);
    };

  const context = (markdown: boolean): RequestContext => ({
    settings,
    markdown,
    ...(client.locale !== undefined && { clientLocale: client.locale }),
  });
  const logError = (what: string) => (error: unknown) => {
    try {
      logger.error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // the connection is gone: nothing left to tell
    }
  };

  /** A request at a position in a document: cancelled, malformed, unknown document, or answered by `run`. */
  function atPosition<T>(
    params: unknown,
    token: CancellationToken,
    run: (document: TextDocument, position: Position) => T,
  ): T | null | ResponseError<void> {
    if (token.isCancellationRequested) return cancelled();
    const uri = documentUri(params);
    if (uri === undefined) return invalid('textDocument.uri must be a string');
    const position = (params as { position?: unknown }).position;
    if (!isPosition(position)) return invalid('position must have numeric line and character');
    const document = documents.get(uri);
    return document ? run(document, position) : null;
  }

  /** Asks the client for the `sdGlossary` section; keeps what we have when it refuses or has none. */
  async function pullSettings(): Promise<void> {
    if (!client.pullsConfiguration) return;
    try {
      const section: unknown = await connection.workspace.getConfiguration('sdGlossary');
      if (section !== null && section !== undefined) settings = parseSettings(section);
    } catch (error) {
      logError('could not read settings')(error);
    }
  }

  const reconfigure = (): Promise<void> =>
    glossaries.configure(scope, settings).then(diagnoseAll).catch(logError('could not read glossaries'));

  /** Documents sent diagnostics, so that they are cleared when the check goes off. */
  const diagnosed = new Set<string>();
  /** Documents whose diagnostics wait for typing to pause. */
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** After an edit: the document's diagnostics once typing pauses, not at every keystroke. */
  function diagnoseLater(uri: string): void {
    if (client.pullsDiagnostics || (!settings.consistency.enable && !diagnosed.has(uri))) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const document = documents.get(uri);
        if (document) diagnose(document);
      }, TYPING_PAUSE_MS),
    );
  }
  /** Pushes a document's diagnostics to a client that does not pull them. */
  function diagnose(document: TextDocument): void {
    if (client.pullsDiagnostics) return;
    const diagnostics = glossaries.service().diagnostics(document, context(false));
    if (diagnostics.length === 0 && !diagnosed.has(document.uri)) return;
    if (diagnostics.length) diagnosed.add(document.uri);
    else diagnosed.delete(document.uri);
    connection.sendDiagnostics({ uri: document.uri, diagnostics }).catch(logError('could not send diagnostics'));
  }
  /** The settings or the glossaries changed: every open document's diagnostics again. */
  function diagnoseAll(): void {
    if (client.pullsDiagnostics) {
      if (client.refreshesDiagnostics) connection.languages.diagnostics.refresh();
    } else for (const document of documents.all()) diagnose(document);
  }

  const disposables = [
    connection.onInitialize((params) => {
      phase = 'running';
      client = clientTraits(params);
      scope = workspaceScope(params);
      if (params.initializationOptions !== undefined && params.initializationOptions !== null) {
        settings = parseSettings(params.initializationOptions);
      }
      const capabilities = client.pullsDiagnostics
        ? { ...SERVER_CAPABILITIES, diagnosticProvider: DIAGNOSTIC_PROVIDER }
        : SERVER_CAPABILITIES;
      return { capabilities, serverInfo: { name: 'sd-glossary-lsp', version } };
    }),
    connection.onShutdown(() => {
      phase = 'shut down';
    }),
    connection.onInitialized(() => {
      void pullSettings().then(reconfigure);
      // Build the glossary's indexes now, between initialize and the first request, not during it.
      later(() => {
        try {
          const service = glossaries.service();
          service.warmUp();
          logger.info(`sd-glossary-lsp ${version}: ${service.entryCount} terms`);
        } catch (error) {
          logError('could not load the glossary')(error);
        }
      });
    }),
    connection.onDidChangeConfiguration((params) => {
      const raw = (params as { settings?: unknown } | null | undefined)?.settings;
      if (raw !== null && typeof raw === 'object' && 'sdGlossary' in raw) {
        settings = parseSettings(raw);
        void reconfigure();
      } else {
        void pullSettings().then(reconfigure);
      }
    }),
    connection.onDidChangeWatchedFiles((params) => {
      const changes: unknown = (params as { changes?: unknown } | null | undefined)?.changes;
      void (async () => {
        for (const change of Array.isArray(changes) ? changes : []) {
          if (typeof change?.uri !== 'string') continue;
          await glossaries.fileChanged(change.uri, change.type === FileChangeType.Deleted);
        }
      })().catch(logError('could not reread a glossary'));
    }),
    documents.onDidOpen(({ document }) => {
      glossaries.documentOpened(document.uri, document.getText()).catch(logError(document.uri));
    }),
    documents.onDidChangeContent(({ document }) => {
      glossaries.documentEdited(document.uri, () => document.getText());
      diagnoseLater(document.uri);
    }),
    documents.onDidClose(({ document }) => {
      glossaries.documentClosed(document.uri);
      clearTimeout(pending.get(document.uri));
      pending.delete(document.uri);
      if (diagnosed.delete(document.uri)) {
        connection
          .sendDiagnostics({ uri: document.uri, diagnostics: [] })
          .catch(logError('could not send diagnostics'));
      }
    }),
    connection.languages.diagnostics.on(
      // (The library types this handler's errors with cancellation data; ours carry none.)
      inTurn((params, token) => {
        if (token.isCancellationRequested) return cancelled();
        const uri = documentUri(params);
        if (uri === undefined) return invalid('textDocument.uri must be a string');
        const document = documents.get(uri);
        const items = document ? glossaries.service().diagnostics(document, context(false)) : [];
        return { kind: DocumentDiagnosticReportKind.Full, items };
      }) as Parameters<typeof connection.languages.diagnostics.on>[0],
    ),
    connection.onCodeAction(
      inTurn((params, token) => {
        if (token.isCancellationRequested) return cancelled();
        const uri = documentUri(params);
        if (uri === undefined) return invalid('textDocument.uri must be a string');
        const range = (params as { range?: Partial<Range> }).range;
        if (!isPosition(range?.start) || !isPosition(range.end)) return invalid('range must have a start and an end');
        const diagnostics = (params as { context?: { diagnostics?: unknown } }).context?.diagnostics;
        const document = documents.get(uri);
        if (!document) return null;
        return glossaries
          .service()
          .codeActions(
            document,
            { start: range.start, end: range.end },
            Array.isArray(diagnostics) ? diagnostics : [],
            context(false),
            glossaries.glossaryTarget(uri, client.createsFiles),
          );
      }),
    ),
    connection.onHover(
      inTurn((params, token) =>
        atPosition(params, token, (document, position) =>
          glossaries.service().hover(document, position, context(client.hoverMarkdown)),
        ),
      ),
    ),
    connection.onCompletion(
      inTurn((params, token) => {
        const invoked =
          (params?.context?.triggerKind ?? CompletionTriggerKind.Invoked) === CompletionTriggerKind.Invoked;
        return atPosition(params, token, (document, position) =>
          glossaries.service().completion(document, position, invoked, context(client.documentationMarkdown)),
        );
      }),
    ),
    connection.onCompletionResolve(
      inTurn((item, token) => {
        if (token.isCancellationRequested) return cancelled();
        if (typeof item !== 'object' || item === null) return invalid('a completion item is an object');
        return glossaries.service().resolveCompletion(item, context(client.documentationMarkdown));
      }),
    ),
    connection.onDefinition(
      inTurn((params, token) =>
        atPosition(params, token, (document, position) =>
          glossaries.service().definition(document, position, context(client.hoverMarkdown)),
        ),
      ),
    ),
    connection.onDocumentSymbol(
      inTurn((params, token) => {
        const uri = documentUri(params);
        if (uri === undefined) return invalid('textDocument.uri must be a string');
        const document = documents.get(uri);
        if (!document) return null;
        const symbols = glossaries.service().documentSymbols(document, context(client.hoverMarkdown), token);
        return token.isCancellationRequested ? cancelled() : symbols;
      }),
    ),
    connection.onWorkspaceSymbol(
      inTurn((params, token) => {
        if (token.isCancellationRequested) return cancelled();
        const query = typeof params?.query === 'string' ? params.query : '';
        return glossaries.service().workspaceSymbols(query, settings.completion.maxItems);
      }),
    ),
    connection.onRequest(
      TERMS_REQUEST,
      inTurn((): TermsResult => ({ items: glossaries.service().terms(context(true)) })),
    ),
    connection.onRequest(
      DESCRIBE_TERM_REQUEST,
      inTurn((params: unknown): DescribeTermResult | ResponseError<void> => {
        const id = (params as { id?: unknown } | null | undefined)?.id;
        if (typeof id !== 'string') return invalid('id must be a string');
        const markdown = glossaries.service().describe(id, context(true));
        return markdown === undefined ? null : { markdown };
      }),
    ),
    documents.listen(connection),
  ];

  return {
    dispose() {
      for (const d of disposables.splice(0)) d.dispose();
      for (const timer of pending.values()) clearTimeout(timer);
      glossaries.dispose();
    },
  };
}

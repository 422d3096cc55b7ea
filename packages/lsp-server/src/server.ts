import {
  CompletionTriggerKind,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { LineDocument, type ContentChange } from './line-document.js';
import { createLanguageService, type GlossarySource, type LanguageService, type RequestContext } from './service/language-service.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings.js';

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
  return typeof c?.text === 'string' && (c.range === undefined || (isPosition(c.range.start) && isPosition(c.range.end)));
}

const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

function isPosition(value: unknown): value is Position {
  const p = value as Partial<Position> | null | undefined;
  return typeof p?.line === 'number' && typeof p.character === 'number';
}

/** The document and position of a request, or an InvalidParams error saying what is wrong. */
function textDocumentPosition(params: unknown): { uri: string; position: Position } | ResponseError<void> {
  const p = params as { textDocument?: { uri?: unknown }; position?: unknown } | null | undefined;
  if (typeof p?.textDocument?.uri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
  if (!isPosition(p.position)) return new ResponseError(ErrorCodes.InvalidParams, 'position must have numeric line and character');
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
  let loaded: LanguageService | undefined;
  const service = (): LanguageService => (loaded ??= createLanguageService(typeof glossary === 'function' ? glossary() : glossary));
  const documents = new Map<string, LineDocument>();
  let settings: Settings = DEFAULT_SETTINGS;
  let hoverMarkdown = false;
  let documentationMarkdown = false;
  let canPullConfiguration = false;
  let clientLocale: string | undefined;

  const context = (markdown: boolean): RequestContext => ({ settings, markdown, ...(clientLocale !== undefined && { clientLocale }) });

  /** A request about a position in a document: cancelled, malformed, unknown document, or answered by `run`. */
  function atPosition<T>(params: unknown, token: CancellationToken, run: (document: LineDocument, position: Position) => T): T | null | ResponseError<void> {
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
      settings = parseSettings(section);
    } catch (error) {
      // The client refused, or the connection closed while we asked: keep the settings we have.
      safely(() => logger.error(`could not read settings: ${(error as Error).message}`));
    }
  }

  const disposables = [
    connection.onInitialize((params) => {
      const caps: ClientCapabilities = params.capabilities ?? {};
      hoverMarkdown = caps.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
      documentationMarkdown = caps.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;
      canPullConfiguration = caps.workspace?.configuration === true;
      clientLocale = typeof params.locale === 'string' && params.locale.length > 0 ? params.locale : undefined;
      if (params.initializationOptions !== undefined && params.initializationOptions !== null) {
        settings = parseSettings(params.initializationOptions);
      }
      return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'sd-glossary-lsp', version } };
    }),
    connection.onInitialized(() => {
      void pullSettings();
      // Build the glossary's indexes now, between initialize and the first request, not during it.
      setImmediate(() => service().warmUp());
      setImmediate(() => safely(() => logger.info(`sd-glossary-lsp ${version}: ${service().entryCount} terms`)));
    }),
    connection.onDidChangeConfiguration((params) => {
      const raw = (params as { settings?: unknown } | undefined)?.settings;
      if (raw !== null && typeof raw === 'object' && 'sdGlossary' in raw) settings = parseSettings(raw);
      else void pullSettings();
    }),
    connection.onDidOpenTextDocument(({ textDocument: d }) => {
      if (typeof d?.uri !== 'string' || typeof d.text !== 'string') return;
      documents.set(d.uri, new LineDocument(d.uri, String(d.languageId), d.version, d.text));
      service().forget(d.uri);
    }),
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = typeof textDocument?.uri === 'string' ? documents.get(textDocument.uri) : undefined;
      if (!document || !Array.isArray(contentChanges)) return;
      const changes = contentChanges.filter(isContentChange);
      try {
        document.update(changes, textDocument.version);
      } catch (error) {
        // A change we cannot apply leaves the copy out of step: drop it, the client reopens it.
        documents.delete(textDocument.uri);
        safely(() => logger.error(`${textDocument.uri}: could not apply an edit (${(error as Error).message}); the document is closed`));
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
      if (typeof item !== 'object' || item === null) return new ResponseError(ErrorCodes.InvalidParams, 'a completion item is an object');
      return service().resolveCompletion(item, context(documentationMarkdown));
    }),
    connection.onDefinition((params, token) =>
      atPosition(params, token, (document, position) => service().definition(document, position, context(hoverMarkdown))),
    ),
    connection.onDocumentSymbol((params, token: CancellationToken) => {
      const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
      if (typeof uri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
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
    },
  };
}

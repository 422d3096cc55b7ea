import { createGlossaryIndex } from '@sd-glossary/data/core';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type Disposable,
  type FileSystemWatcher,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';
import type { GlossaryTarget } from '../service/consistency.js';
import { createLanguageService, type GlossarySource, type LanguageService } from '../service/language-service.js';
import { DEFAULT_SETTINGS, isAbsolutePath, type Settings } from '../settings.js';
import {
  createWorkspaceGlossaries,
  DEFAULT_GLOSSARY_NAMES,
  type GlossaryFile,
  type WorkspaceFiles,
} from './manager.js';
import { later } from '../later.js';
import { mergeGlossaries } from './merge.js';
import { fileUri, isInside, normalizeUri, resolveIn, splitUri } from './uris.js';

/** Where the server writes what it has to say (the client's output channel, usually). */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** What the controller needs from the server around it. */
export interface GlossaryControllerOptions {
  /** The built-in glossary, loaded at the first call. */
  readonly builtin: () => GlossarySource;
  /** How to read workspace glossaries; absent: none are read. */
  readonly files?: WorkspaceFiles | undefined;
  readonly logger: Logger;
  /** Sends a file's diagnostics; resolves once they are written. */
  publishDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
  /**
   * Asks the client to watch files (dynamic registration); absent when the client cannot.
   * @returns the registration, to dispose when the patterns change.
   */
  watch?(watchers: FileSystemWatcher[]): Promise<Disposable>;
}

/** Where the workspace is and what the client allows. */
export interface WorkspaceScope {
  /** The workspace folders' URIs, normalised (`normalizeUri`). */
  readonly folders: readonly string[];
  /** Whether glossary files of the workspace may be read (the client says no for an untrusted workspace). */
  readonly trusted: boolean;
  /** Whether the client watches files for the server (dynamic registration of watchers). */
  readonly watchesFiles: boolean;
  /** Whether the client takes watchers relative to a folder (a user glossary outside the workspace). */
  readonly relativePatterns: boolean;
}

/** The built-in and workspace glossaries, and the language service over them. */
export interface GlossaryController {
  /** The service over the current glossaries (built at the first call after a change). */
  service(): LanguageService;
  /** Rereads every glossary after the folders or the settings changed. */
  configure(scope: WorkspaceScope, settings: Settings): Promise<void>;
  /** A watched file changed on disk, or was created or deleted. */
  fileChanged(uri: string, deleted: boolean): Promise<void>;
  /** A document was opened: when it is a glossary, its open text applies at once. */
  documentOpened(uri: string, text: string): Promise<void>;
  /** A document was edited: when it is a glossary, its text applies once typing pauses. */
  documentEdited(uri: string, text: () => string): void;
  /** A document was closed. */
  documentClosed(uri: string): void;
  /**
   * The markdown glossary a term found in a document can be added to: the one at the root of the
   * workspace folder that holds the document, or a new `sd-glossary.md` there.
   * @param canCreate - the client can create files in a workspace edit.
   * @returns the target; `undefined` outside the workspace folders or in an untrusted workspace.
   */
  glossaryTarget(documentUri: string, canCreate: boolean): GlossaryTarget | undefined;
  dispose(): void;
}

/** How long typing must pause before a glossary file is reread, or a document's diagnostics are sent. */
export const TYPING_PAUSE_MS = 150;

/**
 * Creates the controller: discovery, file watchers, the typing pause, diagnostics, and the service
 * built again after a glossary changes.
 * @param options - the built-in glossary, file access, and the client's side.
 */
export function createGlossaryController(options: GlossaryControllerOptions): GlossaryController {
  const { logger } = options;
  const workspace = options.files && createWorkspaceGlossaries(options.files);
  let settings: Settings = DEFAULT_SETTINGS;
  let scope: WorkspaceScope = { folders: [], trusted: true, watchesFiles: false, relativePatterns: false };
  let current: LanguageService | undefined;
  let rebuildScheduled = false;
  let watching: { patterns: string; registration: Promise<Disposable> } | undefined;
  let disposed = false;
  const typing = new Map<string, ReturnType<typeof setTimeout>>();

  const logError = (message: string): void => {
    try {
      logger.error(message);
    } catch {
      // the connection is gone: nothing left to tell
    }
  };
  const report = (what: string) => (error: unknown) =>
    logError(`${what}: ${error instanceof Error ? error.message : String(error)}`);

  /** The service over the built-in glossary and the valid workspace glossaries, workspace first. */
  function createService(): LanguageService {
    const builtin = options.builtin();
    const valid = workspace?.valid() ?? [];
    if (valid.length === 0 && settings.builtin) return createLanguageService(builtin);
    const merged = mergeGlossaries(settings.builtin ? builtin.index.glossary : undefined, builtin.sourceUri, valid);
    return createLanguageService({ ...merged, index: createGlossaryIndex(merged.glossary) });
  }

  /**
   * The glossaries changed: the service over the old ones goes, and the new one is built as soon as
   * the diagnostics of the change are written, so the next hover does not wait for its indexes.
   * Not sooner: the protocol library writes a message's header and body in two turns of the event
   * loop, and a build between them would hold the diagnostics back.
   */
  function rebuildAfter(published: Promise<void>): void {
    current = undefined;
    if (rebuildScheduled) return;
    rebuildScheduled = true;
    void published.then(() =>
      later(() => {
        rebuildScheduled = false;
        if (disposed) return;
        try {
          logger.info(`sd-glossary-lsp: ${controller.service().entryCount} terms, after a glossary changed`);
        } catch (error) {
          report('could not build the glossary')(error);
        }
      }),
    );
  }

  /** Sends each file's problems at their line and column (to the end of that line), and clears the files that went. */
  function publish(files: readonly GlossaryFile[], cleared: readonly string[] = []): Promise<void> {
    const sent = files.map((file) => {
      const issues = file.issues.filter((i) => i.file === file.name);
      // Split only when there is something to point at: a sound file is reloaded often.
      const lines = issues.length > 0 ? file.text.split(/\r?\n/) : [];
      const diagnostics: Diagnostic[] = issues.map((i) => {
        const line = i.line - 1;
        const end = Math.max(i.column, lines[line]?.length ?? i.column);
        return {
          range: { start: { line, character: i.column - 1 }, end: { line, character: end } },
          severity: DiagnosticSeverity.Error,
          source: 'sd-glossary',
          message: i.message,
        };
      });
      return options.publishDiagnostics({ uri: file.uri, diagnostics });
    });
    for (const uri of cleared) sent.push(options.publishDiagnostics({ uri, diagnostics: [] }));
    return Promise.all(sent.map((p) => p.catch(report('could not send diagnostics')))).then(() => undefined);
  }

  /** Asks the client to watch the glossary files the settings name (again, when they changed). */
  function watchGlossaryFiles(): void {
    if (!workspace || !options.watch || !scope.watchesFiles) return;
    const inWorkspace = scope.trusted
      ? [`**/{${DEFAULT_GLOSSARY_NAMES.join(',')}}`, ...settings.glossaries.filter((p) => !isAbsolutePath(p))]
      : [];
    const watchers: FileSystemWatcher[] = [
      ...inWorkspace.map((globPattern) => ({ globPattern })),
      ...settings.userGlossaries.map((path) => {
        const { folder, name } = splitUri(fileUri(path));
        return {
          globPattern: scope.relativePatterns ? { baseUri: folder, pattern: name } : path.replaceAll('\\', '/'),
        };
      }),
    ];
    const patterns = JSON.stringify(watchers);
    if ((watching?.patterns ?? '[]') === patterns) return;
    const previous = watching;
    watching = undefined;
    void previous?.registration.then((r) => r.dispose()).catch(report('could not stop watching glossary files'));
    if (watchers.length === 0) return;
    const registration = options.watch(watchers);
    registration.catch(report('could not watch glossary files'));
    watching = { patterns, registration };
  }

  /** A glossary file has new text (`undefined`: it is gone): read it again, report, rebuild. */
  async function reread(documentUri: string, text: string | undefined): Promise<void> {
    const uri = normalizeUri(documentUri);
    if (!workspace || uri === undefined || !workspace.isGlossary(uri)) return;
    const had = workspace.files().some((f) => f.uri === uri);
    if (await workspace.update(uri, text)) published(uri, had);
  }

  /** A glossary file changed: its diagnostics (cleared when it went), then the rebuild. */
  function published(uri: string, had: boolean): void {
    const file = workspace?.files().find((f) => f.uri === uri);
    rebuildAfter(publish(file ? [file] : [], !file && had ? [uri] : []));
  }

  const controller: GlossaryController = {
    service: () => (current ??= createService()),

    async configure(nextScope, nextSettings) {
      const builtinToggled = nextSettings.builtin !== settings.builtin;
      scope = nextScope;
      settings = nextSettings;
      if (builtinToggled) current = undefined;
      if (!workspace) return;
      const before = workspace.files().map((f) => f.uri);
      // The user's own glossaries are read in an untrusted workspace too: they are not the workspace's.
      workspace.configure(scope.trusted ? scope.folders : [], settings.glossaries, settings.userGlossaries);
      for (const path of settings.glossaries.filter(isAbsolutePath)) {
        logError(
          `sdGlossary.glossaries: "${path}" is not read, as it is outside the workspace; ` +
            'list it in sdGlossary.userGlossaries in your user settings',
        );
      }
      watchGlossaryFiles();
      await workspace.discover();
      const after = workspace.files();
      const gone = before.filter((uri) => !after.some((f) => f.uri === uri));
      const published = publish(after, gone);
      if (after.length > 0 || before.length > 0) rebuildAfter(published);
    },

    async fileChanged(fileUri, deleted) {
      const uri = normalizeUri(fileUri);
      if (!workspace || uri === undefined) return;
      const had = workspace.files().some((f) => f.uri === uri);
      const changed = deleted ? await workspace.update(uri, undefined) : await workspace.refresh(uri);
      if (changed) published(uri, had);
    },

    documentOpened: (uri, text) => reread(uri, text),

    documentEdited(uri, text) {
      const normal = normalizeUri(uri);
      if (!workspace || normal === undefined || !workspace.isGlossary(normal)) return;
      clearTimeout(typing.get(uri));
      const timer = setTimeout(() => {
        typing.delete(uri);
        reread(uri, text()).catch(report(uri));
      }, TYPING_PAUSE_MS);
      typing.set(uri, timer);
    },

    documentClosed(uri) {
      current?.forget(uri);
    },

    glossaryTarget(documentUri, canCreate) {
      const uri = normalizeUri(documentUri);
      const folder = uri && scope.trusted ? scope.folders.find((f) => isInside(f, uri)) : undefined;
      if (!workspace || folder === undefined) return undefined;
      const markdown = DEFAULT_GLOSSARY_NAMES.filter((n) => n.endsWith('.md')).map((n) => resolveIn(folder, n));
      const existing = workspace.files().find((f) => markdown.includes(f.uri));
      if (existing) return { uri: existing.uri, text: existing.text, canCreate };
      return { uri: markdown[0]!, text: undefined, canCreate };
    },

    dispose() {
      disposed = true;
      for (const timer of typing.values()) clearTimeout(timer);
      typing.clear();
    },
  };
  return controller;
}

import type { Glossary } from '@sd-glossary/data/core';
import type { GlossaryIssue } from '@sd-glossary/data/parser';
import { isAbsolutePath } from '../settings.js';
import { loadGlossary, type LoadGlossary } from './load.js';
import { displayName, fileUri, isInside, resolveIn } from './uris.js';
import type { WorkspaceGlossary } from './merge.js';

/** The file names a workspace folder's glossary may have, looked for at each folder's root. */
export const DEFAULT_GLOSSARY_NAMES: readonly string[] = ['sd-glossary.md', '.sd-glossary.md', 'sd-glossary.json'];

/** How the server reads workspace files (injected: the language service never touches the file system). */
export interface WorkspaceFiles {
  /**
   * Reads a glossary file as UTF-8.
   * @param uri - the file.
   * @param where - the workspace folders (URIs) it must really be in, unless it is one of the user's own.
   * @returns its text, or `undefined` when it does not exist or may not or cannot be read.
   */
  read(uri: string, where: { readonly folders: readonly string[]; readonly own: boolean }): Promise<string | undefined>;
  /** How a file's text becomes a glossary; absent: `loadGlossary`, on the server's thread. */
  readonly load?: LoadGlossary;
}

/** One glossary file: its last text, its last valid document, and what is wrong with it now. */
export interface GlossaryFile {
  /** Its URI, normalised (`normalizeUri`). */
  readonly uri: string;
  /** How it is named in its issues and its entries' sources: its path, for a `file:` URI. */
  readonly name: string;
  readonly text: string;
  /** The last version that was valid: kept while the file is broken, so nothing is lost. */
  readonly good: Glossary | undefined;
  readonly issues: GlossaryIssue[];
}

/** The workspace's glossary files: discovered, loaded, reloaded. */
export interface WorkspaceGlossaries {
  /**
   * Says where glossaries are: the workspace folders (normalised URIs), more paths inside them
   * (relative to a folder; a path that leads outside is not read), and the user's own glossaries
   * (absolute file paths, from the user's configuration only).
   */
  configure(folders: readonly string[], extraPaths: readonly string[], userPaths?: readonly string[]): void;
  /** Reads every glossary file there is. */
  discover(): Promise<void>;
  /** Whether a normalised URI is one of the glossary files (for watched-file events and open documents). */
  isGlossary(uri: string): boolean;
  /**
   * Reloads one file from its new text (`undefined`: deleted).
   * @returns true when what the server serves may have changed.
   */
  update(uri: string, text: string | undefined): Promise<boolean>;
  /**
   * Reads one file again from where it is stored (it changed there).
   * @returns true when what the server serves may have changed.
   */
  refresh(uri: string): Promise<boolean>;
  /** Every file with its state, in discovery order. */
  files(): readonly GlossaryFile[];
  /** The valid documents, in discovery order (workspace files, then the user's). */
  valid(): WorkspaceGlossary[];
}

/**
 * Creates the workspace glossary manager.
 * @param fileSystem - how to read files.
 */
export function createWorkspaceGlossaries(fileSystem: WorkspaceFiles): WorkspaceGlossaries {
  let candidates: string[] = [];
  let user = new Set<string>();
  const state = new Map<string, GlossaryFile>();
  let roots: readonly string[] = [];

  /** A file that is gone, or no longer a glossary. @returns whether it had a state. */
  const forget = (uri: string): boolean => state.delete(uri);

  const readFile = (uri: string): Promise<string | undefined> =>
    fileSystem.read(uri, { folders: roots, own: user.has(uri) });

  const load = async (uri: string, text: string): Promise<void> => {
    const previous = state.get(uri);
    const name = displayName(uri);
    const { glossary, issues } = await (fileSystem.load ?? loadGlossary)(text, name, roots);
    state.set(uri, { uri, name, text, good: glossary ?? previous?.good, issues });
  };

  const manager: WorkspaceGlossaries = {
    configure(folders, extraPaths, userPaths = []) {
      roots = folders;
      const extra = folders.flatMap(
        // never outside the workspace
        (folder) => extraPaths.map((p) => resolveIn(folder, p)).filter((uri) => isInside(folder, uri)),
      );
      user = new Set(userPaths.filter(isAbsolutePath).map(fileUri));
      candidates = [
        ...new Set([
          ...folders.flatMap((folder) => DEFAULT_GLOSSARY_NAMES.map((name) => resolveIn(folder, name))),
          ...extra,
          ...user,
        ]),
      ];
      for (const uri of state.keys()) if (!candidates.includes(uri)) forget(uri);
    },
    async discover() {
      for (const uri of candidates) {
        const text = await readFile(uri);
        if (text === undefined) forget(uri);
        else await load(uri, text);
      }
    },
    isGlossary: (uri) => candidates.includes(uri),
    async update(uri, text) {
      if (!candidates.includes(uri)) return false;
      if (text === undefined) return forget(uri);
      if (state.get(uri)?.text === text) return false;
      await load(uri, text);
      return true;
    },
    async refresh(uri) {
      // Only a glossary file is read: a watched-file event names any file the client likes.
      if (!candidates.includes(uri)) return false;
      return manager.update(uri, await readFile(uri));
    },
    files: () => candidates.flatMap((uri) => (state.has(uri) ? [state.get(uri)!] : [])),
    valid: () =>
      candidates.flatMap((uri) => {
        const file = state.get(uri);
        return file?.good ? [{ uri: file.uri, glossary: file.good, ...(user.has(uri) && { user: true }) }] : [];
      }),
  };
  return manager;
}

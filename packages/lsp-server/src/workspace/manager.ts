import { isAbsolute, join, resolve } from 'node:path';
import type { Glossary } from '@sd-glossary/data';
import type { GlossaryIssue } from '@sd-glossary/data/parser';
import { loadGlossary, type LoadGlossary } from './load.js';
import { isInside } from './paths.js';
import type { WorkspaceGlossary } from './merge.js';

/** The file names a workspace folder's glossary may have, looked for at each folder's root. */
export const DEFAULT_GLOSSARY_NAMES: readonly string[] = ['sd-glossary.md', '.sd-glossary.md', 'sd-glossary.json'];

/** How the server reads workspace files (injected: the language service never touches the file system). */
export interface WorkspaceFiles {
  /**
   * Reads a glossary file as UTF-8.
   * @param path - the file.
   * @param where - the workspace folders it must really be in, unless it is one of the user's own.
   * @returns its text, or `undefined` when it does not exist or may not or cannot be read.
   */
  read(
    path: string,
    where: { readonly folders: readonly string[]; readonly own: boolean },
  ): Promise<string | undefined>;
  /** How a file's text becomes a glossary; absent: `loadGlossary`, on the server's thread. */
  readonly load?: LoadGlossary;
}

/** One glossary file: its last text, its last valid document, and what is wrong with it now. */
export interface GlossaryFile {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  /** The last version that was valid: kept while the file is broken, so nothing is lost. */
  readonly good: Glossary | undefined;
  readonly issues: GlossaryIssue[];
}

/** The workspace's glossary files: discovered, loaded, reloaded. */
export interface WorkspaceGlossaries {
  /**
   * Says where glossaries are: the workspace folders, more paths inside them (relative to a folder;
   * a path that leads outside is not read), and the user's own glossaries (absolute paths, from the
   * user's configuration only).
   */
  configure(folders: readonly string[], extraPaths: readonly string[], userPaths?: readonly string[]): void;
  /** Reads every glossary file there is. */
  discover(): Promise<void>;
  /** Whether a path is one of the glossary files (for watched-file events and open documents). */
  isGlossary(path: string): boolean;
  /**
   * Reloads one file from its new text (`undefined`: deleted).
   * @returns true when what the server serves may have changed.
   */
  update(path: string, text: string | undefined): Promise<boolean>;
  /**
   * Reads one file again from the disk (it changed there).
   * @returns true when what the server serves may have changed.
   */
  refresh(path: string): Promise<boolean>;
  /** Every file with its state, in discovery order. */
  files(): readonly GlossaryFile[];
  /** The valid documents, in discovery order (workspace files, then the user's). */
  valid(): WorkspaceGlossary[];
}

/**
 * Creates the workspace glossary manager.
 * @param fileSystem - how to read files.
 * @param toUri - turns a path into a file URI.
 */
export function createWorkspaceGlossaries(
  fileSystem: WorkspaceFiles,
  toUri: (path: string) => string,
): WorkspaceGlossaries {
  let candidates: string[] = [];
  let user = new Set<string>();
  const state = new Map<string, GlossaryFile>();
  let roots: readonly string[] = [];

  /** A file that is gone, or no longer a glossary. @returns whether it had a state. */
  const forget = (path: string): boolean => state.delete(path);

  const readFile = (path: string): Promise<string | undefined> =>
    fileSystem.read(path, { folders: roots, own: user.has(path) });

  const load = async (path: string, text: string): Promise<void> => {
    const previous = state.get(path);
    const { glossary, issues } = await (fileSystem.load ?? loadGlossary)(text, path, roots);
    state.set(path, { path, uri: toUri(path), text, good: glossary ?? previous?.good, issues });
  };

  const manager: WorkspaceGlossaries = {
    configure(folders, extraPaths, userPaths = []) {
      roots = folders;
      const extra = folders.flatMap(
        // never outside the workspace
        (folder) => extraPaths.map((p) => resolve(folder, p)).filter((p) => isInside(folder, p)),
      );
      user = new Set(userPaths.filter(isAbsolute).map((p) => resolve(p)));
      candidates = [
        ...new Set([
          ...folders.flatMap((folder) => DEFAULT_GLOSSARY_NAMES.map((name) => join(folder, name))),
          ...extra,
          ...user,
        ]),
      ];
      for (const path of state.keys()) if (!candidates.includes(path)) forget(path);
    },
    async discover() {
      for (const path of candidates) {
        const text = await readFile(path);
        if (text === undefined) forget(path);
        else await load(path, text);
      }
    },
    isGlossary: (path) => candidates.includes(path),
    async update(path, text) {
      if (!candidates.includes(path)) return false;
      if (text === undefined) return forget(path);
      if (state.get(path)?.text === text) return false;
      await load(path, text);
      return true;
    },
    async refresh(path) {
      // Only a glossary file is read: a watched-file event names any path the client likes.
      if (!candidates.includes(path)) return false;
      return manager.update(path, await readFile(path));
    },
    files: () => candidates.flatMap((path) => (state.has(path) ? [state.get(path)!] : [])),
    valid: () =>
      candidates.flatMap((path) => {
        const file = state.get(path);
        return file?.good ? [{ uri: file.uri, glossary: file.good, ...(user.has(path) && { user: true }) }] : [];
      }),
  };
  return manager;
}

/**
 * Workspace files are named by URI, as clients name them: `file:` on a desktop, `vscode-vfs:` and the
 * like in VS Code for the Web. Only the Node file access turns a URI into a path.
 */
import { URI, Utils } from 'vscode-uri';

/**
 * A URI in one spelling, so two names of one file compare equal (`file:///c%3A/x` and `file:///C:/x`).
 * @param uri - any string a client sent.
 * @returns the normalised URI, or `undefined` for a string that is not one.
 */
export function normalizeUri(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri, true);
    return parsed.path ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a URI is inside a folder's (not the folder itself): same scheme and authority, a path under it.
 * @param folder - a normalised folder URI.
 * @param uri - a normalised URI.
 */
export function isInside(folder: string, uri: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return uri.startsWith(base) && uri.length > base.length && !/(?:^|\/)\.\.?(?:\/|$)/.test(uri.slice(base.length));
}

/**
 * A path under a folder (`glossaries/team.md`, `../x` too), resolved against it.
 * @returns the normalised URI.
 */
export function resolveIn(folder: string, relative: string): string {
  return Utils.resolvePath(URI.parse(folder), relative.replaceAll('\\', '/')).toString();
}

/** The URI of an absolute file path (a user's own glossary). */
export const fileUri = (path: string): string => URI.file(path).toString();

/** The parent folder's URI and the file's name, for a watcher relative to the folder. */
export function splitUri(uri: string): { folder: string; name: string } {
  const parsed = URI.parse(uri);
  return { folder: Utils.dirname(parsed).toString(), name: Utils.basename(parsed) };
}

/**
 * How a file is named in messages and in its entries' `sources`: its path for a `file:` URI, else the URI.
 */
export function displayName(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}

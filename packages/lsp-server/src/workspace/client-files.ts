import type { Connection } from 'vscode-languageserver';
import { READ_FILE_REQUEST, type ReadFileParams, type ReadFileResult } from '../protocol.js';
import type { WorkspaceFiles } from './manager.js';
import { isInside } from './uris.js';

/** The largest glossary text taken: what the parser reads of a JSON glossary (markdown pages far less). */
const MAX_CHARS = 4 * 1024 * 1024;

/**
 * Workspace glossary files read by the client, for a server with no file system (a web worker): it
 * asks `sdGlossary/readFile` for each file inside a workspace folder, or one of the user's own. A
 * client that does not answer the request has no workspace glossaries.
 * @param connection - the server's connection.
 * @returns the file access for the glossary manager.
 */
export function clientWorkspaceFiles(connection: Connection): WorkspaceFiles {
  return {
    async read(uri, where) {
      if (!where.own && !where.folders.some((folder) => isInside(folder, uri))) return undefined;
      try {
        const params: ReadFileParams = { uri };
        const result = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, params);
        const text = result?.text;
        return typeof text === 'string' && text.length <= MAX_CHARS ? text : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

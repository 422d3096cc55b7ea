import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: dependencies stay dependencies. `settings`, `protocol` and `service` are entries
    // of their own so a client (the VS Code extension, a Monaco editor) can use them without the server.
    entry: {
      index: 'src/index.ts',
      settings: 'src/settings.ts',
      protocol: 'src/protocol.ts',
      service: 'src/service.ts',
    },
    format: ['esm'],
    dts: true,
    tsconfig: 'tsconfig.build.json',
    target: 'node20',
    platform: 'node',
  },
  {
    // The bin's server, and the VS Code extension's (it bundles these files with the data package):
    // the protocol libraries are bundled so a start reads one file for them. The worker that reads
    // workspace glossaries is a file of its own beside it.
    entry: { main: 'src/main.ts', 'load-worker': 'src/load-worker.ts' },
    format: ['cjs'],
    shims: true,
    target: 'node20',
    platform: 'node',
    noExternal: [/^vscode-/],
    minify: true,
    define: { SERVER_VERSION: JSON.stringify(version) },
  },
]);

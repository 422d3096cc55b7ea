import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// The CLI imports the library and the parser; point those imports at the files the first build
// writes, so the code ships once.
const shared: Record<string, string> = {
  [resolve('src/index.js')]: './index.js',
  [resolve('src/parser/index.js')]: './parser.js',
};
const shareDist: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'share-dist',
  setup(build) {
    build.onResolve({ filter: /index\.js$/ }, (args) => {
      const target = shared[resolve(args.resolveDir, args.path)];
      return target === undefined ? undefined : { path: target, external: true };
    });
  },
};

export default defineConfig([
  {
    // The library, for ESM and CommonJS consumers. It and the parser bundle everything they use
    // (the parser: unified, remark, Ajv, pinyin-pro), so the package has no runtime dependencies.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    tsconfig: 'tsconfig.build.json',
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    splitting: false,
    treeshake: true,
    onSuccess: async () => {
      await copyFile('../../schema/glossary.schema.json', 'schema.json');
    },
  },
  {
    // The parser carries unified/remark, Ajv and pinyin-pro: minified, it is about half the size.
    entry: { parser: 'src/parser/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    tsconfig: 'tsconfig.build.json',
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    minify: true,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [shareDist],
  },
]);

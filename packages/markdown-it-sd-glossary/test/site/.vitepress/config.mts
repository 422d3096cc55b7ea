import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitepress';
import sdGlossary from '../../../dist/index.js';

// A small docs site as a VitePress author writes one: the built-in glossary and the team's own.
export default defineConfig({
  title: 'SD 笔记',
  lang: 'zh-CN',
  srcExclude: ['team-glossary.md'],
  markdown: {
    config: (md) => {
      md.use(sdGlossary, { glossaries: [fileURLToPath(new URL('../team-glossary.md', import.meta.url))] });
    },
  },
});

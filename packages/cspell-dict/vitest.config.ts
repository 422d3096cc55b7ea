import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cspell-dict',
    include: ['test/**/*.test.ts'],
    // Each cspell run starts a Node process and loads its bundled dictionaries.
    testTimeout: 60_000,
  },
});

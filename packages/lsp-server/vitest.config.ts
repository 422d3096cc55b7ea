import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'lsp',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    // The servers the tests start keep their compile cache here, not in the user's ~/.cache.
    env: { XDG_CACHE_HOME: join(tmpdir(), 'sd-glossary-lsp-test-cache') },
  },
});

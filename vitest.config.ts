import { defineConfig } from 'vitest/config';

// One run over every package; the JSON report is what .ci/run counts.
export default defineConfig({
  test: {
    projects: ['packages/*', { test: { name: 'repo', include: ['test/**/*.test.ts'], testTimeout: 60_000 } }],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});

import { defineConfig } from 'vitest/config';

// One run over every package; the JSON report is what .ci/run counts.
export default defineConfig({
  test: {
    projects: ['packages/*'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});

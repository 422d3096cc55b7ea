import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'monaco',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'markdown-it',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'remark',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

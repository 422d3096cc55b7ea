import { describe, expect, test } from 'vitest';
import { serverV8Flags } from './v8-tuning.js';

const V8_11 = '11.3.244.8-node.33';

describe('serverV8Flags', () => {
  test('without flags of the user: all of them', () => {
    expect(serverV8Flags([], {}, V8_11)).toEqual([
      '--semi-space-growth-factor=1',
      '--no-turbo-inlining',
      '--interrupt-budget=16384',
    ]);
  });

  test.each([
    ['12.4.254.21-node.33', ['--semi-space-growth-factor=1', '--no-turbo-inlining']],
    ['13.6.233.10-node.28', ['--semi-space-growth-factor=1', '--no-turbo-inlining']],
  ])('V8 %s: only the flags it has (it prints an error for others)', (version, expected) => {
    expect(serverV8Flags([], {}, version)).toEqual(expected);
  });

  test.each([
    [['--semi-space-growth-factor=2'], {}, ['--no-turbo-inlining', '--interrupt-budget=16384']],
    [['--turbo-inlining'], {}, ['--semi-space-growth-factor=1', '--interrupt-budget=16384']],
    [['--turbo_inlining', '--semi_space_growth_factor=4', '--interrupt_budget=1000'], {}, []],
    [
      [],
      { NODE_OPTIONS: '--max-old-space-size=512  --no-turbo-inlining' },
      ['--semi-space-growth-factor=1', '--interrupt-budget=16384'],
    ],
    [
      ['--inspect=6019', '--nolazy'],
      { NODE_OPTIONS: '' },
      ['--semi-space-growth-factor=1', '--no-turbo-inlining', '--interrupt-budget=16384'],
    ],
  ])('a flag the user gave (%j, %j) is left as given', (execArgv, env, expected) => {
    expect(serverV8Flags(execArgv, env, V8_11)).toEqual(expected);
  });
});

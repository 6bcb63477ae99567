// The bundle is what users run: check it, not only the sources.
import { describe, expect, it } from '@jest/globals';
import { runDistCli } from '../helpers/cli.js';

describe('dist/cli.js', () => {
  it('plans the examples', async () => {
    const { code, stdout } = await runDistCli([
      'plan',
      'examples/app',
      '--revision',
      'abcdef0123',
      '--started-at',
      '5',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('schema-migrate-abcdef0-presync-5');
  });

  it('exits 2 on invalid input', async () => {
    const { code, stderr } = await runDistCli(['plan', '__tests__/fixtures/invalid']);
    expect(code).toBe(2);
    expect(stderr).toContain('nothing was applied');
  });
});

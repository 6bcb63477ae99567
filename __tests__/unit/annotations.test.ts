import { describe, expect, it } from '@jest/globals';
import { csv } from '../../src/hooks/annotations.js';
import { parseDeletePolicies } from '../../src/hooks/delete-policy.js';
import { DEFAULT_SYNC_OPTIONS, parseSyncOptions } from '../../src/hooks/sync-options.js';
import { parseWave } from '../../src/hooks/sync-wave.js';

describe('csv', () => {
  it('trims, drops empties and de-duplicates', () => {
    expect(csv(' a, b,,a ,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('parseDeletePolicies', () => {
  it('defaults to BeforeHookCreation', () => {
    expect(parseDeletePolicies({})).toEqual({
      policies: ['BeforeHookCreation'],
      defaulted: true,
      problems: [],
    });
  });
  it('reads Argo policies in a canonical order', () => {
    const r = parseDeletePolicies({ 'argocd.argoproj.io/hook-delete-policy': 'HookFailed, HookSucceeded' });
    expect(r.policies).toEqual(['HookSucceeded', 'HookFailed']);
    expect(r.defaulted).toBe(false);
  });
  it('maps and merges Helm policies with Argo ones', () => {
    const r = parseDeletePolicies({
      'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-failed',
    });
    expect(r.policies).toEqual(['BeforeHookCreation', 'HookSucceeded', 'HookFailed']);
  });
  it('warns about unknown policies and defaults when none is left', () => {
    const r = parseDeletePolicies({ 'argocd.argoproj.io/hook-delete-policy': 'OnSuccess' });
    expect(r.policies).toEqual(['BeforeHookCreation']);
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'unknown-delete-policy']]);
  });
});

describe('parseWave', () => {
  it.each([
    [{}, 0],
    [{ 'argocd.argoproj.io/sync-wave': '5' }, 5],
    [{ 'argocd.argoproj.io/sync-wave': '-3' }, -3],
    [{ 'argocd.argoproj.io/sync-wave': '+2' }, 2],
    [{ 'argocd.argoproj.io/sync-wave': '-0' }, 0],
    [{ 'helm.sh/hook-weight': '-5' }, -5],
    [{ 'helm.sh/hook-weight': '7', 'argocd.argoproj.io/sync-wave': '1' }, 1],
  ])('%j → wave %d', (annotations, wave) => {
    const r = parseWave(annotations);
    expect(r).toEqual({ wave, problems: [] });
    expect(Object.is(r.wave, -0)).toBe(false);
  });

  it.each(['abc', '1.5', ' 1', '', '1e3', '99999999999999999999'])('refuses sync-wave "%s"', (value) => {
    const r = parseWave({ 'argocd.argoproj.io/sync-wave': value });
    expect(r.problems).toMatchObject([
      { severity: 'error', code: 'invalid-sync-wave', annotation: 'argocd.argoproj.io/sync-wave' },
    ]);
  });

  it('refuses a Helm hook-weight that is not an integer', () => {
    expect(parseWave({ 'helm.sh/hook-weight': 'high' }).problems[0]!.code).toBe('invalid-hook-weight');
  });
});

describe('parseSyncOptions', () => {
  const parse = (value: string) => parseSyncOptions({ 'argocd.argoproj.io/sync-options': value });
  it('reads Key=value pairs into what the engine acts on', () => {
    expect(parse('Prune=false, ServerSideApply=false,Validate=false').options).toEqual({
      ...DEFAULT_SYNC_OPTIONS,
      prune: 'false',
      serverSideApply: false,
      validate: false,
    });
    expect(
      parse('Replace=true,Force=true,SkipDryRunOnMissingResource=true,PruneLast=true,Delete=false').options,
    ).toEqual({
      ...DEFAULT_SYNC_OPTIONS,
      replace: true,
      force: true,
      skipDryRunOnMissingResource: true,
      pruneLast: true,
      delete: 'false',
    });
  });
  it('gives Argo CD defaults without the annotation', () => {
    expect(parseSyncOptions({})).toEqual({ options: DEFAULT_SYNC_OPTIONS, problems: [] });
  });
  it('warns about malformed entries, unknown keys, bad values and application-level options, keeping the rest', () => {
    const r = parse('Prune=false,Bogus=1,PruneLast,Replace=yes,CreateNamespace=true');
    expect(r.options).toEqual({ ...DEFAULT_SYNC_OPTIONS, prune: 'false' });
    expect(r.problems.map((p) => p.code)).toEqual([
      'unknown-sync-option',
      'malformed-sync-option',
      'malformed-sync-option',
      'application-sync-option',
    ]);
    expect(r.problems[2]!.hint).toBe('write Replace=true or Replace=false');
  });
});

import { describe, expect, it } from '@jest/globals';
import { classifyHook } from '../../src/hooks/hook-types.js';

const argo = (v: string) => ({ 'argocd.argoproj.io/hook': v });
const helm = (v: string) => ({ 'helm.sh/hook': v });
const codes = (a: Record<string, string>) => classifyHook(a).problems.map((p) => p.code);

describe('classifyHook', () => {
  it('an object without hook annotations is a resource', () => {
    expect(classifyHook({}).role).toEqual({ role: 'resource' });
  });

  it.each([
    ['PreSync', ['PreSync']],
    ['Sync', ['Sync']],
    ['PostSync', ['PostSync']],
    ['SyncFail', ['SyncFail']],
    ['PreDelete', ['PreDelete']],
    ['PostDelete', ['PostDelete']],
    [' PostSync , PreSync ,PreSync', ['PreSync', 'PostSync']],
  ])('argo "%s" runs in %j (trimmed, de-duplicated, in phase order)', (value, phases) => {
    expect(classifyHook(argo(value)).role).toEqual({ role: 'hook', phases, from: 'argo' });
  });

  it('Skip alone skips the object', () => {
    expect(classifyHook(argo('Skip')).role).toEqual({ role: 'skip' });
  });

  it('Skip,PreSync is a PreSync hook', () => {
    expect(classifyHook(argo('Skip,PreSync')).role).toEqual({
      role: 'hook',
      phases: ['PreSync'],
      from: 'argo',
    });
  });

  it('Garbage makes a hook with no phase: dropped with warnings', () => {
    const r = classifyHook(argo('Garbage'));
    expect(r.role).toEqual({ role: 'dropped' });
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'unknown-hook-type'],
      ['warning', 'hook-dropped'],
    ]);
  });

  it('a wrongly cased type is unknown, with a hint naming the right spelling', () => {
    const r = classifyHook(argo('presync'));
    expect(r.role).toEqual({ role: 'dropped' });
    expect(r.problems[0]!.hint).toContain('"PreSync"');
  });

  it('an unknown value beside a known one is warned about, the known one kept', () => {
    const r = classifyHook(argo('PreSync,Garbage'));
    expect(r.role).toEqual({ role: 'hook', phases: ['PreSync'], from: 'argo' });
    expect(r.problems.map((p) => p.code)).toEqual(['unknown-hook-type']);
  });

  it('an Argo PostSync beats a Helm pre-install on the same object, with a warning', () => {
    const r = classifyHook({ ...argo('PostSync'), ...helm('pre-install') });
    expect(r.role).toEqual({ role: 'hook', phases: ['PostSync'], from: 'argo' });
    expect(r.problems.map((p) => p.code)).toEqual(['helm-hook-overridden']);
  });

  it('falls back to Helm types when the Argo annotation names no known phase', () => {
    const r = classifyHook({ ...argo('Garbage'), ...helm('post-install') });
    expect(r.role).toEqual({ role: 'hook', phases: ['PostSync'], from: 'helm' });
  });

  it.each([
    ['pre-install', ['PreSync']],
    ['pre-upgrade', ['PreSync']],
    ['pre-install,pre-upgrade', ['PreSync']],
    ['post-install', ['PostSync']],
    ['post-upgrade', ['PostSync']],
    ['pre-install,post-upgrade', ['PreSync', 'PostSync']],
    ['pre-delete', ['PreDelete']],
    ['post-delete', ['PostDelete']],
  ])('helm "%s" maps to %j', (value, phases) => {
    expect(classifyHook(helm(value)).role).toEqual({ role: 'hook', phases, from: 'helm' });
  });

  it('helm crd-install alone is a normal resource', () => {
    expect(classifyHook(helm('crd-install'))).toEqual({ role: { role: 'resource' }, problems: [] });
  });

  it.each(['test', 'test-success', 'test-failure'])('helm "%s" hooks are dropped with a warning', (value) => {
    const r = classifyHook(helm(value));
    expect(r.role).toEqual({ role: 'dropped' });
    expect(r.problems.map((p) => p.code)).toEqual(['helm-test-hook-dropped']);
  });

  it('helm rollback hooks are dropped with a warning', () => {
    expect(codes(helm('pre-rollback'))).toEqual(['helm-rollback-hook-dropped']);
    expect(classifyHook(helm('post-rollback')).role).toEqual({ role: 'dropped' });
  });

  it('an unknown Helm hook is dropped with two warnings', () => {
    expect(codes(helm('pre-instal'))).toEqual(['unknown-helm-hook', 'hook-dropped']);
  });

  it('an empty Argo annotation still makes a hook, which is dropped', () => {
    expect(classifyHook(argo('')).role).toEqual({ role: 'dropped' });
  });
});

// The plan's live diff: field paths, adds and removals, server-owned fields ignored, Secret values hidden.
import { describe, expect, it } from '@jest/globals';
import { diffObjects, formatChange } from '../../src/diff/object-diff.js';

const live = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    uid: 'u1',
    resourceVersion: '41',
    generation: 3,
    managedFields: [{ manager: 'hook-sync' }],
    labels: { app: 'web', 'app.kubernetes.io/version': '1' },
    annotations: { 'deployment.kubernetes.io/revision': '3' },
  },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  status: { replicas: 2 },
};

describe('diffObjects', () => {
  it('lists changed, added and removed fields by path, ignoring what the server owns', () => {
    const after = structuredClone(live) as any;
    after.metadata.resourceVersion = '42';
    after.metadata.generation = 4;
    after.status = { replicas: 3 };
    after.spec.replicas = 3;
    after.spec.template.spec.containers[0].image = 'nginx:1.28';
    after.metadata.labels['app.kubernetes.io/version'] = '2';
    after.metadata.labels.tier = 'front';
    delete after.metadata.labels.app;
    expect(diffObjects(live, after).map(formatChange)).toEqual([
      '- metadata.labels.app',
      '~ metadata.labels["app.kubernetes.io/version"]: "1" → "2"',
      '+ metadata.labels.tier: "front"',
      '~ spec.replicas: 2 → 3',
      '~ spec.template.spec.containers[0].image: "nginx:1.27" → "nginx:1.28"',
    ]);
  });

  it('is empty when only server-owned fields differ', () => {
    const after = { ...live, metadata: { ...live.metadata, resourceVersion: '99' }, status: {} };
    expect(diffObjects(live, after)).toEqual([]);
  });

  it('says a Secret value changes, never what it was or becomes', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'b2xk' } };
    const changed = diffObjects(secret, { ...secret, data: { password: 'bmV3', token: 'dG9r' } }).map(
      formatChange,
    );
    expect(changed).toEqual(['~ data.password: (hidden) → (hidden)', '+ data.token: (hidden)']);
    expect(changed.join('\n')).not.toMatch(/b2xk|bmV3|dG9r/);
  });
});

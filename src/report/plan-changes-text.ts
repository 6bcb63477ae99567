/** The plan's comparison with a cluster, as text for the CLI: what would change, what would be pruned. */
import { formatChange } from '../diff/object-diff.js';
import type { TaskPreview } from '../diff/live-preview.js';
import type { InventoryObject } from '../lifecycle/inventory.js';

function name(o: { kind: string; namespace: string; name: string }): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

export function renderPlanChangesText(
  previews: readonly TaskPreview[],
  leaving: readonly InventoryObject[],
): string {
  const lines = ['', 'In the cluster:'];
  for (const { task, preview } of previews) {
    if (preview.change === 'run') continue;
    if (preview.change === 'update') {
      lines.push(
        `  changed    ${name(task)}`,
        ...preview.fields.map((f) => `               ${formatChange(f)}`),
      );
    } else if (preview.change === 'refused' || preview.change === 'unknown')
      lines.push(`  ${preview.change.padEnd(10)} ${name(task)}: ${preview.message}`);
    else lines.push(`  ${(preview.change === 'create' ? 'created' : 'unchanged').padEnd(10)} ${name(task)}`);
  }
  if (leaving.length) {
    lines.push('', 'Left the manifests (pruned by sync --prune, last wave first):');
    for (const o of leaving)
      lines.push(`  ${name(o)} (wave ${o.wave}${o.prune === 'false' ? ', kept: Prune=false' : ''})`);
  }
  return lines.join('\n') + '\n';
}

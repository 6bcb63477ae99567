/** Argo Workflows: `status.phase` says it all. */
import { degraded, healthy, progressing, unknown, type Health } from '../health.js';
import { str } from '../object-fields.js';

export function workflowHealth(obj: unknown): Health {
  const phase = str(obj, 'status.phase');
  const message = str(obj, 'status.message');
  switch (phase) {
    case '':
    case 'Pending':
    case 'Running':
      return progressing(message || `workflow ${phase ? phase.toLowerCase() : 'not started'}`);
    case 'Succeeded':
      return healthy(message || 'workflow succeeded');
    case 'Failed':
    case 'Error':
      return degraded(message || `workflow ${phase.toLowerCase()}`, phase);
    default:
      return unknown(message || `unknown workflow phase "${phase}"`);
  }
}

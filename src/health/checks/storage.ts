/** A PersistentVolumeClaim is ready once Bound; Lost is beyond repair. */
import { degraded, healthy, progressing, unknown, type Health } from '../health.js';
import { str } from '../object-fields.js';

export function persistentVolumeClaimHealth(obj: unknown): Health {
  const phase = str(obj, 'status.phase');
  switch (phase) {
    case 'Bound':
      return healthy(`bound to volume ${str(obj, 'spec.volumeName') || '(unnamed)'}`);
    case 'Pending':
      return progressing(
        str(obj, 'spec.storageClassName')
          ? `waiting for a volume of class "${str(obj, 'spec.storageClassName')}" to be bound`
          : 'waiting for a volume to be bound',
      );
    case 'Lost':
      return degraded('the claim lost its volume', 'ClaimLost');
    default:
      return unknown(phase ? `unknown claim phase "${phase}"` : 'the claim has no status yet');
  }
}

/** Health of the kinds that extend the API: CustomResourceDefinitions and APIServices. */
import { degraded, healthy, progressing, type Health } from '../health.js';
import { condition, conditions, field } from '../object-fields.js';

export function customResourceDefinitionHealth(obj: unknown): Health {
  if (field(obj, 'metadata.deletionTimestamp')) return progressing('CRD is terminating');
  if (conditions(obj).length === 0) return progressing('Status conditions not found');
  const names = condition(obj, 'NamesAccepted');
  if (names?.status === 'False')
    return degraded(names.message || 'CRD names were not accepted', names.reason || 'NamesNotAccepted');
  const nonStructural = condition(obj, 'NonStructuralSchema');
  if (nonStructural?.status === 'True')
    return degraded(nonStructural.message || 'the CRD schema is not structural', 'NonStructuralSchema');
  const established = condition(obj, 'Established');
  if (established?.status === 'True') return healthy('CRD is established');
  if (established?.reason === 'Installing') return progressing('CRD is being installed');
  return degraded(established?.message || 'CRD is not established', established?.reason || 'NotEstablished');
}

export function apiServiceHealth(obj: unknown): Health {
  const available = condition(obj, 'Available');
  if (!available) return progressing('Waiting to be processed');
  if (available.status === 'True') return healthy(available.message);
  return progressing(
    `${available.reason ? `${available.reason}: ` : ''}${available.message || 'not available yet'}`,
  );
}

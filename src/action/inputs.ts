/** The action's inputs, read and checked in one place (like actions/checkout's input-helper). */
import * as core from '@actions/core';

export interface ActionInputs {
  manifests: string[];
  namespace: string;
  operation: 'plan' | 'sync';
}

export function readInputs(): ActionInputs {
  const manifests = core
    .getMultilineInput('manifests', { required: true })
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const operation = core.getInput('operation') || 'sync';
  if (operation !== 'plan' && operation !== 'sync') {
    throw new Error(`input "operation" must be "plan" or "sync", not "${operation}"`);
  }
  return { manifests, namespace: core.getInput('namespace') || 'default', operation };
}

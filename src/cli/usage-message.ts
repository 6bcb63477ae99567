/** What a command-line mistake is, in hook-sync's words: an unknown option names the one meant. */
import { nearest } from '../hooks/nearest.js';

export function usageMessage(err: Error & { code?: string }, usage: string): string {
  if (err.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return err.message;
  const option = /Unknown option '([^']+)'/.exec(err.message)?.[1];
  if (!option) return err.message;
  const known = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
  const match = nearest(option, known);
  return `Unknown option '${option}'${match ? `: did you mean ${match}?` : ''} (the options are listed below)`;
}

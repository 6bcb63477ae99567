/** SIGINT and SIGTERM (a cancelled workflow, Ctrl-C) abort the operation; returns the undo. */
export function cancelOnSignals(
  signals: NodeJS.EventEmitter,
  controller: AbortController,
  onCancel?: () => void,
): () => void {
  const cancel = () => {
    if (controller.signal.aborted) return;
    onCancel?.();
    controller.abort();
  };
  signals.on('SIGINT', cancel);
  signals.on('SIGTERM', cancel);
  return () => {
    signals.off('SIGINT', cancel);
    signals.off('SIGTERM', cancel);
  };
}

/**
 * A watch stream read straight off the connection pool (undici's dispatch API), one JSON event a line.
 * client-node's Watch goes through fetch, a web stream turned into a Node stream, then readline: a sync of
 * a thousand objects brings a thousand events, and that path cost more CPU per event than the event's own
 * work. It also dropped a line it could not parse without a word; here such a line ends the stream with an
 * error, so the watcher resumes from the last version it took and the event comes again.
 */
import { StringDecoder } from 'node:string_decoder';
import type { DispatchController, Dispatcher, Target } from './http-transport.js';

export interface WatchEvent {
  type: string;
  object: Record<string, unknown>;
}

/** An answer other than 200 to a watch: its status, read by the watcher (410 Gone: list again). */
export class WatchRefused extends Error {
  override name = 'WatchRefused';
  constructor(
    readonly statusCode: number,
    body: string,
  ) {
    super(`the watch was answered HTTP ${statusCode}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

export interface WatchStreamOptions {
  dispatcher: Dispatcher;
  target: Target;
  headers: Record<string, string>;
  onEvent: (event: WatchEvent) => void;
  /** Called once: null when the server ended the stream, else why it ended. */
  onDone: (err: Error | null) => void;
  /** With nothing from the server for this long (no event, no bookmark), the stream is given up. */
  idleTimeoutMs: number;
}

/** Starts the stream; the controller ends it (then onDone is told nothing more). */
export function openWatchStream(options: WatchStreamOptions): AbortController {
  const { onEvent, onDone } = options;
  const stop = new AbortController();
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let status = 0;
  let refusal = '';
  let started: DispatchController | undefined;
  let done = false;
  /** The stream is over; a request still under way (a timeout, a bad line) is stopped. */
  const finish = (err: Error | null, requestOver = false) => {
    if (done) return;
    done = true;
    clearTimeout(idle);
    stop.signal.removeEventListener('abort', onStop);
    if (err && !requestOver) started?.abort(err);
    onDone(err);
  };
  // One timer, pushed back by each chunk (refresh, not a new timer per chunk).
  const idle = setTimeout(
    () => finish(new DOMException('no data from the watch in time', 'TimeoutError')),
    options.idleTimeoutMs,
  );
  idle.unref();
  function onStop() {
    if (done) return;
    done = true;
    clearTimeout(idle);
    started?.abort(new DOMException('the watch was stopped', 'AbortError'));
  }
  stop.signal.addEventListener('abort', onStop, { once: true });

  const lines = (text: string) => {
    const all = partial + text;
    let from = 0;
    for (let nl = all.indexOf('\n'); nl >= 0 && !done; nl = all.indexOf('\n', from)) {
      const line = all.slice(from, nl).trim();
      from = nl + 1;
      if (line) take(line);
    }
    partial = all.slice(from);
  };
  const take = (line: string) => {
    let event: WatchEvent;
    try {
      event = JSON.parse(line) as WatchEvent;
    } catch {
      finish(new Error(`the watch sent a line that is not JSON (${line.length} characters)`));
      return;
    }
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
      finish(new Error(`the watch sent a line that is not an event (${line.length} characters)`));
      return;
    }
    try {
      onEvent(event);
    } catch (err) {
      // The listener's own failure: ended here, with its reason, not inside undici's handler.
      finish(err instanceof Error ? err : new Error(String(err)));
    }
  };

  try {
    options.dispatcher.dispatch(
      { origin: options.target.origin, path: options.target.path, method: 'GET', headers: options.headers },
      {
        onRequestStart(controller) {
          started = controller;
          if (done) controller.abort(new DOMException('the watch was stopped', 'AbortError'));
        },
        onResponseStart(_controller, statusCode) {
          status = statusCode;
          idle.refresh();
        },
        onResponseData(_controller, chunk) {
          if (done || status < 200) return;
          idle.refresh();
          if (status !== 200) refusal += chunk.toString('utf8');
          else lines(decoder.write(chunk));
        },
        onResponseEnd() {
          if (status !== 200) return finish(new WatchRefused(status, refusal), true);
          lines(`${decoder.end()}\n`);
          finish(null, true);
        },
        onResponseError(_controller, err) {
          finish(err, true);
        },
      },
    );
  } catch (err) {
    finish(err instanceof Error ? err : new Error(String(err)));
  }
  return stop;
}

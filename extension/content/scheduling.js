// When the scanner runs. Reading (walk + detect) runs in short tasks posted through a
// MessageChannel: unlike requestIdleCallback, which a busy single-page app never grants and
// which Chromium only grants after the page's first layout, a posted task runs within
// milliseconds, and a slice of a few milliseconds between the page's own tasks never holds the
// main thread. Writing runs in requestAnimationFrame callbacks: the DOM changes land right
// before the frame's own style and layout, so each frame lays the page out once, and nothing
// of ours reads layout after a write (no forced layout).
export function browserScheduler(win) {
  const tasks = [];
  const runOne = () => {
    const fn = tasks.shift();
    if (fn) fn();
  };
  // Every browser has MessageChannel; a plain timer (clamped to 4 ms when nested) where not.
  const Channel = win.MessageChannel ?? globalThis.MessageChannel;
  const channel = Channel ? new Channel() : null;
  if (channel) channel.port1.onmessage = runOne;
  const post = () => (channel ? channel.port2.postMessage(0) : win.setTimeout(runOne, 0));
  const frame = typeof win.requestAnimationFrame === 'function'
    ? (fn) => win.requestAnimationFrame(fn) : (fn) => win.setTimeout(fn, 16);
  return {
    /** Run `fn` in a task of its own, soon. */
    request(fn) {
      tasks.push(fn);
      post();
      return fn;
    },
    /** Run `fn` right before the next frame's style and layout. A hidden tab renders no
     * frames (no animation frame callbacks): there a task does, as nothing is laid out anyway. */
    requestFrame(fn) {
      if (win.document?.hidden) {
        tasks.push(fn);
        post();
        return fn;
      }
      return frame(() => fn());
    },
    /** Run `fn` in the first task after the frame that is being produced now has been rendered. */
    afterFrame(fn) {
      tasks.push(fn);
      post();
    },
    /** Run `fn` in a task after `ms` (the scanner's look at a page still being parsed). */
    later(fn, ms) {
      return win.setTimeout(fn, ms);
    },
    cancelLater(handle) {
      win.clearTimeout(handle);
    },
    cancel(handle) {
      const i = tasks.indexOf(handle);
      if (i >= 0) tasks.splice(i, 1);
      else if (typeof handle === 'number') (win.cancelAnimationFrame ?? win.clearTimeout).call(win, handle);
    },
    close() {
      tasks.length = 0;
      channel?.port1.close();
    },
  };
}

/** User Timing entries for the first scan only; never throws (old engines, fake clocks). */
export class Timing {
  constructor(performance, enabled) {
    this.performance = enabled && typeof performance?.measure === 'function' ? performance : null;
  }

  measure(name, start, end) {
    if (!this.performance) return;
    try {
      this.performance.measure(name, { start, end });
    } catch {
      this.performance = null;
    }
  }

  mark(name) {
    if (!this.performance) return;
    try {
      this.performance.mark(name);
    } catch {
      // not worth failing the scan for
    }
  }

  /** The first scan is done: mark it, and record nothing more. */
  finish() {
    this.mark('click2call:first-scan-done');
    this.performance = null;
  }
}

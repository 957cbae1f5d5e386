// jsdom helpers for content-script tests.
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * A window with `html` parsed. jsdom builds the whole DOM at once but reports "loading" until a
 * later task; the document here says what the test means: parsed ("complete"), or, with
 * `{ parsing: true }`, still being parsed until the test calls `win.finishParsing()`.
 */
export function makeDom(html = '<!doctype html><html><body></body></html>', url = 'https://crm.example.com/', { parsing = false } = {}) {
  const virtualConsole = new VirtualConsole(); // silence "navigation not implemented"
  const dom = new JSDOM(html, { url, virtualConsole, pretendToBeVisual: true });
  const win = dom.window;
  let state = parsing ? 'loading' : 'complete';
  Object.defineProperty(win.document, 'readyState', { configurable: true, get: () => state });
  win.finishParsing = () => {
    state = 'interactive';
    win.document.dispatchEvent(new win.Event('readystatechange'));
  };
  return win;
}

/**
 * jsdom cannot make trusted events. This wraps a window so listeners registered through it
 * see `isTrusted` as the test set it (event.__trusted); everything else is the real event.
 */
export function trustingWindow(win) {
  return {
    addEventListener(type, fn, options) {
      const wrapped = (event) => fn(new Proxy(event, {
        get(target, prop) {
          if (prop === 'isTrusted') return target.__trusted === true;
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }));
      fn.__wrapped = wrapped;
      win.addEventListener(type, wrapped, options);
    },
    removeEventListener(type, fn, options) {
      win.removeEventListener(type, fn.__wrapped, options);
    },
  };
}

export function click(win, el, { trusted = true, button = 0, ...mods } = {}) {
  const event = new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button, ...mods });
  event.__trusted = trusted;
  el.dispatchEvent(event);
  return event;
}

/** Run a Scanner's queued slices synchronously. */
export function manualScheduler() {
  const queue = [];
  const timers = [];
  return {
    request(fn) { queue.push(fn); return queue.length; },
    later(fn) { timers.push(fn); return fn; },
    cancelLater(fn) { const i = timers.indexOf(fn); if (i >= 0) timers.splice(i, 1); },
    /** Fire the timers set so far (the scanner's looks at a page still being parsed). */
    fireTimers() { for (const fn of timers.splice(0)) fn(); },
    get timers() { return timers.length; },
    cancel() { queue.length = 0; },
    runAll(limit = 100000) {
      let n = 0;
      while (queue.length && n < limit) {
        queue.shift()({ timeRemaining: () => 8, didTimeout: false });
        n += 1;
      }
      return n;
    },
    get size() { return queue.length; },
  };
}

/** Counts the nodes the document's TreeWalkers visit from now on: `visits()` says how many. */
export function countWalkerVisits(doc) {
  let visits = 0;
  const create = doc.createTreeWalker.bind(doc);
  doc.createTreeWalker = (...args) => {
    const walker = create(...args);
    const next = walker.nextNode.bind(walker);
    walker.nextNode = () => {
      visits += 1;
      return next();
    };
    return walker;
  };
  return () => visits;
}

// A small hand-made fake of the WebExtension API: just what the code under test touches.
// Events record listeners and can be fired; storage areas live in memory; every call that
// leaves the extension (native port, tabs.sendMessage, windows.create…) is recorded.
import { readFileSync } from 'node:fs';

const messages = JSON.parse(readFileSync(new URL('../_locales/en/messages.json', import.meta.url), 'utf8'));

export function fakeEvent() {
  const listeners = [];
  return {
    listeners,
    addListener: (fn) => listeners.push(fn),
    removeListener: (fn) => listeners.splice(listeners.indexOf(fn), 1),
    hasListener: (fn) => listeners.includes(fn),
    fire: (...args) => listeners.map((fn) => fn(...args)),
  };
}

function fakeStorageArea(name, onChanged, initial = {}) {
  let data = structuredClone(initial);
  return {
    get data() { return data; },
    set data(v) { data = v; },
    async get(keys) {
      if (name === 'managed' && data === null) throw new Error('Managed storage manifest not found');
      if (keys == null) return structuredClone(data);
      const list = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      const changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      onChanged.fire(changes, name);
    },
    async remove(keys) {
      for (const k of [].concat(keys)) delete data[k];
      onChanged.fire({}, name);
    },
  };
}

/** A native port the test drives: host replies and events are pushed with `fromHost`. */
export function fakeNativePort() {
  const port = {
    sent: [],
    onMessage: fakeEvent(),
    onDisconnect: fakeEvent(),
    disconnected: false,
    postMessage(msg) {
      if (port.disconnected) throw new Error('Attempt to postMessage on disconnected port');
      port.sent.push(structuredClone(msg));
    },
    disconnect() { port.disconnected = true; },
    fromHost(msg) { port.onMessage.fire(structuredClone(msg)); },
    /** The browser closes the port with an error (Firefox style: port.error). */
    fail(message) {
      port.disconnected = true;
      port.error = message ? { message } : null;
      port.onDisconnect.fire(port);
    },
    lastSent(type) { return [...port.sent].reverse().find((m) => m.type === type); },
  };
  return port;
}

export function fakeBrowser({ managed = {}, local = {}, firefox = false } = {}) {
  const onChanged = fakeEvent();
  const calls = { tabsSendMessage: [], tabsUpdate: [], tabsCreate: [], windowsCreate: [], windowsUpdate: [], notifications: [], badge: [], runtimeSendMessage: [] };
  const api = {
    calls,
    runtime: {
      id: 'mhlbmjkkkedfmppgfdalengljggeoagn',
      lastError: undefined,
      getURL: (p) => `chrome-extension://mhlbmjkkkedfmppgfdalengljggeoagn/${p}`,
      getManifest: () => ({ version: '0.1.0' }),
      onMessage: fakeEvent(),
      onInstalled: fakeEvent(),
      onStartup: fakeEvent(),
      async sendMessage(msg) { calls.runtimeSendMessage.push(msg); },
      connectNative: () => { throw new Error('set api.runtime.connectNative in the test'); },
    },
    i18n: {
      getUILanguage: () => 'en-US',
      getMessage(key, subs) {
        const entry = messages[key];
        if (!entry) return '';
        const values = [].concat(subs ?? []);
        return entry.message.replace(/\$P(\d)\$/g, (_, n) => values[Number(n) - 1] ?? '');
      },
    },
    storage: {
      onChanged,
      local: fakeStorageArea('local', onChanged, local),
      session: fakeStorageArea('session', onChanged),
      managed: fakeStorageArea('managed', onChanged, managed),
    },
    tabs: {
      // Documents that are gone (navigated away, closed): a message addressed to one fails, as
      // in the browsers ("Could not establish connection. Receiving end does not exist.").
      goneDocuments: new Set(),
      async sendMessage(tabId, msg, opts) {
        if (opts?.documentId && api.tabs.goneDocuments.has(opts.documentId)) throw new Error('Could not establish connection. Receiving end does not exist.');
        calls.tabsSendMessage.push({ tabId, msg, opts });
      },
      async query() { return [{ id: 1 }]; },
      async update(tabId, props) { calls.tabsUpdate.push({ tabId, props }); return { id: tabId, windowId: 1, ...props }; },
      async create(props) { calls.tabsCreate.push(props); return { id: 100 + calls.tabsCreate.length, windowId: 1, ...props }; },
      onRemoved: fakeEvent(),
    },
    windows: {
      nextId: 9,
      async create(opts) { calls.windowsCreate.push(opts); return { id: api.windows.nextId++ }; },
      async update(windowId, props) { calls.windowsUpdate.push({ windowId, props }); return { id: windowId }; },
      onRemoved: fakeEvent(),
    },
    notifications: {
      async create(id, opts) { calls.notifications.push({ id, opts }); },
      async clear(id) { calls.notifications.push({ id, cleared: true }); },
      onClicked: fakeEvent(),
      onButtonClicked: fakeEvent(),
    },
    action: {
      async setBadgeText(o) { calls.badge.push({ text: o.text }); },
      async setBadgeBackgroundColor(o) { calls.badge.push({ color: o.color }); },
    },
    contextMenus: { created: [], create(item) { api.contextMenus.created.push(item); }, removeAll(cb) { api.contextMenus.created.length = 0; cb?.(); }, onClicked: fakeEvent() },
    commands: { onCommand: fakeEvent() },
  };
  if (firefox) api.runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
  return api;
}

/** Install a fake as globalThis.browser; returns it. */
export function installFakeBrowser(options) {
  const api = fakeBrowser(options);
  globalThis.browser = api;
  return api;
}

/** Manual timers, so backoff and timeouts are tested without waiting. */
export function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map();
  return {
    setTimeout(fn, ms) { const id = nextId++; pending.set(id, { fn, at: now + ms }); return id; },
    clearTimeout(id) { pending.delete(id); },
    advance(ms) {
      now += ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        due[1].fn();
      }
    },
    get pendingCount() { return pending.size; },
    nextDelay() { return Math.min(...[...pending.values()].map((t) => t.at - now)); },
  };
}

export const flush = () => new Promise((resolve) => setImmediate(resolve));

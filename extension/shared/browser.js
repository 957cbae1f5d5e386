// The one place that knows which namespace the browser offers. Firefox has `browser`
// (promise-based), Chromium has `chrome` (promise-based in MV3). Looked up on every call so
// tests can install a fake before or after importing a module.
export function ext() {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api) throw new Error('No WebExtension API in this context');
  return api;
}

export function isFirefox() {
  return typeof ext().runtime.getBrowserInfo === 'function';
}

export function t(key, substitutions) {
  return ext().i18n.getMessage(key, substitutions) || key;
}

// Storage wrappers: never throw, so a missing area (e.g. storage.managed without a policy
// in Firefox) reads as empty.
export async function readArea(area, keys) {
  try {
    const store = ext().storage[area];
    if (!store) return {};
    return (await store.get(keys)) ?? {};
  } catch {
    return {};
  }
}

export async function writeArea(area, items) {
  try {
    await ext().storage[area].set(items);
  } catch {
    // storage.session may be missing in old browsers; state then lives in memory only.
  }
}

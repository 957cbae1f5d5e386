import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const read = (p) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const manifest = read('../manifest.json');
const ids = read('../../host-manifest/extension-ids.json');
const messages = read('../_locales/en/messages.json');
const schema = read('../managed_schema.json');

test('manifest key hashes to the pinned Chromium id', () => {
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  assert.equal(id, 'mhlbmjkkkedfmppgfdalengljggeoagn');
  assert.ok(ids.chromium.includes(id), 'host-manifest/extension-ids.json lists the Chromium id');
});

test('gecko id matches host-manifest/extension-ids.json', () => {
  assert.equal(manifest.browser_specific_settings.gecko.id, 'click2call@click2call.dev');
  assert.ok(ids.gecko.includes(manifest.browser_specific_settings.gecko.id));
  assert.equal(manifest.browser_specific_settings.gecko.strict_min_version, '128.0');
});

test('one manifest for both browser families', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.ok(Number(manifest.minimum_chrome_version) >= 105);
  assert.ok(manifest.permissions.includes('nativeMessaging'));
  assert.equal(manifest.storage.managed_schema, 'managed_schema.json');
});

test('every __MSG_ in the manifest and every t()/data-i18n key in the sources exists', () => {
  const used = new Set();
  for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
  const files = ['background/controller.js', 'background/notifications.js', 'background/menus.js', 'content/links.js', 'content/main.js',
    'popup/view.js', 'popup/popup.js', 'popup/popup.html', 'options/fields.js', 'options/form.js', 'options/options.js', 'options/options.html',
    'confirm/confirm.html', 'confirm/confirm.js', 'background/host-errors.js'];
  for (const f of files) {
    const src = readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
    for (const m of src.matchAll(/\bt\('(\w+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/data-i18n(?:-placeholder)?="(\w+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/(?:label|fixKey):\s*'(\w+)'/g)) used.add(m[1]);
    for (const m of src.matchAll(/\['\w+', '(opt\w+)'\]/g)) used.add(m[1]);
    for (const m of src.matchAll(/failure\([^,]+, '(\w+)'/g)) used.add(m[1]);
  }
  const missing = [...used].filter((k) => !messages[k]);
  assert.deepEqual(missing, [], 'add these keys to scripts/messages-src.mjs and regenerate');
});

test('managed_schema covers exactly the settings table', async () => {
  const { SETTINGS } = await import('../shared/settings.js');
  assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(SETTINGS).sort());
});

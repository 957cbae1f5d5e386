// The self-hosted rollout kit (scripts/package-enterprise.mjs): CRX3 signing, update.xml, the
// organisation's policy files and the Group Policy templates generated from the managed schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { zip } from '../scripts/enterprise/zip.mjs';
import { crx3, extensionId, parseCrx3, verifyCrx3 } from '../scripts/enterprise/crx3.mjs';
import { admx, BROWSERS } from '../scripts/enterprise/admx.mjs';
import { organisationPolicies, CHROME_STORE_UPDATE_URL, EDGE_STORE_UPDATE_URL, FIREFOX_PLACEHOLDER_URL } from '../scripts/enterprise/policies.mjs';
import { packageEnterprise } from '../scripts/package-enterprise.mjs';

const read = (p) => JSON.parse(fs.readFileSync(new URL(p, import.meta.url), 'utf8'));
const schema = read('../managed_schema.json');
const projectIds = read('../../host-manifest/extension-ids.json');
const templatesDir = new URL('../../installer/policies', import.meta.url).pathname;

/** A throwaway organisation key, made for this test run only. */
function throwawayKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' });
}

/** Parses XML strictly; jsdom throws on anything that is not well-formed. */
function xmlDocument(text) {
  return new JSDOM(text, { contentType: 'application/xml' }).window.document;
}

test('a CRX3 carries a valid RSA proof and the id derived from the key; any changed byte breaks it', () => {
  const key = throwawayKey();
  const archive = zip([{ name: 'manifest.json', data: Buffer.from('{"manifest_version":3}') }, { name: 'a/b.js', data: Buffer.from('x'.repeat(1000)) }]);
  const { crx, id, publicKey } = crx3(archive, key);
  assert.equal(crx.subarray(0, 4).toString(), 'Cr24');
  assert.equal(crx.readUInt32LE(4), 3);
  assert.match(id, /^[a-p]{32}$/);
  assert.equal(id, extensionId(publicKey));
  const parsed = parseCrx3(crx);
  assert.deepEqual(parsed.crxId, crypto.createHash('sha256').update(publicKey).digest().subarray(0, 16));
  assert.deepEqual(parsed.archive, archive);
  assert.ok(verifyCrx3(crx));
  const tampered = Buffer.from(crx);
  tampered[tampered.length - 30] ^= 1;
  assert.equal(verifyCrx3(tampered), false);
  // The same input gives the same archive (no timestamps), so a rebuild can be compared.
  assert.deepEqual(zip([{ name: 'b', data: Buffer.from('1') }, { name: 'a', data: Buffer.from('2') }]),
    zip([{ name: 'a', data: Buffer.from('2') }, { name: 'b', data: Buffer.from('1') }]));
});

test('the ADMX/ADML are well-formed and their keys equal the managed schema, for Chrome and Edge', () => {
  const { admx: admxText, adml: admlText } = admx(schema, { chromium: projectIds.chromium[0] });
  const admxDoc = xmlDocument(admxText);
  const admlDoc = xmlDocument(admlText);
  const schemaKeys = Object.keys(schema.properties).sort();
  for (const browser of BROWSERS) {
    const key = browser.key(projectIds.chromium[0]);
    const policies = [...admxDoc.getElementsByTagName('policy')].filter((p) => p.getAttribute('key') === key);
    const element = (p) => p.getElementsByTagName('elements')[0]?.firstElementChild;
    const names = policies.map((p) => p.getAttribute('valueName') ?? element(p).getAttribute('id')).sort();
    assert.deepEqual(names, schemaKeys, `${browser.id}: one policy per schema key`);
    for (const policy of policies) {
      const list = element(policy)?.localName === 'list' ? element(policy) : null;
      const value = policy.getAttribute('valueName') ?? element(policy).getAttribute('valueName');
      if (list) assert.equal(list.getAttribute('key'), `${key}\\${list.getAttribute('id')}`);
      else assert.ok(value, `${policy.getAttribute('name')} names its value`);
    }
  }
  assert.match(admxText, /Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\mhlbmjkkkedfmppgfdalengljggeoagn\\policy/);
  assert.match(admxText, /Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\mhlbmjkkkedfmppgfdalengljggeoagn\\policy/);
  // Every string and presentation the ADMX refers to exists in the ADML.
  const strings = new Set([...admlDoc.getElementsByTagName('string')].map((s) => s.getAttribute('id')));
  const presentations = new Set([...admlDoc.getElementsByTagName('presentation')].map((s) => s.getAttribute('id')));
  for (const [, id] of admxText.matchAll(/\$\(string\.([^)]+)\)/g)) assert.ok(strings.has(id), `string ${id}`);
  for (const [, id] of admxText.matchAll(/\$\(presentation\.([^)]+)\)/g)) assert.ok(presentations.has(id), `presentation ${id}`);
  const categories = new Set([...admxDoc.getElementsByTagName('category')].map((c) => c.getAttribute('name')));
  for (const ref of admxDoc.getElementsByTagName('parentCategory')) assert.ok(categories.has(ref.getAttribute('ref')));
});

test('a schema key of a type the generator does not know stops it', () => {
  const future = { type: 'object', properties: { ...schema.properties, weird: { type: 'object', properties: {} } } };
  assert.throws(() => admx(future, { chromium: projectIds.chromium[0] }), /weird/);
  const withInteger = { type: 'object', properties: { retries: { type: 'integer', title: 'Retries' } } };
  assert.match(admx(withInteger, { chromium: projectIds.chromium[0] }).admx, /<decimal id="retries" valueName="retries"/);
});

test('the organisation policy files carry its ids and URLs, none of the store ones', () => {
  const org = { chromium: 'abcdefghijklmnopabcdefghijklmnop', gecko: 'c2c@corp.example' };
  const files = organisationPolicies(templatesDir, {
    project: { chromium: projectIds.chromium[0], gecko: projectIds.gecko[0] },
    org, updateUrl: 'https://intranet.example/c2c/update.xml', xpiUrl: 'https://intranet.example/c2c/click2call-0.1.0.xpi',
  });
  assert.ok(files.length >= 7);
  for (const { name, text } of files) {
    for (const old of [projectIds.chromium[0], projectIds.gecko[0], CHROME_STORE_UPDATE_URL, EDGE_STORE_UPDATE_URL, FIREFOX_PLACEHOLDER_URL]) {
      assert.ok(!text.includes(old) && !name.includes(old), `${name} still holds ${old}`);
    }
    if (name.endsWith('.json')) JSON.parse(text);
  }
  const chrome = JSON.parse(files.find((f) => f.name === 'chrome/linux-managed-click2call.json').text);
  assert.equal(chrome.ExtensionSettings[org.chromium].update_url, 'https://intranet.example/c2c/update.xml');
  const firefox = JSON.parse(files.find((f) => f.name === 'firefox/policies.json').text);
  assert.equal(firefox.policies.ExtensionSettings[org.gecko].install_url, 'https://intranet.example/c2c/click2call-0.1.0.xpi');
  assert.match(files.find((f) => f.name === 'chrome/windows-click2call.reg').text, /"1"="abcdefghijklmnopabcdefghijklmnop;https:\/\/intranet\.example\/c2c\/update\.xml"/);
});

test('package:enterprise writes the whole kit from dist/ and a key given by path', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2c-kit-'));
  try {
    const keyFile = path.join(dir, 'org.pem');
    fs.writeFileSync(keyFile, throwawayKey());
    const out = path.join(dir, 'kit');
    const result = packageEnterprise({ key: keyFile, baseUrl: 'https://intranet.example/c2c', out, distDir: new URL('../dist', import.meta.url).pathname, geckoId: 'c2c@corp.example' });
    const crx = fs.readFileSync(result.crx);
    assert.ok(verifyCrx3(crx));
    const update = xmlDocument(fs.readFileSync(path.join(out, 'update.xml'), 'utf8'));
    const check = update.getElementsByTagName('updatecheck')[0];
    assert.equal(update.getElementsByTagName('app')[0].getAttribute('appid'), result.id);
    assert.equal(check.getAttribute('codebase'), `https://intranet.example/c2c/click2call-${result.version}.crx`);
    assert.equal(check.getAttribute('hash_sha256'), crypto.createHash('sha256').update(crx).digest('hex'));
    assert.deepEqual(read(`file://${out}/ids.json`), { chromium: [result.id], gecko: ['c2c@corp.example'] });
    for (const file of ['admx/click2call.admx', 'admx/en-US/click2call.adml', 'policies/firefox/policies.json', `click2call-${result.version}.xpi`]) {
      assert.ok(fs.existsSync(path.join(out, file)), file);
    }
    assert.throws(() => packageEnterprise({ baseUrl: 'https://x/', out }), /--key/);
    assert.throws(() => packageEnterprise({ key: keyFile, baseUrl: 'javascript:alert(1)', out }), /--base-url/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

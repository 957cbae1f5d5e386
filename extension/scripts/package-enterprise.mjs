// Builds what an organisation hosts itself, from the built extension (dist/) and its own key:
//   npm run package:enterprise -- --key org-key.pem --base-url https://intranet.example/click2call/
// writes into dist-enterprise/ (or --out DIR):
//   click2call-<version>.crx   CRX3 signed with the key (Chromium, Chrome, Edge)
//   update.xml                 the update manifest the policy's update URL points at
//   click2call-<version>.xpi   the Firefox package, unsigned (sign it on addons.mozilla.org for
//                              release Firefox, or run it on ESR with unsigned add-ons allowed)
//   policies/                  installer/policies/ with the organisation's id and URLs
//   admx/                      Group Policy templates for the managed settings (Chrome, Edge)
//   ids.json                   the extension ids, for `click2call install --extension-id`
// and prints the Chromium extension id. The key never enters the repository: pass its path.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { zip } from './enterprise/zip.mjs';
import { crx3 } from './enterprise/crx3.mjs';
import { updateXml } from './enterprise/update-xml.mjs';
import { admx } from './enterprise/admx.mjs';
import { organisationPolicies } from './enterprise/policies.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repo = path.dirname(root);

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The package's files: dist/ with the manifest's key and Gecko id set for the organisation. */
function packageFiles(distDir, manifest) {
  return filesUnder(distDir).map((name) => ({
    name,
    data: name === 'manifest.json' ? Buffer.from(JSON.stringify(manifest, null, 2) + '\n') : fs.readFileSync(path.join(distDir, name)),
  }));
}

const GECKO_ID = /^(\{[0-9a-fA-F-]{36}\}|[A-Za-z0-9._-]*@[A-Za-z0-9._-]+)$/;

export function packageEnterprise({ key, baseUrl, out, distDir = path.join(root, 'dist'), geckoId }) {
  if (!key) throw new Error('--key FILE is required: the organisation\'s RSA private key (PEM); `openssl genrsa -out org-key.pem 2048` makes one — keep it out of the repository');
  if (!baseUrl || !/^https?:\/\/[^\s'"<>]+$/.test(baseUrl)) throw new Error('--base-url must be the http(s) URL the packages are served from');
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const pem = fs.readFileSync(key);
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'manifest.json'), 'utf8'));
  const projectIds = JSON.parse(fs.readFileSync(path.join(repo, 'host-manifest', 'extension-ids.json'), 'utf8'));
  const gecko = geckoId ?? manifest.browser_specific_settings.gecko.id;
  if (!GECKO_ID.test(gecko)) throw new Error(`--gecko-id ${gecko}: a Firefox add-on id is name@domain or {GUID}`);

  // The key in the manifest makes the id the same whether Chromium loads the CRX or dist/.
  const publicKey = crypto.createPublicKey(crypto.createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
  const chromiumManifest = { ...manifest, key: publicKey.toString('base64') };
  const { crx, id } = crx3(zip(packageFiles(distDir, chromiumManifest)), pem);
  const geckoManifest = { ...manifest, browser_specific_settings: { ...manifest.browser_specific_settings, gecko: { ...manifest.browser_specific_settings.gecko, id: gecko } } };
  delete geckoManifest.key;
  const xpi = zip(packageFiles(distDir, geckoManifest));

  const version = manifest.version;
  const crxName = `click2call-${version}.crx`;
  const xpiName = `click2call-${version}.xpi`;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, crxName), crx);
  fs.writeFileSync(path.join(out, xpiName), xpi);
  const sha256 = crypto.createHash('sha256').update(crx).digest('hex');
  fs.writeFileSync(path.join(out, 'update.xml'), updateXml({ id, version, codebase: base + crxName, sha256 }));
  const ids = { chromium: id, gecko };
  fs.writeFileSync(path.join(out, 'ids.json'), JSON.stringify({ chromium: [id], gecko: [gecko] }, null, 2) + '\n');

  const policies = organisationPolicies(path.join(repo, 'installer', 'policies'), {
    project: { chromium: projectIds.chromium[0], gecko: projectIds.gecko[0] },
    org: ids,
    updateUrl: base + 'update.xml',
    xpiUrl: base + xpiName,
  });
  for (const { name, text } of policies) {
    fs.mkdirSync(path.dirname(path.join(out, 'policies', name)), { recursive: true });
    fs.writeFileSync(path.join(out, 'policies', name), text);
  }
  const schema = JSON.parse(fs.readFileSync(path.join(distDir, 'managed_schema.json'), 'utf8'));
  const templates = admx(schema, ids);
  fs.mkdirSync(path.join(out, 'admx', 'en-US'), { recursive: true });
  fs.writeFileSync(path.join(out, 'admx', 'click2call.admx'), templates.admx);
  fs.writeFileSync(path.join(out, 'admx', 'en-US', 'click2call.adml'), templates.adml);
  return { id, gecko, version, crx: path.join(out, crxName), xpi: path.join(out, xpiName), updateUrl: base + 'update.xml', xpiUrl: base + xpiName };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      key: { type: 'string' },
      'base-url': { type: 'string' },
      out: { type: 'string', default: path.join(root, 'dist-enterprise') },
      dist: { type: 'string', default: path.join(root, 'dist') },
      'gecko-id': { type: 'string' },
    },
  });
  try {
    const result = packageEnterprise({ key: values.key, baseUrl: values['base-url'], out: path.resolve(values.out), distDir: path.resolve(values.dist), geckoId: values['gecko-id'] });
    console.log(`extension id: ${result.id}`);
    console.log(`firefox add-on id: ${result.gecko}`);
    console.log(`wrote ${path.relative(process.cwd(), path.dirname(result.crx)) || '.'}: ${path.basename(result.crx)}, update.xml, ${path.basename(result.xpi)}, policies/, admx/, ids.json`);
    console.log(`Chromium policy: ExtensionInstallForcelist "${result.id};${result.updateUrl}"`);
    console.log(`host: click2call install --scope system --extension-id ${result.id} --extension-id ${result.gecko}`);
  } catch (error) {
    console.error(`package:enterprise: ${error.message}`);
    process.exit(2);
  }
}

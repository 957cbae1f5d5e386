// The organisation's copies of the policy templates in installer/policies/: the project's ids and
// the store URLs replaced by the organisation's ids and its own server's URLs. The templates stay
// the one place that says which policies to set.
import fs from 'node:fs';
import path from 'node:path';

export const CHROME_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
export const EDGE_STORE_UPDATE_URL = 'https://edge.microsoft.com/extensionwebstorebase/v1/crx';
export const FIREFOX_PLACEHOLDER_URL = 'https://downloads.example.com/click2call/click2call.xpi';

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

/**
 * @param {string} templatesDir installer/policies
 * @param {{project: {chromium: string, gecko: string}, org: {chromium: string, gecko: string},
 *          updateUrl: string, xpiUrl: string}} values
 * @returns {{name: string, text: string}[]} relative path and content of each file
 */
export function organisationPolicies(templatesDir, { project, org, updateUrl, xpiUrl }) {
  const swap = (text) => text
    .replaceAll(CHROME_STORE_UPDATE_URL, updateUrl)
    .replaceAll(EDGE_STORE_UPDATE_URL, updateUrl)
    .replaceAll(FIREFOX_PLACEHOLDER_URL, xpiUrl)
    .replaceAll(project.chromium, org.chromium)
    .replaceAll(project.gecko, org.gecko);
  return filesUnder(templatesDir)
    .filter((name) => name !== 'README.md')
    .map((name) => ({ name: swap(name), text: swap(fs.readFileSync(path.join(templatesDir, name), 'utf8')) }));
}

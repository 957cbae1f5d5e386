// The update manifest Chromium fetches from the policy's update URL (the "gupdate" format): it
// names the CRX's URL, its version and its SHA-256, which Chromium checks after downloading.
const escape = (text) => String(text).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {{id: string, version: string, codebase: string, sha256: string}} app */
export function updateXml({ id, version, codebase, sha256 }) {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escape(id)}'>`,
    `    <updatecheck codebase='${escape(codebase)}' version='${escape(version)}' hash_sha256='${escape(sha256)}'/>`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

// Native-messaging host manifests for a throwaway browser profile.
import fs from 'node:fs';
import path from 'node:path';
import { chromiumId, geckoId, hostName } from './paths.mjs';

function write(dir, manifest) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${hostName}.json`);
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  return file;
}

/** Chromium looks in `<user-data-dir>/NativeMessagingHosts/` when started with a custom profile. */
export function writeChromiumManifest(userDataDir, launcher) {
  return write(path.join(userDataDir, 'NativeMessagingHosts'), {
    name: hostName,
    description: 'Click2Call native host (end-to-end test)',
    path: launcher,
    type: 'stdio',
    allowed_origins: [`chrome-extension://${chromiumId}/`],
  });
}

/** Firefox looks in `$HOME/.mozilla/native-messaging-hosts/`. */
export function writeFirefoxManifest(home, launcher) {
  return write(path.join(home, '.mozilla', 'native-messaging-hosts'), {
    name: hostName,
    description: 'Click2Call native host (end-to-end test)',
    path: launcher,
    type: 'stdio',
    allowed_extensions: [geckoId],
  });
}

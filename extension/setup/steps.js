// The setup steps for this computer and browser: which softphone the host drives there, how to
// get the program and the exact command that registers it with this browser.
import { t } from '../shared/browser.js';

/** The `--browser` name `click2call install` knows for this browser, or null to let it look. */
export function installBrowserName({ firefox, brands = [] }) {
  if (firefox) return 'firefox';
  const names = brands.map((b) => b.brand);
  if (names.includes('Microsoft Edge')) return 'edge';
  if (names.includes('Google Chrome')) return 'chrome';
  if (names.includes('Brave')) return 'brave';
  if (names.includes('Opera')) return 'opera';
  if (names.includes('Vivaldi')) return 'vivaldi';
  if (names.includes('Chromium')) return 'chromium';
  return null;
}

const OS_NAMES = { linux: 'Linux', win: 'Windows', mac: 'macOS' };
const BROWSER_NAMES = { firefox: 'Firefox', edge: 'Microsoft Edge', chrome: 'Google Chrome', brave: 'Brave', opera: 'Opera', vivaldi: 'Vivaldi', chromium: 'Chromium' };

/** "Linux, Chromium" for the steps' heading. */
export function platformLabel(os, browser) {
  return [OS_NAMES[os] ?? os, BROWSER_NAMES[browser] ?? ''].filter(Boolean).join(', ');
}

/** [{text, command?}] for this OS and browser. */
export function stepsFor(os, browser) {
  const flag = browser ? ` --browser ${browser}` : '';
  const browserLabel = BROWSER_NAMES[browser] ?? 'this browser';
  if (os === 'win') {
    return [
      { text: t('setupStepWindowsMicrosip') },
      { text: t('setupStepWindowsInstall'), command: 'powershell -ExecutionPolicy Bypass -File installer\\windows\\install.ps1 -Source <Click2Call folder>' },
      { text: t('setupStepWindowsHooks'), command: 'click2call microsip hooks install' },
      { text: t('setupStepTest') },
    ];
  }
  const packages = os === 'mac'
    ? { text: t('setupStepMacPackages'), command: 'brew install openjdk@17 baresip' }
    : { text: t('setupStepLinuxPackages'), command: 'sudo apt-get install openjdk-17-jre-headless baresip-core' };
  return [
    packages,
    { text: t('setupStepGetProgram') },
    { text: t('setupStepRegister', [browserLabel]), command: `java -jar ~/.local/share/click2call/click2call.jar install${flag}` },
    { text: t('setupStepDomain'), command: '{ "baresip": { "domain": "pbx.example.com" } }' },
    { text: t('setupStepTest') },
  ];
}

export function doctorCommand(os, browser) {
  const flag = browser ? ` --browser ${browser}` : '';
  return os === 'win' ? `click2call doctor${flag}` : `java -jar ~/.local/share/click2call/click2call.jar doctor${flag}`;
}

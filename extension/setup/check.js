// What the setup page says about the host, from the background's host view.
import { t } from '../shared/browser.js';
import { readinessOf } from '../popup/view.js';

/** What the page says about the host: a state word for styling and the text. */
export function checkView(host) {
  if (!host || host.state === 'connecting') return { state: 'checking', text: t('setupChecking'), detail: null };
  if (host.state === 'connected') {
    const readiness = readinessOf(host);
    if (readiness.ready) return { state: 'ready', text: t('setupReady', [host.softphone?.kind ?? '']), detail: null };
    return { state: 'not_ready', text: t('setupNotReady', [readiness.message ?? t('errorSoftphoneUnavailable')]), detail: null };
  }
  const detail = host.error ? t('setupBrowserSays', [host.error]) : null;
  if (host.code === 'not_installed') return { state: 'not_installed', text: t('setupNotInstalled'), detail };
  return { state: 'broken', text: t('setupBrokenInstall', [host.fix ?? '']), detail };
}

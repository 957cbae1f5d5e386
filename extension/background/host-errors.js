// The browser's own error text when a native port fails, mapped to what the user can do.
// The original text is always kept and shown next to the fix.
import { t } from '../shared/browser.js';

export function classifyHostError(text) {
  const message = String(text ?? '');
  if (/Specified native messaging host not found|No such native application/i.test(message)) {
    return { code: 'not_installed', fixKey: 'hostFixNotInstalled' };
  }
  if (/forbidden|does not have permission to use native manifest/i.test(message)) {
    return { code: 'forbidden', fixKey: 'hostFixForbidden' };
  }
  if (/Native host has exited/i.test(message)) {
    return { code: 'exited', fixKey: 'hostFixExited' };
  }
  if (/Failed to start native messaging host|does not exist, or is not executable/i.test(message)) {
    return { code: 'failed_start', fixKey: 'hostFixFailedStart' };
  }
  return { code: 'error', fixKey: 'hostFixOther' };
}

/** Connection problems only an installation fixes: the popup offers the setup page for these. */
export const SETUP_CODES = ['not_installed', 'forbidden', 'failed_start'];

/**
 * The text for a dial the host refused, with the host's own reason, or null to use the plain
 * text for the code. A host that says it cannot dial (readiness) gets that said first: its
 * message tells the user what to set.
 */
export function dialFailureText(code, message, readiness, translate = t) {
  const refusal = ['invalid_target', 'softphone_unavailable', 'internal'].includes(code);
  if (refusal && readiness && readiness.ready === false && readiness.message) return translate('errorNotReady', [readiness.message]);
  if (!message) return null;
  if (code === 'invalid_target') return translate('errorHostRefused', [message]);
  if (code === 'softphone_unavailable') return translate('errorSoftphoneUnavailableReason', [message]);
  return null;
}

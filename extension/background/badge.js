// Badge text and colour per state, so the toolbar icon always shows what is going on.
import { ext } from '../shared/browser.js';

const COLORS = { call: '#1a73e8', ring: '#e37400', live: '#188038', hold: '#b06000', error: '#c5221f' };

export function badgeFor(hostStatus, call) {
  if (call && !['ended', 'busy'].includes(call.state)) {
    if (call.onHold) return { text: 'HOLD', color: COLORS.hold };
    switch (call.state) {
      case 'dialing': return { text: 'CALL', color: COLORS.call };
      case 'ringing': return { text: call.direction === 'in' ? 'RING' : 'CALL', color: call.direction === 'in' ? COLORS.ring : COLORS.call };
      case 'incoming': return { text: 'RING', color: COLORS.ring };
      case 'connected': return { text: 'LIVE', color: COLORS.live };
      default: break;
    }
  }
  if (call?.state === 'busy') return { text: 'BUSY', color: COLORS.error };
  if (hostStatus?.state === 'disconnected' && hostStatus.code && hostStatus.code !== 'exited') return { text: '!', color: COLORS.error };
  if (hostStatus?.softphone && hostStatus.softphone.available === false) return { text: '!', color: COLORS.error };
  if (hostStatus?.state === 'connected' && hostStatus.readiness?.ready === false) return { text: '!', color: COLORS.error }; // cannot dial numbers yet
  return { text: '', color: COLORS.call };
}

let last = '';

export async function showBadge(badge) {
  const key = `${badge.text}|${badge.color}`;
  if (key === last) return;
  last = key;
  try {
    const { action } = ext();
    await action.setBadgeBackgroundColor({ color: badge.color });
    await action.setBadgeText({ text: badge.text });
  } catch {
    // The badge is a convenience; never let it break call handling.
  }
}

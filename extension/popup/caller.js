// The caller block of the popup (screen-pop): who is calling, as the CRM will search for them,
// and a button that opens their record on demand (also when the automatic screen-pop is off).
// Its own file so it survives changes to the popup's layout; all text goes in as textContent.
import { t } from '../shared/browser.js';
import { REQ } from '../shared/messages.js';

export function renderCaller(doc, state) {
  const $ = (id) => doc.getElementById(id);
  const section = $('caller');
  const caller = state?.caller;
  const active = state?.call && !['ended', 'busy'].includes(state.call.state);
  if (!caller || !active) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  $('caller-display').textContent = caller.display ?? '';
  const lookup = (caller.lookup ?? []).filter((l) => l.value).map((l) => l.value).join(' · ');
  $('caller-lookup').textContent = lookup ? t('popupCallerLookup', [lookup]) : '';
  const button = $('btn-open-record');
  button.hidden = !caller.recordHost;
  button.disabled = !caller.canOpen;
  button.title = caller.recordHost ?? '';
}

export function wireCaller(doc, send, show) {
  doc.getElementById('btn-open-record').addEventListener('click', async () => {
    const result = await send({ type: REQ.OPEN_RECORD });
    if (!result?.ok) show(result);
  });
}

// Screen-pop: an incoming call opens the caller's record in the CRM (settings screenPopUrl,
// screenPopWhen, screenPopTab). At most one automatic pop per call. "Focus" mode reuses a tab
// that already shows the CRM's origin (found through our own content scripts' documents, so no
// `tabs` permission is needed) and navigates it; otherwise, or in "new" mode, a new tab opens.
import { ext } from '../shared/browser.js';
import { callerForms, placeholdersIn, screenPopUrl, templateProblem } from '../shared/screen-pop-url.js';

const MAX_REMEMBERED = 50; // calls already popped, kept to stop a second pop for the same call

/** One key per call: the softphone's call id, else the time the call started. */
export function callKey(call) {
  return call.callId ? `id:${call.callId}` : `t:${call.startedAt ?? call.at}`;
}

function shouldPop(call, when) {
  if (call?.direction !== 'in') return false;
  if (when === 'ringing') return ['incoming', 'ringing', 'connected'].includes(call.state);
  if (when === 'answered') return call.state === 'connected';
  return false;
}

export class ScreenPop {
  constructor({ documents }) {
    this.documents = documents;
    this.popped = [];
  }

  restore(saved) {
    this.popped = Array.isArray(saved?.popped) ? saved.popped.slice(-MAX_REMEMBERED) : [];
  }

  snapshot() {
    return { popped: this.popped };
  }

  /** The CRM's origin (from the template), or null without a usable template. */
  originOf(values) {
    const template = values.screenPopUrl;
    if (!template || templateProblem(template)) return null;
    return new URL(template.replace(/\{[a-z0-9]+\}/g, 'x')).origin;
  }

  /** What the popup and the notification show: the caller as the CRM will search for them. */
  view(call, values, country) {
    if (!call?.remote) return null;
    const forms = callerForms(call.remote, country);
    const template = values.screenPopUrl;
    const usable = Boolean(template) && !templateProblem(template);
    const built = usable ? screenPopUrl(template, forms) : { ok: false };
    return {
      display: forms.display,
      lookup: usable ? placeholdersIn(template).map((name) => ({ name, value: forms[name] })) : [],
      recordHost: usable ? new URL(template.replace(/\{[a-z0-9]+\}/g, 'x')).host : null,
      canOpen: built.ok,
    };
  }

  /** Called for every call change; pops when the setting says so. Returns true when it popped. */
  async onCall(call, values, country) {
    if (!values.screenPopUrl || !shouldPop(call, values.screenPopWhen)) return false;
    const key = callKey(call);
    if (this.popped.includes(key)) return false;
    this.popped = [...this.popped, key].slice(-MAX_REMEMBERED);
    const built = screenPopUrl(values.screenPopUrl, callerForms(call.remote, country));
    if (!built.ok) return true;
    await this.open(built.url, values.screenPopTab);
    return true;
  }

  /** The user asked for the record (popup button, notification click). */
  async openNow(call, values, country) {
    if (!call?.remote || !values.screenPopUrl) return false;
    const built = screenPopUrl(values.screenPopUrl, callerForms(call.remote, country));
    if (!built.ok) return false;
    await this.open(built.url, values.screenPopTab);
    return true;
  }

  async open(url, how) {
    const api = ext();
    if (how !== 'new') {
      for (const doc of this.documents.topDocumentsOf(new URL(url).origin)) {
        try {
          const tab = await api.tabs.update(doc.tabId, { url, active: true });
          await focusWindow(tab?.windowId);
          return { tabId: doc.tabId, reused: true };
        } catch {
          this.documents.forgetTab(doc.tabId); // closed meanwhile: try the next one
        }
      }
    }
    const tab = await api.tabs.create({ url, active: true });
    await focusWindow(tab?.windowId);
    return { tabId: tab?.id ?? null, reused: false };
  }
}

async function focusWindow(windowId) {
  if (typeof windowId !== 'number') return;
  try {
    await ext().windows.update(windowId, { focused: true });
  } catch {
    // not fatal: the tab is open and active in its window
  }
}

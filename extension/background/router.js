// Every runtime message enters here. The sender is classified from what the browser says
// (never from the message), the message is validated against the shared schema, and only
// then handed to the controller.
import { REQ, ERR, errorReply, okReply, senderKind, validateRequest } from '../shared/messages.js';
import { saveSetting } from '../shared/settings.js';
import { t } from '../shared/browser.js';
import { templateProblem } from '../shared/screen-pop-template.js';
import { clearHistory } from './history.js';
import { openSetup } from './setup-tab.js';

export async function route(controller, rawMessage, sender, self) {
  const kind = senderKind(sender, self);
  if (!kind) return errorReply(ERR.NOT_ALLOWED);
  const checked = validateRequest(rawMessage, kind);
  if (!checked.ok) return errorReply(checked.code, checked.field ?? '');
  const msg = checked.message;
  switch (msg.type) {
    case REQ.DIAL: return controller.dialFromContent(msg, sender);
    case REQ.CONTENT_CONFIG: return controller.contentConfig(sender);
    case REQ.OPEN_SETUP: return openSetup(controller);
    case REQ.DOCUMENT_GONE: return controller.documentGone(sender);
    case REQ.GET_STATE: return okReply({ state: await controller.stateView() });
    case REQ.POPUP_DIAL: return controller.dialFromUser(msg.target);
    case REQ.ANSWER:
    case REQ.HANGUP:
    case REQ.DECLINE:
    case REQ.HOLD:
    case REQ.TRANSFER:
    case REQ.DTMF: return controller.control(msg.type, msg);
    case REQ.RECONNECT:
      controller.port.reconnectNow();
      return okReply();
    case REQ.CLEAR_HISTORY:
      await clearHistory();
      controller.broadcastState();
      return okReply();
    case REQ.SET_SETTING:
      if (await saveSetting(msg.key, msg.value)) return okReply();
      return { ...errorReply(ERR.NOT_ALLOWED), ...settingProblem(msg.key, msg.value) };
    case REQ.SET_SITE_DETECTION: return setSiteDetection(controller, msg.hostname, msg.enabled);
    case REQ.PENDING_DIAL: return controller.pendingView(msg.id);
    case REQ.CONFIRM_DIAL: return controller.confirmDial(msg.id, msg.accept);
    case REQ.OPEN_RECORD: return controller.openRecord();
    default: return errorReply(ERR.BAD_MESSAGE);
  }
}

/** A sentence naming what is wrong with a refused value, where we can say more than "refused". */
function settingProblem(key, value) {
  if (key !== 'screenPopUrl' || value === '') return {};
  const problem = templateProblem(value);
  return problem ? { text: t(problem.key, problem.subs) } : {};
}

async function setSiteDetection(controller, hostname, enabled) {
  await controller.ready;
  const host = hostname.toLowerCase();
  const deny = controller.settings.values.siteDenylist.filter((h) => h !== host);
  if (!enabled) deny.push(host);
  return (await saveSetting('siteDenylist', deny)) ? okReply() : errorReply(ERR.NOT_ALLOWED);
}

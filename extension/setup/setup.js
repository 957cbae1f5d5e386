// The first-run setup page: checks the host through the background, shows the steps for this
// OS and browser with copyable commands, and tests again on request (a fresh connection).
import { ext, t, isFirefox } from '../shared/browser.js';
import { REQ, PUSH } from '../shared/messages.js';
import { localise } from '../shared/i18n-dom.js';
import { checkView } from './check.js';
import { stepsFor, doctorCommand, installBrowserName, platformLabel } from './steps.js';

const api = ext();
const $ = (id) => document.getElementById(id);

function renderCheck(host) {
  const view = checkView(host);
  $('check').dataset.state = view.state;
  $('check-text').textContent = view.text;
  $('check-detail').hidden = !view.detail;
  $('check-detail').textContent = view.detail ?? '';
}

function commandBlock(command) {
  const wrap = document.createElement('div');
  wrap.className = 'command';
  const code = document.createElement('code');
  code.textContent = command;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'copy';
  copy.textContent = t('setupCopy');
  wrap.append(code, copy);
  return wrap;
}

async function renderSteps() {
  const os = (await api.runtime.getPlatformInfo?.().catch(() => null))?.os ?? 'linux';
  const browser = installBrowserName({ firefox: isFirefox(), brands: navigator.userAgentData?.brands ?? [] });
  $('steps-title').textContent = t('setupStepsFor', [platformLabel(os, browser)]);
  $('steps-list').replaceChildren(...stepsFor(os, browser).map((step) => {
    const li = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = step.text;
    li.append(text);
    if (step.command) li.append(commandBlock(step.command));
    return li;
  }));
  $('doctor-command').textContent = doctorCommand(os, browser);
}

// One listener for every copy button: the command next to it goes to the clipboard.
document.addEventListener('click', async (event) => {
  const button = event.target.closest?.('button.copy');
  if (!button) return;
  const code = button.parentElement.querySelector('code');
  try {
    await navigator.clipboard.writeText(code.textContent);
    button.textContent = t('setupCopied');
    setTimeout(() => { button.textContent = t('setupCopy'); }, 1500);
  } catch {
    getSelection().selectAllChildren(code); // no clipboard access: select it for Ctrl+C
  }
});

$('btn-test').addEventListener('click', async () => {
  renderCheck({ state: 'connecting' });
  await api.runtime.sendMessage({ type: REQ.RECONNECT });
});

api.runtime.onMessage.addListener((message, sender) => {
  if (sender.id === api.runtime.id && message?.type === PUSH.STATE && message.state) renderCheck(message.state.host);
});

localise(document);
renderSteps();
api.runtime.sendMessage({ type: REQ.GET_STATE }).then((reply) => {
  if (reply?.ok) renderCheck(reply.state.host);
});

// Issue 18: screen-pop templates, hostile caller ids, and the background's pop (once per call,
// focusing the CRM's tab or opening one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { templateProblem } from '../shared/screen-pop-template.js';
import { callerForms, screenPopUrl } from '../shared/screen-pop-url.js';
import { isValidSetting } from '../shared/settings.js';
import { POPUP, tab, setup } from './background-setup.js';

test('templates: https, http only for loopback, placeholders after the host, problems named', () => {
  const ok = [
    'https://crm.example.com/search?phone={e164}',
    'https://crm.example.com/contacts/{digits}',
    'https://crm.example.com/x#/caller/{national}',
    'http://127.0.0.1:8080/crm?sip={sip}&n={e164}',
    'http://localhost/crm/{digits}',
    'http://[::1]:9000/crm/{digits}',
  ];
  for (const template of ok) assert.equal(templateProblem(template), null, template);
  const bad = {
    '': 'screenPopErrEmpty',
    'http://crm.example.com/?p={e164}': 'screenPopErrScheme',
    'javascript:alert({e164})': 'screenPopErrScheme',
    'data:text/html,{e164}': 'screenPopErrScheme',
    'file:///etc/{digits}': 'screenPopErrScheme',
    'https://crm.example.com/search': 'screenPopErrNoPlaceholder',
    'https://crm.example.com/?p={phone}': 'screenPopErrUnknownPlaceholder',
    'https://crm.example.com/?p={e164': 'screenPopErrBraces',
    'https://{digits}.crm.example.com/': 'screenPopErrPlaceholderInHost',
    'https://crm.example.com{digits}/': 'screenPopErrPlaceholderInHost',
    'https://{digits}@crm.example.com/': 'screenPopErrCredentials',
    'https://crm.example.com/ ?p={e164}': 'screenPopErrSpaces',
    'https://crm.example.com:{digits}/': 'screenPopErrNotUrl',
    'not a url {e164}': 'screenPopErrSpaces',
    'crm.example.com/{e164}': 'screenPopErrNotUrl',
  };
  for (const [template, key] of Object.entries(bad)) assert.equal(templateProblem(template)?.key, key, template);
  assert.equal(templateProblem(`https://crm.example.com/${'a'.repeat(3000)}{e164}`).key, 'screenPopErrTooLong');
  assert.equal(isValidSetting('screenPopUrl', ''), true, 'empty = no record URL');
  assert.equal(isValidSetting('screenPopUrl', 'http://crm.example.com/{e164}'), false);
});

test('caller forms: E.164, national, digits and SIP, as the CRM searches', () => {
  assert.deepEqual(callerForms('+4930901820', 'DE'), { display: '+49 30 901820', e164: '+4930901820', national: '030 901820', digits: '4930901820', sip: null });
  assert.deepEqual(callerForms('sip:+15550104477@pbx.example.com:5060;transport=udp', 'DE'),
    { display: '+1 555 010 4477', e164: '+15550104477', national: '(555) 010-4477', digits: '15550104477', sip: 'sip:+15550104477@pbx.example.com' });
  assert.deepEqual(callerForms('030 901820', 'DE').e164, '+4930901820', 'national caller ids use the home country');
  assert.deepEqual(callerForms('sip:alice@Example.COM', 'DE'), { display: 'sip:alice@example.com', e164: null, national: null, digits: null, sip: 'sip:alice@example.com' });
  assert.equal(callerForms('201', 'DE').digits, '201', 'an internal extension keeps its digits');
});

const TEMPLATE = 'https://crm.example.com/contacts/{digits}/view?q={e164}&s={sip}#n={national}';
const HOSTILE = [
  '"><script>alert(1)</script>', '../../admin', '..', '.', '%2F..%2Fadmin', 'sip:..@crm.example.com',
  'sip:%2e%2e@evil.example', 'sip:a/b@evil.example', 'sip:x@evil.example/../../admin?#', '+49 30 901820?x=1#frag',
  '+4930901820/../../admin', 'sip:+4930901820@evil.example?x=/../', '\u202e0281093+', '+49\u200b30901820',
  '+4930\u0000901820', 'sip:+4930901820@\u202eevil.example', `+49${'9'.repeat(500)}`, 'sip:' + 'a'.repeat(300) + '@x.example',
  "sip:o'hara@evil.example", 'sip:a"b@evil.example', 'tel:+4930901820', 'javascript:alert(1)',
];

test('hostile caller ids never leave the placeholder: same origin, same path and query outside it', () => {
  const base = new URL(TEMPLATE.replace(/\{[a-z0-9]+\}/g, 'X'));
  for (const remote of HOSTILE) {
    const built = screenPopUrl(TEMPLATE, callerForms(remote, 'DE'));
    if (!built.ok) continue; // no usable value: no pop, which is safe
    const url = new URL(built.url);
    assert.equal(url.origin, base.origin, remote);
    assert.match(url.pathname, /^\/contacts\/[0-9]+\/view$/, remote);
    assert.deepEqual([...url.searchParams.keys()], ['q', 's'], remote);
    assert.match(url.hash, /^#n=[0-9%A-F]+$/, remote);
    assert.match(built.url, /^[A-Za-z0-9:/?#&=%._~+-]+$/, `${remote}: only URL-safe ASCII`);
  }
  // Path-only placeholders: a value that is only dots would be a dot segment; never produced.
  for (const remote of HOSTILE) {
    const built = screenPopUrl('https://crm.example.com/c/{sip}/x', callerForms(remote, 'DE'));
    if (built.ok) assert.match(new URL(built.url).pathname, /^\/c\/[^/]+\/x$/, remote);
  }
  // Values are percent-encoded exactly once.
  assert.equal(screenPopUrl('https://crm.example.com/?q={e164}&s={sip}', callerForms('sip:+4930901820@pbx.example.com', 'DE')).url,
    'https://crm.example.com/?q=%2B4930901820&s=sip%3A%2B4930901820%40pbx.example.com');
  assert.deepEqual(screenPopUrl('https://crm.example.com/?s={sip}', callerForms('+4930901820', 'DE')), { ok: false, reason: 'missing', placeholder: 'sip' });
});

const POP = (when, how = 'focus') => ({ local: { settings: { screenPopUrl: 'https://crm.example.com/search?phone={e164}', screenPopWhen: when, screenPopTab: how } } });
const ring = (state, at, extra = {}) => ({ type: 'event', event: 'call', state, direction: 'in', remote: '+4930901820', at, ...extra });

test('screen-pop on ringing: one pop per call, in the CRM tab that is already open', async () => {
  const ctx = await setup(POP('ringing'));
  await ctx.send({ type: 'content-config' }, tab(5, 'https://crm.example.com/home'));
  await ctx.send({ type: 'content-config' }, tab(6, 'https://news.example/'));
  await ctx.hostMsg(ring('incoming', 1_000_000));
  await ctx.hostMsg(ring('ringing', 1_000_100));
  await ctx.hostMsg(ring('connected', 1_002_000));
  assert.deepEqual(ctx.api.calls.tabsUpdate, [{ tabId: 5, props: { url: 'https://crm.example.com/search?phone=%2B4930901820', active: true } }]);
  assert.deepEqual(ctx.api.calls.tabsCreate, []);
  await ctx.hostMsg(ring('ended', 1_003_000));
  await ctx.hostMsg(ring('incoming', 1_010_000, { remote: '+4930111111' }));
  assert.equal(ctx.api.calls.tabsUpdate.length, 2, 'the next call pops again');
});

test('screen-pop: new-tab mode, on answer only, nothing for outgoing calls, off by default', async () => {
  const ctx = await setup(POP('answered', 'new'));
  await ctx.send({ type: 'content-config' }, tab(5, 'https://crm.example.com/home'));
  await ctx.hostMsg(ring('incoming', 1_000_000));
  assert.deepEqual(ctx.api.calls.tabsCreate, [], 'not while ringing');
  await ctx.hostMsg(ring('connected', 1_001_000));
  await ctx.hostMsg(ring('connected', 1_002_000, { onHold: true }));
  assert.deepEqual(ctx.api.calls.tabsCreate, [{ url: 'https://crm.example.com/search?phone=%2B4930901820', active: true }]);
  assert.deepEqual(ctx.api.calls.tabsUpdate, []);
  const off = await setup();
  await off.hostMsg(ring('incoming', 1_000_000));
  await off.hostMsg({ type: 'event', event: 'call', state: 'dialing', direction: 'out', remote: '+4930901820', at: 1_000_100 });
  assert.deepEqual([off.api.calls.tabsCreate, off.api.calls.tabsUpdate], [[], []]);
});

test('the popup shows the caller as the CRM finds them and opens the record on demand (auto-pop off)', async () => {
  const ctx = await setup(POP('off', 'new'));
  await ctx.hostMsg(ring('incoming', 1_000_000));
  assert.deepEqual(ctx.api.calls.tabsCreate, []);
  const { state } = await ctx.send({ type: 'get-state' }, POPUP);
  assert.deepEqual(state.caller, { display: '+49 30 901820', lookup: [{ name: 'e164', value: '+4930901820' }], recordHost: 'crm.example.com', canOpen: true });
  assert.equal((await ctx.send({ type: 'open-record' }, POPUP)).ok, true);
  assert.deepEqual(ctx.api.calls.tabsCreate.map((c) => c.url), ['https://crm.example.com/search?phone=%2B4930901820']);
  assert.equal((await ctx.send({ type: 'open-record' }, tab(5, 'https://crm.example.com/'))).error.code, 'not_allowed', 'pages cannot ask');
  const note = ctx.api.calls.notifications.find((n) => n.opts);
  assert.match(note.opts.contextMessage, /crm\.example\.com/);
});

test('an invalid template is refused with a sentence that names the problem', async () => {
  const ctx = await setup();
  const reply = await ctx.send({ type: 'set-setting', key: 'screenPopUrl', value: 'http://crm.example.com/?p={e164}' }, POPUP);
  assert.equal(reply.ok, false);
  assert.match(reply.text, /https:\/\/.*not http:/);
  const unknown = await ctx.send({ type: 'set-setting', key: 'screenPopUrl', value: 'https://crm.example.com/?p={phone}' }, POPUP);
  assert.match(unknown.text, /\{phone\} is not a placeholder/);
});

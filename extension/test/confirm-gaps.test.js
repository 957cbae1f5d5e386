// Issue 17, finding 10: premium-rate SIP targets are confirmed too; one pending confirmation
// per tab; a closed confirm window cancels. (Focus and delay of the window: e2e, a real browser.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { POPUP, tab, CRM, setup } from './background-setup.js';

const ALLOW = { local: { settings: { pageEventOrigins: ['https://crm.example.com'] } } };

for (const target of ['sip:+19005550100@pbx.example.com', 'sips:+19005550100@pbx.example.com', 'sip:19005550100@pbx.example.com;user=phone']) {
  test(`10: ${target} (a premium-rate number as a SIP user part) asks first`, async () => {
    const ctx = await setup({ local: { settings: { defaultCountry: 'US' } } });
    const reply = await ctx.send({ type: 'dial', target, source: 'link' }, CRM);
    assert.equal(reply.pending, true, JSON.stringify(reply));
    assert.equal(ctx.port().lastSent('dial'), undefined, 'nothing dialed');
    const id = new URL(ctx.api.calls.windowsCreate[0].url).searchParams.get('id');
    assert.equal((await ctx.send({ type: 'pending-dial', id }, POPUP)).premium, true);
  });
}

test('10: an ordinary SIP address and a SIP extension dial at once', async () => {
  const ctx = await setup({ local: { settings: { defaultCountry: 'US' } } });
  assert.equal((await ctx.send({ type: 'dial', target: 'sip:alice@pbx.example.com', source: 'link' }, CRM)).ok, true);
  ctx.tick(2000);
  assert.equal((await ctx.send({ type: 'dial', target: 'sip:+15550104477@pbx.example.com', source: 'link' }, CRM)).pending, undefined);
  assert.deepEqual(ctx.api.calls.windowsCreate, []);
});

test('10: one pending confirmation per tab; the window comes to the front instead', async () => {
  const ctx = await setup(ALLOW);
  const ask = () => ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: false }, CRM);
  assert.equal((await ask()).pending, true);
  for (let i = 0; i < 5; i += 1) {
    ctx.tick(2000); // past the per-tab rate limit
    const again = await ask();
    assert.equal(again.ok, false);
    assert.equal(again.error.code, 'rate_limited');
  }
  assert.equal(ctx.api.calls.windowsCreate.length, 1, 'a page cannot stack up windows');
  assert.deepEqual(ctx.api.calls.windowsUpdate.at(-1), { windowId: 9, props: { focused: true } });
  // Another tab has its own slot.
  const other = await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: false }, tab(8, 'https://crm.example.com/2'));
  assert.equal(other.pending, true);
});

test('10: closing the confirm window cancels its dial and frees the tab', async () => {
  const ctx = await setup(ALLOW);
  await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: false }, CRM);
  const id = new URL(ctx.api.calls.windowsCreate[0].url).searchParams.get('id');
  await ctx.controller.onWindowRemoved(9);
  assert.equal((await ctx.send({ type: 'confirm-dial', id, accept: true }, POPUP)).ok, false, 'the closed window\'s dial is gone');
  assert.equal(ctx.port().lastSent('dial'), undefined);
  ctx.tick(2000);
  assert.equal((await ctx.send({ type: 'dial', target: '+15550104477', source: 'page', activation: false }, CRM)).pending, true);
});

test('10: the confirm window focuses Cancel and starts with Call disabled', () => {
  const html = readFileSync(new URL('../confirm/confirm.html', import.meta.url), 'utf8');
  const js = readFileSync(new URL('../confirm/confirm.js', import.meta.url), 'utf8');
  assert.match(html, /<button id="btn-confirm"[^>]*disabled/);
  assert.match(js, /\$\('btn-cancel'\)\.focus\(\)/);
  assert.doesNotMatch(js, /\$\('btn-confirm'\)\.focus\(\)/);
});

test('a sip: address on another server than the account asks first, then dials with the host told', async () => {
  const ctx = await setup({
    dialReply: (msg) => (msg.confirmForeignHost === true
      ? { ok: true, dialed: msg.target }
      : { ok: false, error: { code: 'foreign_host', message: 'attacker.example is not your SIP account\'s server' } }),
  });
  const reply = await ctx.send({ type: 'dial', target: 'sip:x@attacker.example', source: 'link' }, CRM);
  assert.equal(reply.pending, true, 'the refusal became a question, not a dial');
  assert.equal(ctx.port().sent.filter((m) => m.type === 'dial').length, 1);
  const id = new URL(ctx.api.calls.windowsCreate.at(-1).url).searchParams.get('id');
  assert.equal((await ctx.send({ type: 'pending-dial', id }, POPUP)).foreignHost, true);
  const done = await ctx.send({ type: 'confirm-dial', id, accept: true }, POPUP);
  assert.equal(done.ok, true);
  const dials = ctx.port().sent.filter((m) => m.type === 'dial');
  assert.equal(dials.length, 2);
  assert.equal(dials[1].confirmForeignHost, true);
  assert.equal(dials[1].target, 'sip:x@attacker.example');
});

test('declining a foreign SIP server dials nothing more', async () => {
  const ctx = await setup({ dialReply: () => ({ ok: false, error: { code: 'foreign_host', message: 'not your server' } }) });
  await ctx.send({ type: 'dial', target: 'sip:x@attacker.example', source: 'link' }, CRM);
  const id = new URL(ctx.api.calls.windowsCreate.at(-1).url).searchParams.get('id');
  await ctx.send({ type: 'confirm-dial', id, accept: false }, POPUP);
  assert.equal(ctx.port().sent.filter((m) => m.type === 'dial').length, 1);
  assert.equal(ctx.port().sent.some((m) => m.confirmForeignHost), false);
});

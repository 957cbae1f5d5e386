import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTarget, extractTarget, isCallHref, isDialableHref } from '../shared/phone.js';
import { dialString } from '../shared/dial-rules.js';

const ok = (raw, country, target) => {
  const r = parseTarget(raw, { country });
  assert.equal(r.ok, true, `${raw} should parse (${r.reason})`);
  assert.equal(r.target, target);
  return r;
};
const bad = (raw, country = 'DE') => assert.equal(parseTarget(raw, { country }).ok, false, `${raw} must be refused`);

test('tel:, callto:, sip: and written numbers become canonical targets', () => {
  ok('tel:+1-555-010-4477', 'DE', '+15550104477');
  ok('tel:030%20901820', 'DE', '+4930901820');
  ok('callto://+4930901820', 'US', '+4930901820');
  ok('TEL:+49 30 901820', 'US', '+4930901820');
  ok('tel:901820;phone-context=+4930', 'US', '+4930901820');
  ok('(030) 901820', 'DE', '+4930901820');
  ok('sip:alice@Example.COM', 'DE', 'sip:alice@example.com');
  ok('sips:bob@pbx.example.org:5061', 'DE', 'sips:bob@pbx.example.org:5061');
  ok('sip:+4930901820@pbx.example.org;user=phone', 'DE', 'sip:+4930901820@pbx.example.org');
  ok('sip:+4930901820', 'US', '+4930901820');
  ok('2001', 'DE', '2001'); // internal extension typed or linked on purpose
});

test('extensions in tel: URIs are kept for display', () => {
  assert.equal(ok('tel:+15550104477;ext=12', 'US', '+15550104477').ext, '12');
});

test('junk and injection attempts are refused before reaching the host', () => {
  for (const raw of ['', ' ', 'tel:', 'tel:abc', 'tel:/password:secret', 'tel:+4930 /reset', 'tel:+4930901820 hello there',
    'javascript:alert(1)', 'msip:hold', 'sip:alice:secret@example.com', 'sip:alice@example.com?subject=x',
    'sip:alice@example.com;transport=tcp', 'sip:/exit@example.com', 'tel:%E0%A4%A', 'tel:+1234567890123456789',
    'x'.repeat(300), 'callto:"+4930901820"', 'tel:+49%2030%20901820%20/answer']) bad(raw);
  assert.equal(parseTarget(42).ok, false);
});

test('premium-rate numbers are flagged', () => {
  assert.equal(parseTarget('+1 900 555 0199').premium, true);
  assert.equal(parseTarget('0900 1234567', { country: 'DE' }).premium, true);
  assert.equal(parseTarget('+4930901820').premium, false);
});

test('a number is found in a longer selection', () => {
  assert.equal(extractTarget('Please call +49 30 901820 today', { country: 'US' }).target, '+4930901820');
  assert.equal(extractTarget('reach me at sip:alice@example.com.', {}).target, 'sip:alice@example.com');
  assert.equal(extractTarget('nothing here', {}).ok, false);
});

test('isCallHref knows the four schemes only', () => {
  assert.ok(isCallHref('tel:+1'));
  assert.ok(isCallHref(' CALLTO:+1'));
  assert.ok(isCallHref('sips:a@b'));
  assert.ok(!isCallHref('https://example.com'));
  assert.ok(!isCallHref(null));
});

test('dialing rules: shown vs dialed', () => {
  const de = parseTarget('+49 30 901820');
  const us = parseTarget('+1 415 555 2671');
  assert.equal(dialString(de, {}), '+4930901820');
  assert.equal(dialString(de, { dialFormat: 'local', homeCountry: 'DE' }), '030901820');
  assert.equal(dialString(de, { dialFormat: 'local', homeCountry: 'DE', dialPrefix: '0' }), '0030901820');
  assert.equal(dialString(us, { dialFormat: 'local', homeCountry: 'DE' }), '0014155552671');
  assert.equal(dialString(parseTarget('sip:a@example.com'), { dialFormat: 'local', homeCountry: 'DE' }), 'sip:a@example.com');
});

test('tel: links that real sites use are accepted (issue 14)', () => {
  ok('tel:0049 30 23125 456', 'US', '+493023125456');
  ok('tel:0049%2030%2023125%20456', 'GB', '+493023125456');
  ok('tel:0049 30 23125 456', 'DE', '+493023125456');
  const paused = ok('tel:+18005550175,,1234', 'DE', '+18005550175');
  assert.equal(paused.ext, '1234', 'pauses then digits: the extension, shown to the user');
  assert.equal(ok('tel:+18005550175p1234', 'DE', '+18005550175').ext, '1234');
  ok('tel:+1\u2011800\u2011555\u20110175', 'DE', '+18005550175');
  ok('tel:+1%E2%80%91800%E2%80%91555%E2%80%910175', 'DE', '+18005550175');
  ok('tel:+49\u00a030\u00a0901820', 'US', '+4930901820');
  ok('tel:＋８１３１２３４５６７８', 'US', '+81312345678');
});

test('the link shapes we can never dial are told apart without libphonenumber', () => {
  for (const href of ['tel:+18005550175,,1234', 'tel:0049 30 23125 456', 'callto:+4930901820', 'callto://+4930901820',
    'sip:alice@example.com', 'sips:bob@pbx.example.org:5061', 'tel:2001', 'tel:+1\u2011800\u2011555\u20110175']) {
    assert.equal(isDialableHref(href), true, href);
  }
  for (const href of ['callto://alice.skype', 'callto:alice.smith', 'tel:', 'tel:abc', 'tel:12', 'sip:alice', 'https://example.com/',
    'tel:%E0%A4%A', 'callto:live:.cid.123abc']) {
    assert.equal(isDialableHref(href), false, href);
  }
});

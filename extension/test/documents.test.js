// The document registry behind page events (background/documents.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentRegistry, senderOrigin } from '../background/documents.js';

test('9: opaque origins are never an allowed origin, whatever the URL', () => {
  assert.equal(senderOrigin({ origin: 'null', url: 'https://crm.example.com/frame.html' }), null);
  assert.equal(senderOrigin({ origin: 'https://crm.example.com', url: 'https://crm.example.com/' }), 'https://crm.example.com');
  assert.equal(senderOrigin({ url: 'data:text/html,x' }), null);
});

test('a new document in a tab and frame replaces the old one; the registry is bounded', () => {
  const docs = new DocumentRegistry();
  const sender = (documentId, url, frameId = 0, tabId = 1) => ({ documentId, url, frameId, tab: { id: tabId }, origin: new URL(url).origin });
  docs.register(sender('a', 'https://crm.example.com/'), { pageEvents: true });
  docs.register(sender('f', 'https://crm.example.com/frame', 3), { pageEvents: true });
  docs.register(sender('b', 'https://evil.example/'), { pageEvents: false });
  assert.equal(docs.get('a'), null);
  assert.deepEqual(docs.eventDocuments().map((d) => d.id), ['f']);
  assert.deepEqual(docs.topDocumentsOf('https://evil.example').map((d) => d.id), ['b']);
  assert.equal(docs.register({ url: 'https://x.example/', tab: { id: 2 } }, { pageEvents: true }), false, 'no documentId: not registered');
  for (let i = 0; i < 1100; i += 1) docs.register(sender(`d${i}`, 'https://crm.example.com/', 0, 100 + i), { pageEvents: true });
  assert.equal(docs.docs.size, 1000);
  assert.equal(docs.get('f'), null, 'the oldest went first');
  assert.equal(docs.forgetTab(100 + 1099), true);
});

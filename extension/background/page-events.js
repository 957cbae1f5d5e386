// Who hears of a call (docs/PAGE-API.md): the document that started an outgoing call, and for
// incoming calls the documents whose origin is allow-listed. Every message is addressed to one
// document (documentId) and carries the origin it was meant for, checked again right before
// sending and by the content script on arrival; a document that cannot be reached is forgotten.
import { ext } from '../shared/browser.js';
import { PUSH } from '../shared/messages.js';
import { originAllowed } from '../shared/settings.js';

/** The documents that may receive this call's event: [{id, tabId, origin}]. */
export function recipientsOf(call, documents, values) {
  const out = new Map();
  if (call.direction !== 'in' && call.origin?.documentId) {
    const doc = documents.get(call.origin.documentId);
    // The document must still be the one that dialed, with the origin it dialed from.
    if (doc && doc.tabId === call.origin.tabId && doc.origin === call.origin.origin) out.set(call.origin.documentId, doc);
  }
  if (call.direction === 'in') {
    for (const doc of documents.eventDocuments()) {
      if (originAllowed(doc.origin, values)) out.set(doc.id, doc);
    }
  }
  return [...out].map(([id, doc]) => ({ id, tabId: doc.tabId, origin: doc.origin }));
}

/** Sends the event; returns true when a document had to be forgotten. */
export async function deliverCallEvent({ call, detail, documents, values }) {
  let forgot = false;
  for (const doc of recipientsOf(call, documents, values)) {
    try {
      await ext().tabs.sendMessage(doc.tabId, { type: PUSH.CALL, detail, origin: doc.origin }, { documentId: doc.id });
    } catch {
      documents.forget(doc.id); // navigated away, closed, or in the back/forward cache
      forgot = true;
    }
  }
  return forgot;
}

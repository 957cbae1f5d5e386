// A minimal SIP far end on a UDP socket, stamping every packet on this process's clock. It
// records what arrives (to prove that no INVITE left baresip) and answers an INVITE with
// 100 Trying (so a CANCEL can end it: 200 for the CANCEL, 487 for the INVITE) or, when asked,
// with 180 Ringing and later 486 Busy Here (to time state changes end to end). SIPp is
// the far end for the call scenarios; this one exists because a test needs its timestamps.
import dgram from 'node:dgram';
import { performance } from 'node:perf_hooks';

/** Epoch milliseconds with sub-millisecond resolution, comparable with a page's clock. */
export const epochNow = () => performance.timeOrigin + performance.now();

function header(message, name) {
  const line = message.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ?? null;
}

function response(invite, status, toTag) {
  const lines = [`SIP/2.0 ${status}`];
  for (const l of invite.split('\r\n')) {
    if (/^via:/i.test(l)) lines.push(l);
  }
  lines.push(header(invite, 'From'));
  lines.push(`${header(invite, 'To')};tag=${toTag}`);
  lines.push(header(invite, 'Call-ID'));
  lines.push(header(invite, 'CSeq'));
  lines.push('Content-Length: 0', '', '');
  return lines.join('\r\n');
}

/**
 * @param {number} port
 * @param {{ringAfterMs?: number, busyAfterMs?: number} | null} answer  null: only record
 */
export async function startUdpFarEnd(port, answer = null) {
  const socket = dgram.createSocket('udp4');
  const packets = []; // {at, text}
  const sent = []; // {at, status, callId}
  socket.on('message', (buffer, rinfo) => {
    const at = epochNow();
    const text = buffer.toString('utf8');
    packets.push({ at, text });
    const callId = header(text, 'Call-ID');
    const reply = (request, status, tag) => {
      socket.send(response(request, status, tag), rinfo.port, rinfo.address);
      sent.push({ at: epochNow(), status, callId });
    };
    if (text.startsWith('CANCEL ')) {
      const invite = packets.find((p) => p.text.startsWith('INVITE ') && header(p.text, 'Call-ID') === callId);
      reply(text, '200 OK', 'far');
      if (invite) reply(invite.text, '487 Request Terminated', 'far');
      return;
    }
    if (!text.startsWith('INVITE ')) return;
    if (packets.filter((p) => p.text.startsWith('INVITE ') && header(p.text, 'Call-ID') === callId).length > 1) return;
    if (!answer) {
      reply(text, '100 Trying', 'far');
      return;
    }
    const tag = `far${packets.length}`;
    const send = (status) => reply(text, status, tag);
    setTimeout(() => send('180 Ringing'), answer.ringAfterMs ?? 100);
    setTimeout(() => send('486 Busy Here'), answer.busyAfterMs ?? 400);
  });
  await new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', resolve);
  });
  return {
    packets,
    sent,
    invites: () => packets.filter((p) => p.text.startsWith('INVITE ')),
    close: () => new Promise((resolve) => socket.close(resolve)),
  };
}

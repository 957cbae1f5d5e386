// Free loopback ports for one test: a block where every port is free for both TCP and UDP, so
// baresip (SIP, TLS, control, RTP) and SIPp (SIP, media) of one test never meet another's.
import net from 'node:net';
import dgram from 'node:dgram';

function tcpFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function udpFree(port) {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** A block of `size` consecutive ports, each free on 127.0.0.1 for TCP and UDP. */
export async function freePortBlock(size) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    // Below Linux's ephemeral range (32768–60999): a port there may be handed to any program's
    // outgoing connection between this check and the softphone binding it.
    const base = 21000 + Math.floor(Math.random() * (32000 - 21000 - size));
    let ok = true;
    for (let port = base; port < base + size && ok; port += 1) {
      ok = (await tcpFree(port)) && (await udpFree(port));
    }
    if (ok) return base;
  }
  throw new Error(`no block of ${size} free loopback ports found`);
}

// Host settings that select the real baresip on loopback with free ports; SIPp plays the far end.
import { freePortBlock } from './ports.mjs';
import { requireTool } from './tools.mjs';

/**
 * Ports and settings for one host with its own baresip. Phone numbers go to SIPp:
 * `+15550104477` is dialed as `sip:+15550104477@127.0.0.1:<sippPort>`.
 */
export async function baresipRig() {
  requireTool('baresip', 'baresip-core');
  requireTool('sipp', 'sip-tester');
  const base = await freePortBlock(40);
  const rig = {
    sipPort: base, // baresip also listens on sipPort + 1 (TLS)
    ctrlPort: base + 2,
    sippPort: base + 10, // SIPp media on + 12 and + 13
    rtpMin: base + 20,
  };
  rig.settings = {
    softphone: 'baresip',
    baresip: {
      mode: 'start',
      ctrlPort: rig.ctrlPort,
      sipPort: rig.sipPort,
      listenAddress: '127.0.0.1',
      rtpPorts: `${rig.rtpMin}-${rig.rtpMin + 19}`,
      audioSource: 'ausine,440',
      audioPlayer: 'aubridge,nullplay',
      domain: `127.0.0.1:${rig.sippPort}`,
    },
  };
  rig.hostEnv = { CLICK2CALL_SOFTPHONE: 'baresip' };
  /** The SIP URI baresip dials for a phone number. */
  rig.uriFor = (e164) => `sip:${e164}@127.0.0.1:${rig.sippPort}`;
  /** Arguments that make a SIPp UAC call the host's baresip. */
  rig.callBaresip = ['-s', 'click2call', `127.0.0.1:${rig.sipPort}`];
  return rig;
}

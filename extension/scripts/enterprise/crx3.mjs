// CRX3, the package format Chromium installs from an update server: "Cr24", format version 3,
// the length of a protobuf CrxFileHeader, the header, then the ZIP. The header carries an RSA
// SHA-256 proof by the organisation's key over "CRX3 SignedData\0" + length + signed_header_data
// + ZIP, where signed_header_data holds the crx_id (the first 16 bytes of SHA-256 over the public
// key). Field numbers follow Chromium's components/crx_file/crx3.proto.
import crypto from 'node:crypto';

const MAGIC = Buffer.from('Cr24', 'ascii');
const SIGNED_DATA_PREFIX = Buffer.from('CRX3 SignedData\x00', 'binary');

function varint(value) {
  const bytes = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
function field(number, bytes) {
  return Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);
}

const uint32le = (value) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
};

/** The DER SubjectPublicKeyInfo of a private key (PEM, PKCS#8 or PKCS#1). */
export function publicKeyDer(privateKeyPem) {
  const key = crypto.createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the CRX key must be an RSA key');
  return crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** The extension id: the first 32 hex digits of SHA-256 over the public key, 0-f mapped to a-p. */
export function extensionId(spkiDer) {
  const hex = crypto.createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * @param {Buffer} archive the ZIP
 * @param {string|Buffer} privateKeyPem
 * @returns {{crx: Buffer, id: string, publicKey: Buffer}}
 */
export function crx3(archive, privateKeyPem) {
  const key = crypto.createPrivateKey(privateKeyPem);
  const publicKey = publicKeyDer(privateKeyPem);
  const crxId = crypto.createHash('sha256').update(publicKey).digest().subarray(0, 16);
  const signedHeaderData = field(1, crxId); // SignedData { bytes crx_id = 1; }
  const signer = crypto.createSign('sha256');
  signer.update(SIGNED_DATA_PREFIX);
  signer.update(uint32le(signedHeaderData.length));
  signer.update(signedHeaderData);
  signer.update(archive);
  const signature = signer.sign(key);
  const proof = Buffer.concat([field(1, publicKey), field(2, signature)]); // AsymmetricKeyProof
  const header = Buffer.concat([field(2, proof), field(10000, signedHeaderData)]); // CrxFileHeader
  const crx = Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, archive]);
  return { crx, id: extensionId(publicKey), publicKey };
}

/** Reads a CRX3 back (for checks): the proofs, the signed crx_id and the ZIP. */
export function parseCrx3(crx) {
  if (!crx.subarray(0, 4).equals(MAGIC) || crx.readUInt32LE(4) !== 3) throw new Error('not a CRX3 file');
  const headerLength = crx.readUInt32LE(8);
  const header = crx.subarray(12, 12 + headerLength);
  const fields = readFields(header);
  const proofs = fields.filter((f) => f.number === 2).map((f) => {
    const inner = readFields(f.bytes);
    return { publicKey: inner.find((x) => x.number === 1)?.bytes, signature: inner.find((x) => x.number === 2)?.bytes };
  });
  const signedHeaderData = fields.find((f) => f.number === 10000)?.bytes;
  const crxId = readFields(signedHeaderData).find((f) => f.number === 1)?.bytes;
  return { proofs, signedHeaderData, crxId, archive: crx.subarray(12 + headerLength) };
}

function readFields(buffer) {
  const fields = [];
  let at = 0;
  const readVarint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = buffer[at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < buffer.length) {
    const key = readVarint();
    if (key % 8 !== 2) throw new Error(`unexpected wire type ${key % 8}`);
    const length = readVarint();
    fields.push({ number: Math.floor(key / 8), bytes: buffer.subarray(at, at + length) });
    at += length;
  }
  return fields;
}

/** Verifies every RSA proof the way Chromium does; true when all hold and one matches the id. */
export function verifyCrx3(crx) {
  const { proofs, signedHeaderData, crxId, archive } = parseCrx3(crx);
  if (!proofs.length || !crxId) return false;
  let idMatched = false;
  for (const { publicKey, signature } of proofs) {
    const verifier = crypto.createVerify('sha256');
    verifier.update(SIGNED_DATA_PREFIX);
    verifier.update(uint32le(signedHeaderData.length));
    verifier.update(signedHeaderData);
    verifier.update(archive);
    const key = crypto.createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    if (!verifier.verify(key, signature)) return false;
    const hash = crypto.createHash('sha256').update(publicKey).digest().subarray(0, 16);
    if (hash.equals(crxId)) idMatched = true;
  }
  return idMatched;
}

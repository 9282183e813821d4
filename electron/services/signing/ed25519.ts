import type { KeyObject } from 'node:crypto';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { Signer } from '../../../shared/inspection/signing';

/** A fresh Ed25519 key: the private key as PKCS#8 PEM (what is stored). */
export function newPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The private key a PEM holds; throws when it is not an Ed25519 private key. */
export function privateKeyOf(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

/** What comes before an Ed25519 private key's 32 seed bytes in its PKCS#8 DER (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The Ed25519 key a 32-byte seed determines: the same seed, the same key, on every machine.
 * Only sample data uses it (each made-up school's key comes from the seeded generator); a real
 * installation's key comes from newPrivateKeyPem.
 */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** base64 of the public key's SubjectPublicKeyInfo DER: the form stored in a sign-off. */
export function publicKeyBase64(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** SHA-256 of the public key's DER bytes, hex: the fingerprint a person compares. */
export function fingerprintOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
}

/** SHA-256 of a text's UTF-8 bytes (or of the bytes given), hex. */
export function sha256Hex(text: string | Uint8Array): string {
  return typeof text === 'string'
    ? createHash('sha256').update(text, 'utf8').digest('hex')
    : createHash('sha256').update(text).digest('hex');
}

/**
 * Whether `signature` is an Ed25519 signature by `publicKey` over the text's UTF-8 bytes (or
 * over the bytes given: a text's, encoded once by a caller that hashes them too).
 */
export function verifyText(
  publicKey: string,
  text: string | Uint8Array,
  signature: string,
): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The pure sign-off steps' view of a private key. */
export function signerOf(privateKey: KeyObject): Signer {
  const publicKey = publicKeyBase64(privateKey);
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sha256: sha256Hex,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}

import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  privateKeyFromSeed,
  publicKeyBase64,
  signerOf,
  verifyText,
} from '../../../../electron/services/signing/ed25519';

// RFC 8032, section 7.1, TEST 1: the seed, its public key, and the signature of the empty message.
const SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

describe('a key from a seed (sample data)', () => {
  it('is the Ed25519 key RFC 8032 gives for that seed', () => {
    const key = privateKeyFromSeed(SEED);
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(Buffer.from(publicKeyBase64(key), 'base64').subarray(-32).toString('hex')).toBe(PUBLIC);
    expect(sign(null, Buffer.alloc(0), key).toString('hex')).toBe(SIGNATURE);
  });

  it('signs the same text the same way every time, and its signatures verify', () => {
    const signer = signerOf(privateKeyFromSeed(SEED));
    const again = signerOf(privateKeyFromSeed(Uint8Array.from(SEED)));
    expect(again.sign('清朗')).toBe(signer.sign('清朗'));
    expect(again.fingerprint).toBe(fingerprintOf(signer.publicKey));
    expect(verifyText(signer.publicKey, '清朗', signer.sign('清朗'))).toBe(true);
  });

  it('takes 32 bytes, no other length', () => {
    expect(() => privateKeyFromSeed(SEED.subarray(1))).toThrow(RangeError);
    expect(() => privateKeyFromSeed(Buffer.concat([SEED, Buffer.of(0)]))).toThrow(RangeError);
  });
});

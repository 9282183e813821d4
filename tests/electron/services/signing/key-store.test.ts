import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../../app-error';
import { silentLogger } from '../../../../electron/services/logger';
import { openKeyStore } from '../../../../electron/services/signing/key-store';
import { fingerprintOf, verifyText } from '../../../../electron/services/signing/ed25519';
import { useTempDir } from '../../temp-dir';

const tempDir = useTempDir();
const NOW = new Date('2026-11-30T02:00:00.000Z');
const LATER = new Date('2026-12-01T02:00:00.000Z');

function world(clock = NOW) {
  const dataDir = tempDir();
  const open = (now = clock) => openKeyStore({ dataDir, log: silentLogger, now: () => now });
  const keyFile = path.join(dataDir, 'keys', 'signing-key.pem');
  const historyFile = path.join(dataDir, 'keys', 'key-history.json');
  return { dataDir, open, keyFile, historyFile };
}

describe('the signing key store', () => {
  it('has no key until the first signature, then makes one, readable by the user only', () => {
    const { open, keyFile } = world();
    expect(open().status()).toEqual({ state: 'none', history: [] });
    expect(open().fingerprint()).toBeUndefined();
    const signer = open().signer();
    expect(verifyText(signer.publicKey, '内容', signer.sign('内容'))).toBe(true);
    expect(signer.fingerprint).toBe(fingerprintOf(signer.publicKey));
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const status = open().status();
    expect(status).toEqual({
      state: 'ok',
      publicKey: signer.publicKey,
      fingerprint: signer.fingerprint,
      createdAt: NOW.toISOString(),
      history: [
        {
          fingerprint: signer.fingerprint,
          publicKey: signer.publicKey,
          createdAt: NOW.toISOString(),
        },
      ],
    });
  });

  it('signs with the same key every time after that, across restarts', () => {
    const { open } = world();
    const first = open().signer();
    expect(open().signer().publicKey).toBe(first.publicKey);
    expect(open().fingerprint()).toBe(first.fingerprint);
  });

  it('never replaces a missing key unasked; with consent makes a new one and records why', () => {
    const { open, keyFile } = world();
    const old = open().signer();
    fs.rmSync(keyFile);
    expect(open().status()).toMatchObject({ state: 'missing' });
    expect(appErrorOf(() => open().signer()).code).toBe('signing-key-missing');
    expect(fs.existsSync(keyFile)).toBe(false);

    const after = open(LATER).replace();
    expect(after).toMatchObject({ state: 'ok', createdAt: LATER.toISOString() });
    expect(after.history).toEqual([
      {
        fingerprint: old.fingerprint,
        publicKey: old.publicKey,
        createdAt: NOW.toISOString(),
        replacedAt: LATER.toISOString(),
        replacedBecause: 'missing',
      },
      expect.objectContaining({ createdAt: LATER.toISOString() }),
    ]);
    expect(open().signer().fingerprint).not.toBe(old.fingerprint);
  });

  it('keeps a damaged key aside, refuses to sign with it, and replaces it only on request', () => {
    const { open, keyFile, dataDir } = world();
    open().signer();
    fs.writeFileSync(
      keyFile,
      '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n',
    );
    expect(open().status()).toMatchObject({ state: 'damaged' });
    expect(appErrorOf(() => open().signer()).code).toBe('signing-key-damaged');

    const after = open(LATER).replace();
    expect(after.state).toBe('ok');
    expect(after.history[0]).toMatchObject({ replacedBecause: 'damaged' });
    const kept = fs.readdirSync(path.join(dataDir, 'keys')).filter((f) => f.includes('.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'keys', kept[0]!), 'utf8')).toContain('not a key');
  });

  it('takes a key of another kind for a damaged one', () => {
    const { open, keyFile } = world();
    open().signer();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    fs.writeFileSync(keyFile, rsa);
    expect(open().status()).toMatchObject({ state: 'damaged' });
  });

  it('refuses to replace a key that is in order', () => {
    const { open } = world();
    const signer = open().signer();
    expect(appErrorOf(() => open().replace()).code).toBe('signoff-refused');
    expect(open().fingerprint()).toBe(signer.fingerprint);
  });

  it('records a readable key its history does not know (the history was lost) rather than refuse it', () => {
    const { open, historyFile } = world();
    const signer = open().signer();
    fs.rmSync(historyFile);
    expect(open(LATER).status()).toMatchObject({ state: 'ok', fingerprint: signer.fingerprint });
    expect(JSON.parse(fs.readFileSync(historyFile, 'utf8'))).toMatchObject({
      keys: [{ fingerprint: signer.fingerprint, createdAt: LATER.toISOString() }],
    });
  });

  it('keeps a damaged history aside and starts it again, the key still usable', () => {
    const { open, historyFile, dataDir } = world();
    const signer = open().signer();
    fs.writeFileSync(historyFile, '{ not json');
    expect(open().status()).toMatchObject({ state: 'ok', fingerprint: signer.fingerprint });
    expect(fs.readdirSync(path.join(dataDir, 'keys')).some((f) => f.includes('.corrupt-'))).toBe(
      true,
    );
  });
});

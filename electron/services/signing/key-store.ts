import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Signer } from '../../../shared/inspection/signing';
import type { KeyHistory, KeyRecord, KeyStatus } from '../../../shared/signing-key';
import { keyHistorySchema } from '../../../shared/signing-key';
import { writeFileAtomic } from '../atomic-file';
import { dataPaths } from '../data-layout';
import { readJsonFile } from '../json-file';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';
import {
  fingerprintOf,
  newPrivateKeyPem,
  privateKeyOf,
  publicKeyBase64,
  signerOf,
} from './ed25519';

export interface KeyStore {
  status(): KeyStatus;
  /**
   * The key to sign with. The first one is made here, unasked (there is nothing to lose); a key
   * that existed and is now missing or damaged is never replaced without the user (`replace`).
   */
  signer(): Signer;
  /** Makes a new key where the old one is missing or damaged, with the user's consent; recorded. */
  replace(): KeyStatus;
  /** The current key's fingerprint, if it can be read. */
  fingerprint(): string | undefined;
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now?: () => Date;
}

type Loaded =
  | { readonly state: 'none' }
  | { readonly state: 'missing' }
  | { readonly state: 'damaged' }
  | { readonly state: 'ok'; readonly key: KeyObject; readonly record: KeyRecord };

/**
 * keys/signing-key.pem holds this installation's Ed25519 private key (PKCS#8, created 0600, so
 * readable by the user only where the OS allows); keys/key-history.json every public key it has
 * had, with when and why each was replaced. The history is public and is kept in every backup;
 * the private key never leaves this folder.
 */
export function openKeyStore(options: Options): KeyStore {
  const { log } = options;
  const paths = dataPaths(options.dataDir);
  const now = options.now ?? (() => new Date());

  const readHistory = (): KeyHistory => {
    const file = readJsonFile(paths.keyHistoryFile);
    if (file.kind === 'missing') return { schemaVersion: 1, keys: [] };
    const parsed = file.kind === 'parsed' ? keyHistorySchema.safeParse(file.value) : null;
    if (parsed?.success) return parsed.data;
    // The history is a record, not the key: a damaged one is kept aside and started again.
    const kept = quarantine(paths.keyHistoryFile, now());
    log.warn('signing.history-damaged', { kept });
    return { schemaVersion: 1, keys: [] };
  };
  const writeHistory = (history: KeyHistory) => {
    fs.mkdirSync(paths.keys, { recursive: true });
    writeFileAtomic(paths.keyHistoryFile, `${JSON.stringify(history, null, 2)}\n`);
  };

  const load = (history: KeyHistory): Loaded => {
    let pem: string;
    try {
      pem = fs.readFileSync(paths.signingKeyFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { state: 'damaged' };
      return history.keys.length === 0 ? { state: 'none' } : { state: 'missing' };
    }
    let key: KeyObject;
    try {
      key = privateKeyOf(pem);
    } catch {
      return { state: 'damaged' };
    }
    const publicKey = publicKeyBase64(key);
    const fingerprint = fingerprintOf(publicKey);
    const current = history.keys.at(-1);
    if (current?.fingerprint === fingerprint) return { state: 'ok', key, record: current };
    // A readable key the history does not know (the history was lost): recorded now, not refused.
    const record: KeyRecord = { fingerprint, publicKey, createdAt: now().toISOString() };
    writeHistory({ ...history, keys: [...history.keys, record] });
    log.warn('signing.key-recorded');
    return { state: 'ok', key, record };
  };

  const statusOf = (loaded: Loaded, history: KeyHistory): KeyStatus =>
    loaded.state === 'ok'
      ? {
          state: 'ok',
          publicKey: loaded.record.publicKey,
          fingerprint: loaded.record.fingerprint,
          createdAt: loaded.record.createdAt,
          history: history.keys,
        }
      : { state: loaded.state, history: history.keys };

  const create = (history: KeyHistory, because?: KeyRecord['replacedBecause']): KeyObject => {
    const pem = newPrivateKeyPem();
    const key = privateKeyOf(pem);
    const publicKey = publicKeyBase64(key);
    const at = now().toISOString();
    const keys = history.keys.map((k, i) =>
      i === history.keys.length - 1 && because && k.replacedAt === undefined
        ? { ...k, replacedAt: at, replacedBecause: because }
        : k,
    );
    fs.mkdirSync(paths.keys, { recursive: true });
    // The history first: a crash between the two leaves a key the history does not know, which
    // load() records, never a history naming a key that was not written.
    writeHistory({
      schemaVersion: 1,
      keys: [...keys, { fingerprint: fingerprintOf(publicKey), publicKey, createdAt: at }],
    });
    writeFileAtomic(paths.signingKeyFile, pem, 0o600);
    return key;
  };

  return {
    status() {
      const history = readHistory();
      return statusOf(load(history), history);
    },
    fingerprint() {
      const history = readHistory();
      const loaded = load(history);
      return loaded.state === 'ok' ? loaded.record.fingerprint : undefined;
    },
    signer() {
      const history = readHistory();
      const loaded = load(history);
      if (loaded.state === 'ok') return signerOf(loaded.key);
      if (loaded.state === 'missing') throw new AppError('signing-key-missing');
      if (loaded.state === 'damaged') throw new AppError('signing-key-damaged');
      log.info('signing.key-created');
      return signerOf(create(history));
    },
    replace() {
      const history = readHistory();
      const loaded = load(history);
      if (loaded.state === 'ok') {
        throw new AppError('signoff-refused', {
          'zh-CN': '本机的签名密钥完好，不需要更换。',
          'en-US': "This computer's signing key is in order; there is nothing to replace.",
        });
      }
      if (loaded.state === 'damaged' && fs.existsSync(paths.signingKeyFile)) {
        const kept = quarantine(paths.signingKeyFile, now());
        log.warn('signing.key-damaged', { kept });
      }
      create(history, loaded.state === 'none' ? undefined : loaded.state);
      log.warn('signing.key-replaced', { because: loaded.state });
      const after = readHistory();
      return statusOf(load(after), after);
    },
  };
}

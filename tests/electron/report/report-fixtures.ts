import zlib from 'node:zlib';
import { generateKeyPairSync } from 'node:crypto';
import { signerOf } from '../../../electron/services/signing/ed25519';
import { canonicalText } from '../../../shared/inspection/canonical';
import type { EvidenceRef, Inspection, Signoff } from '../../../shared/inspection/schema';
import { signedContent } from '../../../shared/inspection/signing';

/** The smallest PNG there is (1×1, transparent): a drawn signature for tests. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface SignedOptions {
  readonly image: EvidenceRef;
  readonly method?: Signoff['method'];
  readonly comment?: string;
  readonly at?: string;
}

/**
 * The inspection as the principal's sign-off leaves it, signed for real with a fresh key, whatever
 * would block sign-off in the app (the report shows what is there; the app's rules are tested
 * with planSign).
 */
export function signed(inspection: Inspection, options: SignedOptions): Inspection {
  const signer = signerOf(generateKeyPairSync('ed25519').privateKey);
  const at = options.at ?? '2026-11-30T02:10:00.000Z';
  const audit = [...inspection.audit, { at, event: 'signed' as const, detail: '王校长 校长' }];
  const covered = {
    signer: '王校长',
    title: '校长',
    date: at.slice(0, 10),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    method: options.method ?? 'drawn',
    image: options.image,
    signedAt: at,
    auditCount: audit.length,
    publicKey: signer.publicKey,
  };
  const text = canonicalText(signedContent({ ...inspection, audit }, covered));
  return {
    ...inspection,
    state: 'signed',
    audit,
    signoff: {
      ...covered,
      keyFingerprint: signer.fingerprint,
      contentHash: signer.sha256(text),
      signature: signer.sign(text),
    },
  };
}

/** A 240×80 PNG with a dark scribble on white, as a drawn signature looks. */
export function scribblePng(): Buffer {
  const width = 240;
  const height = 80;
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  for (let x = 10; x < width - 10; x++) {
    const y = Math.round(40 + 22 * Math.sin(x / 14) * Math.cos(x / 37));
    for (let dy = -1; dy <= 1; dy++) {
      const at = (y + dy) * (width * 3 + 1) + 1 + x * 3;
      raw.fill(0x1a, at, at + 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

import type { SignatureCheck } from '../../../shared/inspection/signature-check';
import { signedText } from '../../../shared/inspection/signing';
import type { Inspection } from '../../../shared/inspection/schema';
import { fingerprintOf, sha256Hex, verifyText } from './ed25519';

/**
 * Checks an inspection's sign-off against its content. The public key travels in the file, so a
 * valid signature proves the content is what the holder of that key signed; whose key it is, is
 * told by the fingerprint (compared with this installation's, or with the one a school registered).
 */
export function checkSignature(inspection: Inspection, ownFingerprint?: string): SignatureCheck {
  const { signoff } = inspection;
  if (!signoff) return { status: 'unsigned' };
  const fingerprint = fingerprintOf(signoff.publicKey);
  if (fingerprint !== signoff.keyFingerprint) return { status: 'invalid', fingerprint };
  const text = Buffer.from(signedText({ ...inspection, signoff }), 'utf8');
  const hash = sha256Hex(text);
  if (!verifyText(signoff.publicKey, text, signoff.signature)) {
    // The signature no longer fits. If the content's hash moved too, the content was changed
    // after signing; if not, the signature itself was altered.
    return { status: hash === signoff.contentHash ? 'invalid' : 'changed', fingerprint };
  }
  if (hash !== signoff.contentHash) return { status: 'invalid', fingerprint };
  return {
    status: 'valid',
    fingerprint,
    contentHash: hash,
    ownKey: fingerprint === ownFingerprint,
  };
}

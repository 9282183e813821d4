/** A key fingerprint as people read it aloud and compare it: groups of four, "3f2a 9c01 …". */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;
}

import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds zip files byte by byte for the tests, with knobs to make any header lie. Honest by
 * default: every field the local header, the central directory and the end record share agrees
 * unless a test says otherwise, so each crafted case differs from a good zip in one way only.
 */

/** Fields one header may state differently from the truth. */
export interface HeaderLies {
  readonly method?: number;
  readonly flags?: number;
  /** Bytes for a name that is not UTF-8. */
  readonly name?: string | Uint8Array;
  readonly crc?: number;
  readonly compressedSize?: number;
  readonly size?: number;
}

export interface EntrySpec {
  readonly name: string | Uint8Array;
  readonly content: Uint8Array;
  /** How the body is stored; 8 (deflated) unless said. */
  readonly method?: 0 | 8;
  /** The body as written, instead of the content stored or deflated. */
  readonly body?: Uint8Array;
  readonly local?: HeaderLies;
  readonly central?: HeaderLies;
  /** Bit 3: zeros in the local header, a data descriptor (with its signature) after the body. */
  readonly descriptor?: boolean;
  /** Point the central entry at another entry's local header (by index), not its own. */
  readonly pointAt?: number;
  /** Point the central entry at this byte of the file, not its own local header. */
  readonly offset?: number;
}

export interface EndRecord {
  readonly disk?: number;
  readonly centralDisk?: number;
  readonly entriesHere?: number;
  readonly entries?: number;
  readonly centralSize?: number;
  readonly centralOffset?: number;
}

export interface ZipSpec {
  readonly entries: readonly EntrySpec[];
  readonly comment?: Uint8Array;
  /** A comment length other than the comment's own. */
  readonly commentLength?: number;
  readonly end?: EndRecord;
  /** Bytes after the end record (past where the comment says the file ends). */
  readonly trailing?: Uint8Array;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** The local headers with their bodies, and the central directory, placed at `base`. */
export function zipParts(
  entries: readonly EntrySpec[],
  base = 0,
): { locals: Buffer; central: Buffer } {
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let at = base;
  const centrals = entries.map((entry) => {
    const method = entry.method ?? 8;
    const body = Buffer.from(
      entry.body ?? (method === 8 ? deflateRawSync(entry.content) : entry.content),
    );
    const truth = {
      method,
      flags: entry.descriptor ? 0x08 : 0,
      name: entry.name,
      crc: crc32(entry.content),
      compressedSize: body.length,
      size: entry.content.length,
    };
    const hidden = entry.descriptor ? { crc: 0, compressedSize: 0, size: 0 } : {};
    const local = header(0x04034b50, { ...truth, ...hidden, ...entry.local });
    const descriptor = entry.descriptor
      ? Buffer.concat([u32(0x08074b50), u32(truth.crc), u32(body.length), u32(truth.size)])
      : Buffer.alloc(0);
    offsets.push(at);
    locals.push(local, body, descriptor);
    at += local.length + body.length + descriptor.length;
    return { fields: { ...truth, ...entry.central }, entry };
  });
  const central = centrals.map(({ fields, entry }, i) =>
    header(0x02014b50, fields, entry.offset ?? offsets[entry.pointAt ?? i]!),
  );
  return { locals: Buffer.concat(locals), central: Buffer.concat(central) };
}

type Fields = Required<HeaderLies>;

/** A local header (no offset) or a central directory entry (with the local header's offset). */
function header(signature: number, f: Fields, offset?: number): Buffer {
  const name = typeof f.name === 'string' ? Buffer.from(f.name) : Buffer.from(f.name);
  const isCentral = offset !== undefined;
  const sizes = [u32(f.crc), u32(f.compressedSize), u32(f.size), u16(name.length), u16(0)];
  const version = isCentral ? [u16(20), u16(20)] : [u16(20)];
  const time = [u16(0), u16(0x21)];
  const tail = isCentral ? [u16(0), u16(0), u16(0), u32(0), u32(offset)] : [];
  return Buffer.concat([
    u32(signature),
    ...version,
    u16(f.flags),
    u16(f.method),
    ...time,
    ...sizes,
    ...tail,
    name,
  ]);
}

/** The end of central directory record: 22 bytes, then the comment. */
export function endRecord(
  fields: Required<EndRecord>,
  comment: Uint8Array,
  commentLength = comment.length,
): Buffer {
  return Buffer.concat([
    u32(0x06054b50),
    u16(fields.disk),
    u16(fields.centralDisk),
    u16(fields.entriesHere),
    u16(fields.entries),
    u32(fields.centralSize),
    u32(fields.centralOffset),
    u16(commentLength),
    comment,
  ]);
}

export function buildZip(spec: ZipSpec): Buffer {
  const { locals, central } = zipParts(spec.entries);
  const count = spec.entries.length;
  const end = endRecord(
    {
      disk: 0,
      centralDisk: 0,
      entriesHere: count,
      entries: count,
      centralSize: central.length,
      centralOffset: locals.length,
      ...spec.end,
    },
    spec.comment ?? Buffer.alloc(0),
    spec.commentLength,
  );
  return Buffer.concat([locals, central, end, spec.trailing ?? Buffer.alloc(0)]);
}

/**
 * Case (b): a benign zip whose comment hides a whole second archive — `hidden`'s local headers
 * and central directory — ending in an end record cut to its first 20 bytes. A reader that
 * searches from 22 bytes before the end finds the benign record; one that searches from 4 bytes
 * before the end (SheetJS) finds the hidden one and reads `hidden` instead.
 */
export function zipWithHiddenEnd(
  benign: readonly EntrySpec[],
  hidden: readonly EntrySpec[],
): Buffer {
  const plain = buildZip({ entries: benign });
  const commentStart = plain.length;
  const parts = zipParts(hidden, commentStart);
  const cut = endRecord(
    {
      disk: 0,
      centralDisk: 0,
      entriesHere: hidden.length,
      entries: hidden.length,
      centralSize: parts.central.length,
      centralOffset: commentStart + parts.locals.length,
    },
    Buffer.alloc(0),
  ).subarray(0, 20);
  return buildZip({ entries: benign, comment: Buffer.concat([parts.locals, parts.central, cut]) });
}

/** Zeros that deflate to about a thousandth of their size. */
export function zeros(megabytes: number): Buffer {
  return Buffer.alloc(megabytes * 1024 * 1024);
}

/**
 * The layout of a zip, read once and believed only where every copy of a fact agrees: one end
 * record, a central directory that fills exactly the space before it, and for each entry a local
 * header that says what its central entry says. Zip readers differ in which copy they trust
 * (SheetJS searches for the end record from 4 bytes before the end and takes the local header's
 * method; a guard may take another), so a zip whose copies disagree is refused, not interpreted.
 */

export type ZipRefusal = 'damaged' | 'too-large' | 'encrypted' | 'unsupported';

/** How bad input is refused inside the zip reader; readZip turns it into a value. */
export class ZipRefused extends Error {
  constructor(
    readonly refusal: ZipRefusal,
    reason: string,
  ) {
    super(reason);
  }
}

/** Where one entry's stored bytes are and what they must unpack to. */
export interface ZipSlot {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the stored or deflated body begins. */
  readonly start: number;
}

/** The end record's signature, 0x06054b50 little-endian. */
const END_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** The end record (22 bytes) and the longest comment: as far back as any reader searches. */
const END_SEARCH = 22 + 0xffff;
/** Encrypted (bit 0), strong encryption (bit 6), encrypted central directory (bit 13). */
const ENCRYPTION_FLAGS = 0x2041;
/** Deflate options (bits 1, 2), data descriptor (bit 3), UTF-8 names (bit 11). */
const KNOWN_FLAGS = 0x080e;
const DATA_DESCRIPTOR = 0x08;

const damaged = (reason: string) => new ZipRefused('damaged', reason);

/** Little-endian reads that refuse, rather than throw, past the end of the bytes. */
class Bytes {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  u16(at: number): number {
    if (at < 0 || at + 2 > this.data.length) throw damaged(`the zip is cut short at byte ${at}`);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.data.length) throw damaged(`the zip is cut short at byte ${at}`);
    return this.view.getUint32(at, true);
  }
  slice(at: number, length: number): Uint8Array {
    if (at + length > this.data.length) throw damaged(`the zip is cut short at byte ${at}`);
    return this.data.subarray(at, at + length);
  }
}

/** Every entry of the zip, in central-directory order, after checking the whole layout. */
export function readStructure(data: Uint8Array, maxEntries: number): ZipSlot[] {
  const bytes = new Bytes(data);
  const end = findEnd(bytes, maxEntries);
  const centrals = readCentralDirectory(bytes, end);
  const names = new Set<string>();
  const ranges: [number, number][] = [];
  const slots = centrals.map((central) => {
    // Part names are case-insensitive in a workbook; two that differ only by case would leave
    // the choice between them to whichever reader comes next.
    const key = central.name.toLowerCase();
    if (names.has(key)) throw damaged(`two entries are named "${central.name}"`);
    names.add(key);
    const { slot, occupies } = readLocal(bytes, central, end.centralOffset);
    ranges.push(occupies);
    return slot;
  });
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]![0] < ranges[i - 1]![1])
      throw damaged(`two entries share bytes at ${ranges[i]![0]}`);
  }
  return slots;
}

interface EndRecord {
  readonly count: number;
  readonly centralOffset: number;
  readonly centralEnd: number;
}

function findEnd(bytes: Bytes, maxEntries: number): EndRecord {
  const { data } = bytes;
  // Every place in the last END_SEARCH bytes where the signature stands (Buffer's search).
  const tail = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const positions: number[] = [];
  for (
    let i = tail.indexOf(END_BYTES, Math.max(0, data.length - END_SEARCH));
    i >= 0;
    i = tail.indexOf(END_BYTES, i + 1)
  )
    positions.push(i);
  if (positions.length === 0) throw damaged('no end of central directory record');
  if (positions.length > 1)
    throw damaged(`${positions.length} end-of-central-directory signatures near the end`);
  const at = positions[0]!;
  if (at + 22 + bytes.u16(at + 20) !== data.length)
    throw damaged('the end record and its comment do not end where the file ends');
  const fields = [4, 6, 8, 10].map((offset) => bytes.u16(at + offset));
  const [size, offset] = [bytes.u32(at + 12), bytes.u32(at + 16)];
  const zip64 =
    (at >= 20 && bytes.u32(at - 20) === ZIP64_LOCATOR_SIGNATURE) ||
    fields.includes(0xffff) ||
    size === 0xffffffff ||
    offset === 0xffffffff;
  if (zip64) throw new ZipRefused('unsupported', 'a zip64 archive');
  const [disk, centralDisk, countHere, count] = fields as [number, number, number, number];
  if (disk !== 0 || centralDisk !== 0 || countHere !== count)
    throw new ZipRefused('unsupported', 'an archive split over several disks');
  if (count > maxEntries) throw new ZipRefused('too-large', `${count} entries`);
  // The central directory fills exactly the space before the end record: no room for a second.
  if (offset + size !== at) throw damaged('the central directory does not end at the end record');
  return { count, centralOffset: offset, centralEnd: at };
}

interface CentralEntry {
  readonly name: string;
  readonly rawName: Uint8Array;
  readonly flags: number;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function readCentralDirectory(bytes: Bytes, end: EndRecord): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = end.centralOffset;
  for (let n = 0; n < end.count; n++) {
    if (at + 46 > end.centralEnd || bytes.u32(at) !== CENTRAL_SIGNATURE)
      throw damaged(`central directory entry ${n + 1} is missing`);
    const nameLength = bytes.u16(at + 28);
    const next = at + 46 + nameLength + bytes.u16(at + 30) + bytes.u16(at + 32);
    if (next > end.centralEnd) throw damaged(`central directory entry ${n + 1} runs past its end`);
    const rawName = bytes.slice(at + 46, nameLength);
    const entry = {
      name: entryName(rawName),
      rawName,
      flags: bytes.u16(at + 8),
      method: bytes.u16(at + 10) as 0 | 8,
      crc: bytes.u32(at + 16),
      compressedSize: bytes.u32(at + 20),
      size: bytes.u32(at + 24),
      localOffset: bytes.u32(at + 42),
    };
    checkCentral(entry, bytes.u16(at + 34));
    entries.push(entry);
    at = next;
  }
  if (at !== end.centralEnd) throw damaged('the central directory holds more than its entries');
  return entries;
}

function checkCentral(entry: CentralEntry, startDisk: number): void {
  const { name, flags, method } = entry;
  if (flags & ENCRYPTION_FLAGS) throw new ZipRefused('encrypted', `"${name}" is encrypted`);
  if (flags & ~KNOWN_FLAGS) throw new ZipRefused('unsupported', `"${name}" has flags ${flags}`);
  if (method !== 0 && method !== 8)
    throw new ZipRefused('unsupported', `"${name}" is compressed with method ${method}`);
  const sizes = [entry.compressedSize, entry.size, entry.localOffset];
  if (sizes.includes(0xffffffff) || startDisk !== 0)
    throw new ZipRefused('unsupported', `"${name}" is a zip64 or multi-disk entry`);
  if (method === 0 && entry.compressedSize !== entry.size)
    throw damaged(`"${name}" is stored but its two sizes differ`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The entry's name, refused if it could reach outside the archive's own tree. */
function entryName(raw: Uint8Array): string {
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    throw damaged('an entry name is not valid UTF-8');
  }
  const unsafe =
    name === '' ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[a-z]:/i.test(name) ||
    name.split('/').includes('..');
  if (unsafe) throw damaged(`unsafe entry name ${JSON.stringify(name)}`);
  return name;
}

/**
 * The local header must say what the central entry says; with a data descriptor (bit 3) it may
 * carry zeros for the CRC and sizes instead, and the descriptor after the body must agree.
 */
function readLocal(
  bytes: Bytes,
  central: CentralEntry,
  centralOffset: number,
): { slot: ZipSlot; occupies: [number, number] } {
  const at = central.localOffset;
  const { name } = central;
  if (at + 30 > centralOffset || bytes.u32(at) !== LOCAL_SIGNATURE)
    throw damaged(`"${name}" has no local header where the central directory says`);
  if (bytes.u16(at + 6) !== central.flags)
    throw damaged(`"${name}": the two headers' flags differ`);
  if (bytes.u16(at + 8) !== central.method)
    throw damaged(`"${name}": the two headers' methods differ`);
  const nameLength = bytes.u16(at + 26);
  if (!sameBytes(bytes.slice(at + 30, nameLength), central.rawName))
    throw damaged(`"${name}": the two headers' names differ`);
  const deferred = (central.flags & DATA_DESCRIPTOR) !== 0;
  const facts = [central.crc, central.compressedSize, central.size];
  facts.forEach((fact, i) => {
    const local = bytes.u32(at + 14 + 4 * i);
    if (local !== fact && !(deferred && local === 0))
      throw damaged(`"${name}": the two headers' CRC or sizes differ`);
  });
  const start = at + 30 + nameLength + bytes.u16(at + 28);
  let stop = start + central.compressedSize;
  if (deferred) stop += descriptorLength(bytes, stop, facts, name);
  if (stop > centralOffset) throw damaged(`"${name}" runs into the central directory`);
  const { method, crc, compressedSize, size } = central;
  return { slot: { name, method, crc, compressedSize, size, start }, occupies: [at, stop] };
}

/** The data descriptor's length (with or without its optional signature), if it agrees. */
function descriptorLength(bytes: Bytes, at: number, facts: number[], name: string): number {
  const matches = (from: number) => facts.every((fact, i) => bytes.u32(from + 4 * i) === fact);
  if (bytes.u32(at) === DESCRIPTOR_SIGNATURE && matches(at + 4)) return 16;
  if (matches(at)) return 12;
  throw damaged(`"${name}": its data descriptor differs from the central directory`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

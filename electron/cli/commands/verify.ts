import fs from 'node:fs/promises';
import type { Bilingual } from '../../../shared/i18n/locale';
import { checkInspectionShape } from '../../../shared/inspection/check';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import type { Inspection } from '../../../shared/inspection/schema';
import { INSPECTION_FORMAT, INSPECTION_FORMAT_V1 } from '../../../shared/inspection/schema';
import { readJsonBytes } from '../../services/json-text';
import { checkSignature } from '../../services/signing/verify';
import { isPackageBytes, MAX_PACKAGE_FILE_BYTES } from '../../services/workbook/package-verify';
import { isZipBytes } from '../../services/workbook/workbook-read';
import type { Command } from '../command';
import type { CliIo } from '../io';
import { CliError, EXIT_OK } from '../io';
import { signedLine, verifyPackageFile, verifyWorkbookFile } from './verify-workbook';

/**
 * `qinglang verify FILE`: is this inspection (its JSON, its bureau workbook or its submission
 * package) signed by its principal, and unchanged since? The answer is one line and the exit
 * code (0 yes, 1 no, saying why; for a workbook or package, each difference or problem follows).
 * The checks are the app's own (checkSignature as on import, verifyWorkbook, verifyPackage); the
 * public key travels in the file, so the line shows its fingerprint, to compare with the one the
 * school registered.
 */

const MB = 1024 * 1024;

/** The failure of `file`, in both languages, each naming the file. */
const failure = (file: string, zh: string, en: string) =>
  new CliError({ 'zh-CN': `${file}：${zh}`, 'en-US': `${file}: ${en}` });

/**
 * The file's bytes, its size checked before a byte is read; a clear line when it cannot be. A
 * zip (a workbook or a package, which carries evidence) may be far larger than an inspection's
 * JSON: its first bytes decide which cap applies.
 */
async function readCapped(file: string): Promise<Uint8Array> {
  const unreadable = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT'
      ? failure(file, '文件不存在', 'no such file')
      : failure(file, `无法读取（${code}）`, `cannot be read (${code})`);
  };
  let handle: fs.FileHandle;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw failure(file, '这是文件夹，不是文件', 'is a folder, not a file');
    if (!stat.isFile()) throw failure(file, '不是普通文件', 'is not a regular file');
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw error instanceof CliError ? error : unreadable(error);
  }
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const zip = isZipBytes(head);
    const cap = zip ? MAX_PACKAGE_FILE_BYTES : MAX_IMPORT_BYTES;
    const { size: measured } = await handle.stat();
    if (measured > cap) throw tooLarge(file, measured, cap, zip);
    // The file may have grown since it was measured: never read more than the cap and one byte.
    const buffer = Buffer.alloc(Math.min(measured, cap) + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > cap) throw tooLarge(file, size, cap, zip);
      if (size === buffer.length)
        throw failure(
          file,
          '读取时文件仍在变化，请稍后再试',
          'changed while it was being read; try again',
        );
    }
    return buffer.subarray(0, size);
  } catch (error) {
    throw error instanceof CliError ? error : unreadable(error);
  } finally {
    await handle.close();
  }
}

const tooLarge = (file: string, size: number, cap: number, zip: boolean) =>
  failure(
    file,
    `文件太大（${(size / MB).toFixed(1)} MB 以上），${zip ? '工作簿或报送材料' : '检查文件'}最大 ${cap / MB} MB`,
    `is too large (${(size / MB).toFixed(1)} MB or more); ${zip ? 'a workbook or package' : 'an inspection file'} is at most ${cap / MB} MB`,
  );

const notInspection = (file: string, why: Bilingual) =>
  failure(file, `不是检查文件：${why['zh-CN']}`, `not an inspection file: ${why['en-US']}`);

/** A format name that is not an inspection's says what the file is, not where zod stumbled. */
function formatProblem(value: unknown): Bilingual | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const format = Object.hasOwn(value, 'format') ? (value as { format: unknown }).format : undefined;
  if (format === INSPECTION_FORMAT || format === INSPECTION_FORMAT_V1) return null;
  if (typeof format !== 'string') {
    return {
      'zh-CN': `没有 format 字段（应为 ${INSPECTION_FORMAT}）`,
      'en-US': `it has no format (${INSPECTION_FORMAT} expected)`,
    };
  }
  const named = JSON.stringify(format.slice(0, 60));
  if (format.startsWith('qinglang-inspection/')) {
    return {
      'zh-CN': `格式 ${named} 比本程序新，请升级后再验证`,
      'en-US': `its format ${named} is newer than this app; upgrade to verify it`,
    };
  }
  return {
    'zh-CN': `格式为 ${named}，应为 ${INSPECTION_FORMAT} 或 ${INSPECTION_FORMAT_V1}`,
    'en-US': `its format is ${named}, not ${INSPECTION_FORMAT} or ${INSPECTION_FORMAT_V1}`,
  };
}

/** An inspection's JSON (`/2`, or `/1`, upgraded as on import) and its first problem, if any. */
function inspectionFromJson(file: string, bytes: Uint8Array): Inspection {
  const read = readJsonBytes(bytes);
  if (!read.ok) {
    const empty = bytes.length === 0 || /^\s*$/.test(Buffer.from(bytes).toString('utf8'));
    throw notInspection(
      file,
      empty ? { 'zh-CN': '文件是空的', 'en-US': 'the file is empty' } : read.problem,
    );
  }
  const wrongFormat = formatProblem(read.value);
  if (wrongFormat) throw notInspection(file, wrongFormat);
  const shape = checkInspectionShape(read.value);
  if (shape.ok) return shape.inspection;
  const [first] = shape.problems;
  const more = shape.problems.length - 1;
  const where = first?.path ?? '$';
  throw notInspection(file, {
    'zh-CN': `${where}：${first?.message['zh-CN'] ?? ''}${more > 0 ? `（另有 ${more} 处问题）` : ''}`,
    'en-US': `${where}: ${first?.message['en-US'] ?? ''}${more > 0 ? ` (and ${more} more)` : ''}`,
  });
}

/**
 * The kinds of file verify reads, tried in order on the file's first bytes: a zip holding
 * manifest.json is a submission package, any other zip a bureau workbook, and an inspection's
 * JSON takes anything else (its reader says what is wrong). Each prints its verdict and gives
 * the exit code.
 */
const READERS: readonly {
  readonly matches: (bytes: Uint8Array) => boolean;
  readonly verify: (file: string, bytes: Uint8Array, io: CliIo) => number;
}[] = [
  { matches: isPackageBytes, verify: verifyPackageFile },
  { matches: isZipBytes, verify: verifyWorkbookFile },
  {
    matches: () => true,
    verify: (file, bytes, io) => {
      io.out(verdict(file, inspectionFromJson(file, bytes)));
      return EXIT_OK;
    },
  },
];

const STATE_TEXT: Readonly<Record<Inspection['state'], Bilingual>> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'a draft' },
  ready: { 'zh-CN': '待校长签字', 'en-US': 'ready for sign-off' },
  signed: { 'zh-CN': '标明已签字', 'en-US': 'marked signed' },
};

/** The verdict on a well-formed inspection: the one line of a valid sign-off, or why not. */
export function verdict(file: string, inspection: Inspection): string {
  const check = checkSignature(inspection);
  const { signoff } = inspection;
  if (check.status === 'unsigned' || !signoff) {
    if (inspection.state === 'signed') {
      throw failure(
        file,
        '未签字：标明已签字，但没有可验证的签名',
        'unsigned: marked signed, but it carries no signature to verify',
      );
    }
    const state = STATE_TEXT[inspection.state];
    throw failure(file, `未签字（${state['zh-CN']}）`, `unsigned (${state['en-US']})`);
  }
  if (check.status === 'changed') {
    throw failure(
      file,
      '签字后内容被改动，签字不再有效',
      'changed after signing: the sign-off no longer holds',
    );
  }
  if (check.status === 'invalid') {
    throw failure(
      file,
      '签名无效（签名、公钥或散列被改动）',
      'signature invalid (the signature, key or hash was altered)',
    );
  }
  const head = { 'zh-CN': '签字有效，签字后未改动', 'en-US': 'signed, unchanged since' };
  return signedLine(file, head, inspection, check.fingerprint);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: {
    'zh-CN':
      '验证检查文件（.json）、工作簿（.xlsx）或报送材料（.zip）的校长签字：已签字且签字后未改动时退出码为 0',
    'en-US':
      'check the sign-off of an inspection file (.json), a workbook (.xlsx) or a submission package (.zip): exit 0 when signed and unchanged since',
  },
  synopsis: 'FILE.json | FILE.xlsx | FILE.zip',
  options: {},
  positionals: [1, 1],
  async run({ positionals }, io) {
    const file = positionals[0]!;
    const bytes = await readCapped(file);
    return READERS.find((r) => r.matches(bytes))!.verify(file, bytes, io);
  },
};

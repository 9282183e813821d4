import type { Bilingual } from '../../../shared/i18n/locale';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import { periodLabel } from '../../../shared/inspection/period';
import type { Inspection } from '../../../shared/inspection/schema';
import type { WorkbookEnvelope } from '../../../shared/workbook/envelope';
import type { WorkbookCheck } from '../../../shared/workbook/verdict';
import { differenceText, SIGNED_WORD } from '../../../shared/workbook/verdict';
import { verifyPackage } from '../../services/workbook/package-verify';
import { verifyWorkbook } from '../../services/workbook/workbook-verify';
import type { CliIo } from '../io';
import { bilingual, EXIT_FAILURE, EXIT_OK } from '../io';

/**
 * `qinglang verify` of a bureau workbook (.xlsx) or a submission package (.zip): the app's own
 * checks (verifyWorkbook, verifyPackage), said as one line when all is well, and otherwise as a
 * first line saying what is wrong, then each cell that differs or each problem of the package.
 */

/** How many differences or package problems are listed below the first line. */
const LISTED = 20;

/** The one line of a valid sign-off: whose, which term, who signed when, and the key. */
export function signedLine(
  file: string,
  head: Bilingual,
  inspection: Inspection,
  fingerprint: string,
  extra: readonly string[] = [],
): string {
  const period = periodLabel(inspection.period);
  const { signoff } = inspection;
  return [
    `${file}: ${head['zh-CN']} / ${head['en-US']}`,
    `${inspection.school.name}（${inspection.school.code}）`,
    `${period['zh-CN']} / ${period['en-US']}`,
    `签字人 signer ${signoff?.signer ?? ''}（${signoff?.title ?? ''}）`,
    `签字时间 signed at ${signoff?.signedAt ?? ''}`,
    `密钥指纹 key fingerprint ${groupFingerprint(fingerprint)}`,
    ...extra,
  ].join(' · ');
}

const firstLine = (file: string, why: Bilingual) =>
  `qinglang: ${bilingual({ 'zh-CN': `${file}：${why['zh-CN']}`, 'en-US': `${file}: ${why['en-US']}` })}`;

/** Lines below the first, at most LISTED of them and then how many more there were. */
function listed(io: CliIo, lines: readonly string[], total = lines.length): void {
  for (const line of lines.slice(0, LISTED)) io.err(`  - ${line}`);
  const more = total - Math.min(lines.length, LISTED);
  if (more > 0)
    io.err(`  ${bilingual({ 'zh-CN': `……另有 ${more} 处`, 'en-US': `… and ${more} more` })}`);
}

/** The verdict's failure: its reason, then the cells that differ (sheet, cell, signed, found). */
function workbookFailure(file: string, check: WorkbookCheck, io: CliIo): void {
  io.err(firstLine(file, check.reason));
  if (check.status !== 'cells-differ') return;
  listed(
    io,
    check.differences.map((d) => bilingual(differenceText(d, SIGNED_WORD))),
    check.differenceCount,
  );
}

const signed = (check: WorkbookCheck, envelope: WorkbookEnvelope | null) =>
  check.status === 'signed' && envelope !== null && check.fingerprint !== undefined;

export function verifyWorkbookFile(file: string, bytes: Uint8Array, io: CliIo): number {
  const { check, envelope } = verifyWorkbook(bytes);
  if (!signed(check, envelope)) {
    workbookFailure(file, check, io);
    return EXIT_FAILURE;
  }
  io.out(
    signedLine(
      file,
      {
        'zh-CN': '工作簿签字有效，签字后数据和各表均未改动',
        'en-US': 'workbook signed, data and every sheet unchanged since',
      },
      envelope!.inspection,
      check.fingerprint!,
    ),
  );
  return EXIT_OK;
}

export function verifyPackageFile(file: string, bytes: Uint8Array, io: CliIo): number {
  const result = verifyPackage(bytes);
  const { check, envelope, problems } = result;
  if (!signed(check, envelope) || problems.length > 0) {
    if (check.status === 'signed') {
      io.err(
        firstLine(file, {
          'zh-CN': `工作簿签字有效，但报送材料有 ${problems.length} 个问题`,
          'en-US': `the workbook is signed, but the package has ${problems.length} problem(s)`,
        }),
      );
    } else workbookFailure(file, check, io);
    // A problem that is the reason already given is not said twice.
    const more = problems.filter((p) => p.text['en-US'] !== check.reason['en-US']);
    listed(
      io,
      more.map((p) => bilingual(p.text)),
    );
    return EXIT_FAILURE;
  }
  const missing = result.missing.length;
  io.out(
    signedLine(
      file,
      {
        'zh-CN': '报送材料签字有效，工作簿和各文件均与清单相符、未改动',
        'en-US': 'package signed, its workbook and every file unchanged and as listed',
      },
      envelope!.inspection,
      check.fingerprint!,
      [
        `已核对 ${result.filesChecked} 个文件 / ${result.filesChecked} files checked`,
        ...(missing > 0
          ? [
              `${missing} 个附件未随附（导出时不在那台电脑上）/ ${missing} evidence file(s) not included (not on the exporting computer)`,
            ]
          : []),
      ],
    ),
  );
  return EXIT_OK;
}

import type { WorkbookCell } from '../workbook/cells';
import type { Pick2, SheetColumn, WorkbookSheet } from '../workbook/sheet';
import { date, datetime, num, text } from './district-cells';
import type { DistrictSummaryOptions } from './district-sheets';
import type { District } from './merge';

/** The district summary's format (shared/bureau/district-sheets.ts): a report for people. */
export const DISTRICT_FORMAT = 'qinglang-district/1';

/** How many files went where: each file read is kept, a duplicate, or rejected. */
export interface DistrictFileCounts {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
}

export function districtFileCounts(district: District): DistrictFileCounts {
  const accepted = district.kept.length;
  const rejected = district.rejected.length;
  const duplicates = district.duplicates.length;
  return { read: accepted + rejected + duplicates, accepted, rejected, duplicates };
}

/** What the About sheet reads of the summary's context. */
interface AboutContext {
  readonly district: District;
  readonly options: DistrictSummaryOptions;
  readonly say: Pick2;
  readonly title: (what: string) => string;
}

export const ABOUT_COLUMNS = [
  ['项目', 'Item', 22],
  ['内容', 'Value', 90],
] as const;

/** The About sheet: how the summary was made, from what. */
export function aboutSheet(
  context: AboutContext,
  name: string,
  columns: SheetColumn[],
): WorkbookSheet {
  const { district, say, options } = context;
  const counts = districtFileCounts(district);
  const versions = district.templates.map((t) => `${t.id} ${t.version}`).join(', ');
  const line = (zh: string, en: string, value: WorkbookCell): WorkbookCell[] => [
    text(say(zh, en)),
    value,
  ];
  const yes = (value: boolean) => text(value ? say('是', 'Yes') : say('否', 'No'));
  const rows: WorkbookCell[][] = [
    line('格式', 'Format', text(DISTRICT_FORMAT)),
    ...(options.bureau
      ? [
          line('教育局', 'Bureau', text(options.bureau.name)),
          line('所辖区县', 'District', text(options.bureau.district)),
        ]
      : []),
    line('生成时间（北京时间）', 'Generated at (Beijing time)', datetime(options.generatedAt)),
    line('逾期判断日期', 'Overdue as of', date(options.today)),
    line('程序版本', 'App version', text(options.appVersion)),
    line('读取文件数', 'Files read', num(counts.read)),
    line('采用文件数（各学期）', 'Files used (every term)', num(counts.accepted)),
    line('拒收文件数', 'Files rejected', num(counts.rejected)),
    line('重复文件数', 'Duplicate files', num(counts.duplicates)),
    line('学校数', 'Schools', num(district.schools.length)),
    line('包括未签字的草稿', 'Unsigned drafts included', yes(options.allowDrafts)),
    line(
      '学校名单',
      'School list',
      text(
        options.schoolList
          ? say(
              `已加载（${options.schoolList.length} 所）`,
              `loaded (schools listed: ${options.schoolList.length})`,
            )
          : say('未加载', 'not loaded'),
      ),
    ),
    ...(options.schoolList
      ? [line('未报送学校数', 'Schools missing', num(district.missing.length))]
      : []),
    line('检查表版本', 'Checklist versions', text(versions)),
    line(
      '如何验证',
      'How files were verified',
      text(
        say(
          '每个文件都按 qinglang verify 的方式检查：校长签名（Ed25519）与签字内容的散列，隐藏数据表与各可见工作表逐格比对；报送材料（.zip）另查清单和每个文件的散列。未通过的文件列在“未采用”表中。各校数据取自签字数据本身。',
          'Each file was checked as qinglang verify checks it: the principal’s signature (Ed25519) and the hash of the signed content, and every visible cell compared with the hidden data sheet; a submission package (.zip) also has its manifest and every file’s hash checked. Files that failed are listed on the “Files not used” sheet. Each school’s figures come from its signed data itself.',
        ),
      ),
    ),
    line(
      '说明',
      'Note',
      text(
        say(
          '本汇总是给人阅读的报告，不是供程序读取的数据格式；需要机器可读的结果请用 qinglang aggregate --json。',
          'This summary is a report for people, not a data format for programs; for machine-readable results use qinglang aggregate --json.',
        ),
      ),
    ),
  ];
  return {
    id: 'about',
    name,
    title: context.title(say('说明', 'About this summary')),
    columns,
    rows,
  };
}

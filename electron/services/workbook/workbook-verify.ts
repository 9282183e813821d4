import { z } from 'zod';
import type { Bilingual } from '../../../shared/i18n/locale';
import { LOCALES } from '../../../shared/i18n/locale';
import { inspectionSchema } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { unkeepableKeyPaths } from '../../../shared/template/validate-problems';
import { compareSheets } from '../../../shared/workbook/compare';
import type { WorkbookEnvelope } from '../../../shared/workbook/envelope';
import { WORKBOOK_FORMAT } from '../../../shared/workbook/envelope';
import type { EvaluatedAs } from '../../../shared/bureau/submission';
import { envelopeInput, visibleSheets } from '../../../shared/workbook/model';
import type { WorkbookCheck, WorkbookStatus } from '../../../shared/workbook/verdict';
import { DATA_WORD, differenceText, SIGNED_WORD } from '../../../shared/workbook/verdict';
import { checkSignature } from '../signing/verify';
import { templateHash } from '../templates/template-store';
import type { WorkbookReadOptions } from './workbook-read';
import { readWorkbookValues } from './workbook-read';

/** A workbook checked: what it carries (when its data could be read) and the verdict. */
export interface WorkbookVerification {
  readonly envelope: WorkbookEnvelope | null;
  readonly check: WorkbookCheck;
  /**
   * The envelope's inspection evaluated as the sheets were rebuilt (as of `asOf`): present once
   * the sheets were compared, so that a summary of the same envelope need not evaluate it again.
   */
  readonly evaluated?: EvaluatedAs;
}

const envelopeSchema = z.strictObject({
  format: z.literal(WORKBOOK_FORMAT),
  language: z.enum(LOCALES),
  appVersion: z.string().max(50),
  inspection: inspectionSchema,
  template: templateSchema,
});

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

const verdict = (
  status: WorkbookStatus,
  reason: Bilingual,
  extra: Partial<Omit<WorkbookCheck, 'status' | 'reason'>> = {},
): WorkbookCheck => ({ status, reason, differences: [], differenceCount: 0, ...extra });

const REFUSALS: Readonly<Record<string, Bilingual>> = {
  'not-zip': b('不是 Excel 工作簿（.xlsx）', 'not an Excel workbook (.xlsx)'),
  damaged: b('文件已损坏，无法读取', 'the file is damaged and cannot be read'),
  'too-large': b(
    '文件解压后过大，不是本程序导出的工作簿',
    'it unpacks to far more than any workbook this app writes',
  ),
  encrypted: b('文件已加密，请先取消密码', 'the file is encrypted; remove its password first'),
  unsupported: b('文件使用了无法读取的压缩方式', 'it uses a compression this app cannot read'),
};

/**
 * Checks a bureau workbook (docs/formats.md, "Verifying a workbook"): its data sheet is read and
 * validated, the sign-off in it checked as on import, and every visible sheet rebuilt from that
 * data and compared, value by value, with what the file shows. Never throws for bad input.
 */
export function verifyWorkbook(
  bytes: Uint8Array,
  options: WorkbookReadOptions = {},
): WorkbookVerification {
  const read = readWorkbookValues(bytes, options);
  if (!read.ok) {
    const status = read.refusal === 'not-zip' ? 'not-workbook' : 'unreadable';
    return { envelope: null, check: verdict(status, REFUSALS[read.refusal] ?? REFUSALS.damaged!) };
  }
  const data = read.data;
  if (!data || data[0] !== WORKBOOK_FORMAT) {
    const format = data?.[0] ?? '';
    if (isNewerFormat(format)) {
      return {
        envelope: null,
        check: verdict(
          'newer-format',
          b(
            `格式 ${format} 比本程序新，请升级后再验证`,
            `its format ${format} is newer than this app; upgrade to verify it`,
          ),
        ),
      };
    }
    return {
      envelope: null,
      check: verdict(
        'not-workbook',
        b(
          '不是本程序导出的检查工作簿（没有 qinglang-data 数据表）',
          'not a workbook exported by this app (it has no qinglang-data sheet)',
        ),
      ),
    };
  }
  const envelope = parseEnvelope(data.slice(1).join(''));
  if (!envelope) {
    return {
      envelope: null,
      check: verdict(
        'data-altered',
        b(
          '隐藏的数据表已损坏或被改动，无法读取',
          'the hidden data sheet is damaged or was edited and cannot be read',
        ),
      ),
    };
  }
  if (templateHash(envelope.template) !== envelope.inspection.template.hash) {
    return {
      envelope,
      check: verdict(
        'data-altered',
        b(
          '数据表中的检查表与检查记录不符（被改动过）',
          'the checklist in the data sheet is not the one the inspection was filled against (it was altered)',
        ),
      ),
    };
  }
  const signature = checkSignature(envelope.inspection);
  const fingerprint = signature.status === 'unsigned' ? {} : { fingerprint: signature.fingerprint };
  if (signature.status === 'changed') {
    return {
      envelope,
      check: verdict(
        'data-altered',
        b(
          '数据表在签字后被改动，与签字内容不符',
          'the data sheet was changed after signing: it is not what was signed',
        ),
        fingerprint,
      ),
    };
  }
  if (signature.status === 'invalid') {
    return {
      envelope,
      check: verdict(
        'signature-invalid',
        b(
          '签名无效（签名、公钥或散列被改动）',
          'the signature is invalid (the signature, key or hash was altered)',
        ),
        fingerprint,
      ),
    };
  }
  const visible = read.sheets.filter((s) => !s.hidden);
  const input = envelopeInput(envelope);
  const evaluated: EvaluatedAs = { asOf: input.asOf, evaluation: input.evaluation };
  const { differences, total } = compareSheets(visibleSheets(envelope, input), visible);
  const signed = signature.status === 'valid';
  if (total > 0) {
    const first = differenceText(differences[0]!, signed ? SIGNED_WORD : DATA_WORD);
    const more =
      total > 1 ? b(`（共 ${total} 处不同）`, ` (${total} differences in all)`) : b('', '');
    return {
      envelope,
      evaluated,
      check: verdict(
        'cells-differ',
        b(
          `可见单元格与${signed ? '签字' : ''}数据不符：${first['zh-CN']}${more['zh-CN']}`,
          `a visible cell differs from the ${signed ? 'signed ' : ''}data: ${first['en-US']}${more['en-US']}`,
        ),
        { differences, differenceCount: total, ...fingerprint },
      ),
    };
  }
  if (!signed) {
    return {
      envelope,
      evaluated,
      check: verdict(
        'draft',
        b('未签字的草稿，不能作为正式报告', 'an unsigned draft, not an official report'),
      ),
    };
  }
  return {
    envelope,
    evaluated,
    check: verdict(
      'signed',
      b(
        '签字有效，签字后数据和各表均未改动',
        'signed, and neither its data nor any sheet changed since',
      ),
      fingerprint,
    ),
  };
}

/** The envelope's members but its checklist, whose checking checkedTemplate memoises. */
const restSchema = envelopeSchema.omit({ template: true });

function parseEnvelope(json: string): WorkbookEnvelope | null {
  const known = knownTemplateEnd(json);
  let value: unknown;
  try {
    // A text ending in a checklist text already checked is parsed without it (see knownTemplateEnd).
    value = JSON.parse(known ? `${json.slice(0, known.at)}}` : json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { template, ...rest } = value as { template?: unknown };
  // A "__proto__" key cannot be kept as data: the schema's records would drop it silently, and
  // the data would pass for what was signed with a part of it unread. (A known checklist was
  // checked for one when it was kept; a "template" the text names before it is not kept.)
  if (unkeepableKeyPaths(known ? rest : value, 1).length > 0) return null;
  if (!known && !('template' in value)) return null;
  const parsed = restSchema.safeParse(rest);
  const checked = known ? known.template : checkedTemplate(template);
  return parsed.success && checked
    ? ({ ...parsed.data, template: checked } as WorkbookEnvelope)
    : null;
}

/**
 * The checklist a workbook carries, validated once per distinct text: a thousand schools' workbooks
 * carry the same one, and the same JSON validates to the same template (the one object, so its
 * hash is computed once too). The key is the value's JSON as parsed, so two keys are equal only
 * when the values are. Templates are never changed in place. Only a checklist free of
 * "__proto__" keys is kept (parseEnvelope refuses any other before it gets here).
 */
const checkedTemplates = new Map<string, Template | null>();
const MAX_CHECKED_TEMPLATES = 16;

function checkedTemplate(value: unknown): Template | null {
  const key = JSON.stringify(value);
  const known = checkedTemplates.get(key);
  if (known !== undefined) return known;
  const parsed = templateSchema.safeParse(value);
  const template = parsed.success ? parsed.data : null;
  if (checkedTemplates.size >= MAX_CHECKED_TEMPLATES) checkedTemplates.clear();
  checkedTemplates.set(key, template);
  return template;
}

/**
 * Where the checklist begins when the text ends `,"template":K}` for a K already checked (this
 * app writes the checklist last, in JSON.stringify's own form): then, if the text is JSON at all,
 * its top-level object's last member is "template" with K's value. Proof: the `"` after the comma
 * cannot be escaped, and cannot close a string (`template` would follow a string), so it opens the
 * key "template", whose value K (a whole JSON value) is followed by the text's last `}`, which
 * closes the object holding that key: the top-level one. JSON.parse keeps a key's last value, so
 * the text parses to what the text before the comma, closed with `}`, parses to, with K's value
 * as its template; and the one is JSON exactly when the other is (the text before the comma ends
 * a member, as the comma follows one). K's value passed the "__proto__" check when it was kept.
 */
function knownTemplateEnd(json: string): { at: number; template: Template | null } | undefined {
  if (!json.endsWith('}}')) return undefined;
  for (const [text, template] of checkedTemplates) {
    const at = json.length - text.length - TEMPLATE_KEY.length - 1;
    if (at > 0 && json.startsWith(TEMPLATE_KEY, at) && json.endsWith(text, json.length - 1))
      return { at, template };
  }
  return undefined;
}

const TEMPLATE_KEY = ',"template":';

/** A later version of this format: what an upgrade of the app would read. */
function isNewerFormat(format: string): boolean {
  const version = /^qinglang-workbook\/(\d{1,9})$/.exec(format)?.[1];
  const current = Number(WORKBOOK_FORMAT.split('/')[1]);
  return version !== undefined && Number(version) > current;
}

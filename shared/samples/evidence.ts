import { own } from '../own';
import type { Evaluation } from '../template/engine';
import type { Item } from '../template/schema';
import { pageImage, signatureImage } from './images';
import type { School } from './school';
import type { SampleFile } from './story';

/**
 * The scans a sample attaches: every item that requires evidence gets its document when the
 * school hands the inspection over (sign-off needs it), most of them otherwise; now and then an
 * item where evidence is optional gets one too. Names for the built-in checklist's items, a
 * generic one for any other template's.
 */

const DOCUMENTS: Readonly<Record<string, readonly [name: string, sealed: boolean]>> = {
  org_leading_group: ['网络安全工作领导小组任命文件.png', true],
  org_responsibility_letters: ['网络安全责任书.png', true],
  org_policies: ['网络安全管理制度汇编.png', true],
  org_admin_confidentiality: ['管理员保密协议.png', true],
  assets_inventory: ['信息资产台账.png', false],
  assets_mlps_filed: ['等级保护备案证明.png', true],
  fw_default_deny: ['防火墙策略截图.png', false],
  fw_review_date: ['防火墙策略审核记录.png', false],
  content_past_review: ['网站历史内容审核记录.png', false],
  pub_review_before: ['信息发布审核单.png', false],
  pub_register: ['信息发布审核登记簿.png', false],
  pi_inventory: ['个人信息清单.png', false],
  pi_consent: ['家长知情同意书样本.png', false],
  duty_roster: ['网络安全值班表.png', false],
  duty_emergency_plan: ['网络安全应急预案.png', true],
  edu_student_lessons: ['网络安全教育课时安排.png', false],
};

export type Hash = (bytes: Uint8Array) => string;

function file(bytes: Uint8Array, name: string, sha256: Hash): SampleFile {
  return { sha256: sha256(bytes), name, type: 'image/png', bytes };
}

export function evidenceFiles(
  school: School,
  items: readonly Item[],
  evaluation: Evaluation,
  answered: (itemId: string) => boolean,
  handsOver: boolean,
  sha256: Hash,
): Map<string, SampleFile[]> {
  const { rng } = school;
  const files = new Map<string, SampleFile[]>();
  for (const item of items) {
    if (item.kind === 'register' || item.evidence === 'none' || !answered(item.id)) continue;
    if (evaluation.items[item.id]?.status === 'na') continue;
    const wanted = item.evidence === 'required' ? handsOver || rng.chance(0.8) : rng.chance(0.25);
    if (!wanted) continue;
    const [name, sealed] = own(DOCUMENTS, item.id) ?? [`佐证材料-${item.id}.png`, false];
    files.set(item.id, [file(pageImage(rng, sealed), name, sha256)]);
  }
  return files;
}

/** The principal's signature, drawn on screen and kept as a PNG like any evidence. */
export function signatureFile(school: School, sha256: Hash): SampleFile {
  return file(signatureImage(school.rng), '校长签名.png', sha256);
}

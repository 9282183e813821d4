import type { Random } from '../random';

/** People for samples: staff names, roles, departments and phone numbers, all made up. */

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹'];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '华',
  '平',
  '刚',
  '琳',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '文博',
  '思远',
  '雅琴',
  '国栋',
  '春梅',
  '俊杰',
  '晓燕',
  '立新',
  '红梅',
  '建华',
  '丽华',
];
export const ROADS = [
  '人民路',
  '解放路',
  '建设路',
  '文化路',
  '学府路',
  '中山路',
  '长江路',
  '黄河路',
  '育才街',
  '新华街',
  '和平路',
  '胜利路',
  '青年路',
  '光明街',
  '体育路',
  '公园路',
  '滨河路',
  '书院街',
  '园丁路',
  '迎宾大道',
];
export const ADMIN_ROLES = [
  '信息中心主任',
  '信息技术教师',
  '电教管理员',
  '网络管理员',
  '教务处副主任',
];
export const DEPARTMENTS = ['信息中心', '办公室', '教务处', '德育处', '总务处', '校团委'];

/** A handful of different staff names for one school: admins, owners, account managers. */
export function staffNames(rng: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`);
  return [...names];
}

export function phoneNumber(rng: Random): string {
  if (rng.chance(0.25)) {
    return `0${rng.int(10, 999)}-${rng.int(2, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  }
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

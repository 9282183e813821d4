import type { CellValue } from '../inspection/schema';
import { own } from '../own';
import { dayNumber } from '../template/dates';
import { isoDay } from './dates';
import type { School } from './school';

/**
 * Believable cells for the built-in template's registers (devices, media accounts, biometric
 * systems, hazards), by "register.column". Tied to that template's ids: a column not named here
 * is filled with a generic value by registers.ts.
 */

export type Cells = Record<string, CellValue>;

const DEVICE_MODELS: Readonly<Record<string, readonly string[]>> = {
  firewall: [
    '深信服 AF-1000',
    '华为 USG6525E',
    '天融信 NGFW4000',
    '奇安信 NSG3000',
    '山石网科 SG-6000',
    'H3C SecPath F1000',
  ],
  ips: ['绿盟 NIPS', '启明星辰 天清入侵防御', '华为 NIP6000'],
  antivirus: ['奇安信天擎', '火绒终端安全管理系统', '360 终端安全', '瑞星 ESM'],
  waf: ['长亭雷池 WAF', '安恒明御 WAF', '绿盟 WAF'],
  behaviour: ['深信服上网行为管理 AC', '网康上网行为管理', '华为 ASG'],
  other: ['安恒日志审计系统', '齐治堡垒机', '网御星云数据库审计', '天融信网闸'],
};
const MEDIA_UNITS = [
  '',
  '团委',
  '少先队大队部',
  '德育处',
  '家长学校',
  '图书馆',
  '心理健康中心',
  '招生办',
];
const MEDIA_SUFFIX: Readonly<Record<string, string>> = {
  website: '门户网站',
  wechat: '微信公众号',
  video_account: '视频号',
  douyin: '抖音号',
  kuaishou: '快手号',
  weibo: '官方微博',
  other: '头条号',
};
const BIO_SYSTEMS = [
  '校门人脸识别门禁',
  '食堂刷脸消费系统',
  '宿舍人脸门禁',
  '教职工指纹考勤机',
  '图书馆人脸借阅',
  '智慧课堂人脸考勤',
  '访客人脸核验',
];
const HAZARDS = [
  '门户网站存在 SQL 注入漏洞',
  '视频监控系统使用默认口令',
  '教务系统存在越权访问漏洞',
  '网站存在已停更栏目和死链',
  '公众号文章泄露学生身份证号',
  'OA 系统存在远程代码执行漏洞',
  '校园网存在私接无线路由器',
  '服务器对外开放高危端口 3389',
  '网站被植入暗链',
  '学生信息管理系统存在弱口令',
  '托管在外的“双非”网站未关停',
  '中间件版本过旧，存在已知漏洞',
];

export const day = (s: School, offset: number) => isoDay(s.asOf + offset);
const cellDay = (cells: Cells, id: string): number | null => {
  const value = own(cells, id);
  return typeof value === 'string' ? dayNumber(value) : null;
};

/**
 * Nicer cells for the built-in registers, by "register.column"; undefined leaves the cell empty.
 * Each is checked against the real column and replaced by a generic value if it does not fit.
 */
export const CELL_VALUES: Readonly<
  Record<string, (s: School, row: number, cells: Cells, used: Set<string>) => CellValue | undefined>
> = {
  'dev_register.type': (s, row) =>
    row === 0
      ? 'firewall'
      : row === 1
        ? 'antivirus'
        : s.rng.weighted([
            ['firewall', 2],
            ['ips', 2],
            ['antivirus', 3],
            ['waf', 1],
            ['behaviour', 2],
            ['other', 1],
          ]),
  'dev_register.vendor_model': (s, _row, cells) =>
    s.rng.pick(own(DEVICE_MODELS, String(own(cells, 'type'))) ?? DEVICE_MODELS.other!),
  'dev_register.firmware': (s) =>
    s.rng.chance(0.85) ? `V${s.rng.int(1, 9)}.${s.rng.int(0, 9)}.${s.rng.int(0, 20)}` : undefined,
  // Devices without a signature library (audit, bastion hosts) leave both cells empty.
  'dev_register.signature_version': (s, _row, cells) =>
    own(cells, 'type') === 'other'
      ? undefined
      : `${s.rng.int(1, 5)}.${s.rng.int(0, 9)}.${s.rng.int(100, 999)}`,
  'dev_register.signature_updated': (s, _row, cells) => {
    if (own(cells, 'type') === 'other' || s.rng.chance(0.05)) return undefined;
    return s.rng.chance((1 - s.diligence) * 0.3)
      ? day(s, -s.rng.int(31, 150))
      : day(s, -s.rng.int(0, 30));
  },
  'media_register.platform': (s, row) =>
    row === 0
      ? 'website'
      : s.rng.weighted([
          ['wechat', 4],
          ['video_account', 2],
          ['douyin', 2],
          ['kuaishou', 1],
          ['weibo', 1],
          ['other', 1],
        ]),
  'media_register.name': (s, _row, cells, used) => {
    const suffix = own(MEDIA_SUFFIX, String(own(cells, 'platform'))) ?? '账号';
    // The website is the school's own (no department); accounts belong to one department or another.
    const units = suffix === MEDIA_SUFFIX.website ? MEDIA_UNITS : s.rng.shuffle(MEDIA_UNITS);
    for (const unit of units) {
      const name = `${s.profile.name}${unit}${suffix}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    return `${s.profile.name}${suffix}`;
  },
  'media_register.entity': (s, _row, cells) =>
    own(cells, 'platform') === 'website' || s.rng.chance(0.9)
      ? s.profile.name
      : `${s.rng.pick(s.staff)}（个人）`,
  'media_register.admin': (s) => s.rng.pick(s.staff),
  'media_register.opened': (s) => (s.rng.chance(0.8) ? day(s, -s.rng.int(200, 3650)) : undefined),
  'media_register.filed': (s) => (s.rng.chance((1 - s.diligence) * 0.4) ? 'no' : 'yes'),
  'media_register.last_update': (s) => {
    if (s.rng.chance(0.05)) return undefined;
    return s.rng.chance(0.12) ? day(s, -s.rng.int(181, 700)) : day(s, -s.rng.int(0, 60));
  },
  'bio_register.system': (s, _row, _cells, used) => {
    const name = s.rng.shuffle(BIO_SYSTEMS).find((n) => !used.has(n)) ?? s.rng.pick(BIO_SYSTEMS);
    used.add(name);
    return name;
  },
  'bio_register.data': (s, _row, cells) =>
    String(own(cells, 'system')).includes('指纹')
      ? 'fingerprint'
      : s.rng.chance(0.9)
        ? 'face'
        : 'both',
  'bio_register.people': (s) => s.rng.int(80, 3500),
  'bio_register.third_party': (s) => (s.rng.chance(0.6) ? 'yes' : 'no'),
  'bio_register.agreement_no': (s, _row, cells) =>
    own(cells, 'third_party') === 'yes' && s.rng.chance(0.5 + s.diligence / 2)
      ? `XY-${isoDay(s.asOf).slice(0, 4)}-${String(s.rng.int(1, 999)).padStart(3, '0')}`
      : undefined,
  'bio_register.agreement_expiry': (s, _row, cells) => {
    if (own(cells, 'agreement_no') === undefined) return undefined;
    return s.rng.weighted([
      [day(s, s.rng.int(31, 900)), 80],
      [day(s, s.rng.int(0, 30)), 12],
      [day(s, -s.rng.int(1, 120)), 8],
    ]);
  },
  'bio_register.assessment': (s) => (s.rng.chance(0.5 + s.diligence / 2) ? 'yes' : 'no'),
  'duty_hazards.source': (s) =>
    s.rng.weighted([
      ['bureau', 3],
      ['cac', 2],
      ['police', 2],
      ['other', 1],
    ]),
  'duty_hazards.notified': (s) => day(s, -s.rng.int(5, 150)),
  'duty_hazards.issue': (s, _row, _cells, used) => {
    const issue = s.rng.shuffle(HAZARDS).find((h) => !used.has(h)) ?? s.rng.pick(HAZARDS);
    used.add(issue);
    return issue;
  },
  'duty_hazards.deadline': (s, _row, cells) =>
    isoDay((cellDay(cells, 'notified') ?? s.asOf - 30) + s.rng.int(3, 30)),
  'duty_hazards.fixed': (s, _row, cells) => {
    const notified = cellDay(cells, 'notified') ?? s.asOf - 30;
    const deadline = cellDay(cells, 'deadline') ?? s.asOf;
    const past = deadline < s.asOf;
    if (!s.rng.chance(past ? 0.6 + s.diligence * 0.35 : 0.4)) return undefined;
    const earliest = Math.min(notified + 1, s.asOf);
    return isoDay(s.rng.int(earliest, Math.max(earliest, Math.min(deadline, s.asOf))));
  },
  'duty_hazards.retested': (s, _row, cells) => {
    if (own(cells, 'fixed') === undefined) return undefined;
    return s.rng.chance(0.8) ? 'yes' : s.rng.chance(0.5) ? 'no' : undefined;
  },
};

/**
 * The pieces a generated school site is made of (scripts/scan-fixtures/planted-site.ts and the
 * scan benchmark): a seeded random source, Chinese filler prose, personal numbers that are valid
 * (ID numbers with their GB 11643-1999 check digit, mobile numbers, Luhn-valid cards) and near
 * misses that are not, and a GBK encoder for the old pages a school site still has.
 */

/** A seeded random source (mulberry32 over a hash of the seed): the same seed, the same site. */
export class Random {
  private state: number;

  constructor(seed: string) {
    let h = 1779033703 ^ seed.length;
    for (let i = 0; i < seed.length; i += 1) {
      h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    this.state = h >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i += 1) out += String(this.int(0, 9));
    return out;
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';

/** The GB 11643-1999 check character of an ID number's first 17 digits. */
export function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECKS[sum % 11]!;
}

const REGIONS = ['110101', '110108', '310104', '320102', '440305', '510107', '330106', '420111'];

/** A valid 18-digit ID number of a pupil born 2008–2013. */
export function idNumber(random: Random): string {
  const year = random.int(2008, 2013);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const first = `${random.pick(REGIONS)}${year}${month}${day}${random.digits(3)}`;
  return first + idCheck(first);
}

/** An ID number whose check character is wrong: not an ID number. */
export function badCheckId(random: Random): string {
  const valid = idNumber(random);
  const right = valid.slice(-1);
  const wrong = [...CHECKS].find((c) => c !== right && c !== 'X')!;
  return valid.slice(0, 17) + wrong;
}

const MOBILE_PREFIXES = ['135', '136', '138', '139', '150', '151', '158', '186', '187', '188'];

export function mobile(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A Luhn-valid 16- or 19-digit bank card number with a Chinese bank's prefix. */
export function bankCard(random: Random): string {
  const length = random.pick([16, 19]);
  const body = random.pick(['622202', '621700', '622848', '436742']) + random.digits(length - 7);
  for (let d = 0; d <= 9; d += 1) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable: one check digit always fits');
}

/** A card number one digit off: fails Luhn. */
export function badLuhnCard(random: Random): string {
  const card = bankCard(random);
  const last = (Number(card.slice(-1)) + 1) % 10;
  return card.slice(0, -1) + last;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧解强丛华车冉房边';
const GIVEN =
  '子涵欣怡梓涵晨曦紫涵诗涵梦琪嘉怡子萱雨涵可馨浩宇浩然宇轩宇航子轩皓轩子豪俊杰博文明轩天佑一诺思远雨泽鹏飞佳琪';

export function personName(random: Random): string {
  const given = random.int(0, GIVEN.length - 2);
  const two = random.next() < 0.6;
  return (
    random.pick([...SURNAMES]) + GIVEN.slice(given, given + 1) + (two ? GIVEN[given + 1]! : '')
  );
}

const PHRASES = [
  '为深入贯彻落实立德树人根本任务',
  '我校积极开展形式多样的主题教育活动',
  '全体师生以饱满的热情投入到学习和工作中',
  '学校高度重视校园安全工作',
  '本学期各年级组认真落实教学常规',
  '同学们在活动中增长了见识，锻炼了能力',
  '家长委员会代表参加了座谈会并提出了宝贵意见',
  '教研组围绕课堂教学改革开展了专题研讨',
  '活动在热烈的掌声中圆满结束',
  '校领导对下一阶段的工作作出了具体部署',
  '学生志愿者走进社区开展环保宣传',
  '图书馆开展了读书月系列活动',
  '心理健康教育中心为学生提供了咨询服务',
  '体育节上各班同学奋勇拼搏、展现风采',
  '科技创新社团在区级比赛中取得了好成绩',
  '学校食堂严格执行食品安全管理制度',
  '老师们认真备课、精心设计每一节课',
  '安全演练增强了师生的应急避险能力',
  'The school held an open day for parents and the local community',
  '各班召开了以网络安全为主题的班会',
];

/** A paragraph of school-news prose, about `chars` characters, no digits that look like data. */
export function prose(random: Random, chars: number): string {
  let out = '';
  while (out.length < chars) out += `${random.pick(PHRASES)}${random.pick(['，', '。', '；'])}`;
  return out;
}

let gbkTable: Map<string, number> | null = null;

/** Text as GBK bytes (every character must have one: this writes fixtures, not user text). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead += 1)
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char))
          gbkTable.set(char, (lead << 8) | trail);
      }
  }
  const out: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = gbkTable.get(char);
      if (pair === undefined) throw new Error(`no GBK code for ${char}`);
      out.push(pair >> 8, pair & 0xff);
    }
  }
  return Uint8Array.from(out);
}

import type { Random } from '../random';
import type { Stage } from '../inspection/schema';

/**
 * The made-up schools samples are drawn from: district × name pattern, each with a code shaped
 * like a real 学校标识码 and the stages such a school usually has.
 */

const DISTRICTS = [
  '东城区',
  '西城区',
  '南湖区',
  '北湖区',
  '江北区',
  '江南区',
  '城关区',
  '高新区',
  '经开区',
  '滨江区',
  '青山区',
  '龙泉区',
  '金水区',
  '白沙区',
  '云溪区',
  '望城区',
  '临江区',
  '清河区',
  '丰泽区',
  '鼓楼区',
  '桃源县',
  '石门县',
  '松岭县',
  '长宁县',
  '永安县',
  '平阳县',
  '宁远县',
  '泰和县',
  '新安县',
  '凤鸣县',
] as const;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** 1..99 in Chinese numerals, as school names write them: 十二, 二十, 二十一. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${DIGITS[ones]!}`;
}

interface SchoolPattern {
  readonly name: string;
  readonly stages: readonly Stage[];
}

const NUMBERED: readonly (readonly [suffix: string, upTo: number, stages: readonly Stage[]])[] = [
  ['小学', 20, ['primary']],
  ['中学', 25, ['junior', 'complete', 'senior']],
  ['初级中学', 8, ['junior']],
  ['高级中学', 4, ['senior']],
];

const NAMED: readonly (readonly [name: string, stages: readonly Stage[]])[] = [
  ['实验小学', ['primary']],
  ['第二实验小学', ['primary']],
  ['第三实验小学', ['primary']],
  ['实验中学', ['complete', 'junior']],
  ['实验初级中学', ['junior']],
  ['实验学校', ['nine-year']],
  ['外国语学校', ['nine-year', 'complete']],
  ['外国语小学', ['primary']],
  ['外国语中学', ['complete']],
  ['中心小学', ['primary']],
  ['育才小学', ['primary']],
  ['育英学校', ['nine-year']],
  ['九年一贯制学校', ['nine-year']],
  ['职业高级中学', ['vocational']],
  ['职业技术学校', ['vocational']],
  ['中等专业学校', ['vocational']],
  ['特殊教育学校', ['other']],
  ['民族中学', ['complete']],
  ['城南中学', ['junior']],
  ['城北中学', ['junior']],
  ['城东小学', ['primary']],
  ['城西小学', ['primary']],
  ['人民路小学', ['primary']],
  ['解放路小学', ['primary']],
  ['文化路小学', ['primary']],
  ['建设路小学', ['primary']],
  ['新华路小学', ['primary']],
  ['红旗小学', ['primary']],
  ['光明小学', ['primary']],
  ['东风小学', ['primary']],
  ['阳光小学', ['primary']],
  ['启明小学', ['primary']],
  ['滨河小学', ['primary']],
  ['明德学校', ['nine-year']],
  ['树人中学', ['junior']],
  ['求是中学', ['senior']],
  ['培英中学', ['complete']],
  ['朝阳中学', ['complete', 'junior']],
];

const PATTERNS: readonly SchoolPattern[] = [
  ...NUMBERED.flatMap(([suffix, upTo, stages]) =>
    Array.from({ length: upTo }, (_, i) => ({
      name: `第${chineseNumber(i + 1)}${suffix}`,
      stages,
    })),
  ),
  ...NAMED.map(([name, stages]) => ({ name, stages })),
];

export interface CatalogueEntry {
  readonly name: string;
  readonly code: string;
  readonly district: string;
  readonly stages: readonly Stage[];
}

/**
 * Every district × pattern pair (2,850 of them), shuffled: the first N are N different schools.
 * Codes are shaped like a 学校标识码 (10 digits): a fixed "2133", the district's two digits and
 * four digits that are one-to-one with the pattern, so two schools never share a code.
 */
export function schoolCatalogue(rng: Random): CatalogueEntry[] {
  const entries = DISTRICTS.flatMap((district, d) => {
    const salt = rng.int(0, 9999);
    return PATTERNS.map((pattern, p) => ({
      name: `${district}${pattern.name}`,
      // 7919 is prime, so p ↦ p·7919 + salt (mod 10000) never maps two patterns to one number.
      code: `2133${String(d + 10).padStart(2, '0')}${String((p * 7919 + salt) % 10000).padStart(4, '0')}`,
      district,
      stages: pattern.stages,
    }));
  });
  return rng.shuffle(entries);
}

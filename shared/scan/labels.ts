import type { Bilingual } from '../i18n/locale';
import type { DetectorName, HidingTrick } from './detectors';
import type { FindingState, NoteCode } from './finding';

/**
 * The content review's words in both languages, for what the Node side writes: the findings
 * workbook and `qinglang scan`. (The renderer shows the same things from its locale files.)
 */

export const DETECTOR_LABELS: Readonly<Record<DetectorName, Bilingual>> = {
  'id-number': { 'zh-CN': '身份证号', 'en-US': 'ID number' },
  phone: { 'zh-CN': '手机号', 'en-US': 'Mobile number' },
  'bank-card': { 'zh-CN': '银行卡号', 'en-US': 'Bank card number' },
  'grade-list': { 'zh-CN': '成绩排名', 'en-US': 'Grade list' },
  'hidden-link': { 'zh-CN': '暗链', 'en-US': 'Hidden link' },
  'external-link': { 'zh-CN': '外链', 'en-US': 'External link' },
  'dead-link': { 'zh-CN': '死链', 'en-US': 'Dead link' },
  word: { 'zh-CN': '词表中的词', 'en-US': 'Listed word' },
  'no-filing': { 'zh-CN': '缺少备案号', 'en-US': 'No filing number' },
};

export const STATE_LABELS: Readonly<Record<FindingState, Bilingual>> = {
  open: { 'zh-CN': '待处理', 'en-US': 'To fix' },
  fixed: { 'zh-CN': '已处理', 'en-US': 'Fixed' },
  'false-positive': { 'zh-CN': '误报', 'en-US': 'False positive' },
};

export const TRICK_LABELS: Readonly<Record<HidingTrick, Bilingual>> = {
  'display-none': { 'zh-CN': '不显示（display:none）', 'en-US': 'Not displayed (display:none)' },
  'visibility-hidden': {
    'zh-CN': '不可见（visibility:hidden）',
    'en-US': 'Invisible (visibility:hidden)',
  },
  'zero-size': { 'zh-CN': '零尺寸', 'en-US': 'Zero size' },
  'off-screen': { 'zh-CN': '移出屏幕', 'en-US': 'Off screen' },
  'font-size-zero': { 'zh-CN': '字号为 0', 'en-US': 'Font size 0' },
  'same-colour': { 'zh-CN': '文字与背景同色', 'en-US': 'Text the colour of its background' },
  'tiny-marquee': { 'zh-CN': '1 像素滚动字幕', 'en-US': '1-pixel marquee' },
  'zero-size-iframe': { 'zh-CN': '零尺寸框架', 'en-US': 'Zero-size iframe' },
  'script-written': { 'zh-CN': '脚本写入', 'en-US': 'Written by script' },
};

export const NOTE_LABELS: Readonly<Record<NoteCode, Bilingual>> = {
  binary: { 'zh-CN': '二进制文件', 'en-US': 'Binary file' },
  'too-large': { 'zh-CN': '文件过大', 'en-US': 'Too large' },
  'encoding-guessed': { 'zh-CN': '编码为推测', 'en-US': 'Encoding guessed' },
  'encoding-invalid': { 'zh-CN': '编码无效', 'en-US': 'Invalid encoding' },
  symlink: { 'zh-CN': '符号链接', 'en-US': 'Symbolic link' },
  'too-deep': { 'zh-CN': '目录层级过深', 'en-US': 'Folder too deep' },
  'too-many-files': { 'zh-CN': '文件过多', 'en-US': 'Too many files' },
  unreadable: { 'zh-CN': '无法读取', 'en-US': 'Unreadable' },
  'unsupported-type': { 'zh-CN': '不支持的类型', 'en-US': 'Unsupported type' },
  'pdf-no-text': { 'zh-CN': 'PDF 无可读文字', 'en-US': 'PDF without readable text' },
  'docx-unreadable': { 'zh-CN': 'DOCX 无法读取', 'en-US': 'DOCX unreadable' },
  'nesting-too-deep': { 'zh-CN': '嵌套过深', 'en-US': 'Nested too deep' },
  'fetch-failed': { 'zh-CN': '获取失败', 'en-US': 'Fetch failed' },
  'fetch-timeout': { 'zh-CN': '获取超时', 'en-US': 'Fetch timed out' },
  'redirect-refused': { 'zh-CN': '拒绝跳转', 'en-US': 'Redirect refused' },
  'redirect-loop': { 'zh-CN': '循环跳转', 'en-US': 'Redirect loop' },
  'host-refused': { 'zh-CN': '主机不在名单内', 'en-US': 'Host not listed' },
  'page-cap': { 'zh-CN': '达到页面上限', 'en-US': 'Page cap reached' },
  'findings-cap': { 'zh-CN': '达到发现上限', 'en-US': 'Findings cap reached' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
};

/** What each detector finds, and what it cannot: the workbook's About sheet and the CLI's help. */
export const DETECTOR_ABOUT: Readonly<
  Record<DetectorName, { finds: Bilingual; misses: Bilingual }>
> = {
  'id-number': {
    finds: {
      'zh-CN':
        '18 位居民身份证号（GB 11643-1999 校验码正确、出生日期合理），以及出生日期合理的 15 位旧号；数字间有空格或短横线也能找到',
      'en-US':
        '18-digit resident ID numbers (GB 11643-1999 check digit right, plausible birth date) and 15-digit old ones with a plausible birth date, even split by spaces or dashes',
    },
    misses: {
      'zh-CN': '图片或扫描件中的号码；写成汉字或被拆散到多处的号码；15 位旧号无校验码，可能误报',
      'en-US':
        'numbers in images or scans; numbers written in Chinese numerals or split across places; 15-digit numbers have no check digit and may be false positives',
    },
  },
  phone: {
    finds: {
      'zh-CN': '中国大陆手机号（1 开头 11 位，号段有效），不计网址和更长数字中的',
      'en-US':
        'mainland mobile numbers (11 digits from 1, a valid prefix), not those inside URLs or longer numbers',
    },
    misses: {
      'zh-CN': '固定电话；图片中的号码；学校公开的办公电话也会列出，需人工判断',
      'en-US':
        "landlines; numbers in images; the school's own published office numbers are listed too and need judging",
    },
  },
  'bank-card': {
    finds: {
      'zh-CN': '通过 Luhn 校验的 16–19 位银行卡号',
      'en-US': 'bank card numbers of 16 to 19 digits that pass the Luhn check',
    },
    misses: {
      'zh-CN': '其他恰好通过 Luhn 校验的长数字可能误报；图片中的卡号',
      'en-US':
        'other long numbers that happen to pass Luhn may be false positives; cards in images',
    },
  },
  'grade-list': {
    finds: {
      'zh-CN': '表格中姓名与分数或排名（成绩、排名、名次）相邻的行，可能是成绩泄露',
      'en-US': 'tables with names next to scores or ranks (成绩, 排名, 名次): a likely grade leak',
    },
    misses: {
      'zh-CN': '不成表格的文字成绩；图片或附件中的成绩单',
      'en-US': 'grades written as prose; grade sheets in images or attachments',
    },
  },
  'hidden-link': {
    finds: {
      'zh-CN':
        '被隐藏元素中的链接：display:none、visibility:hidden、零尺寸、移出屏幕、字号为 0、与背景同色、1 像素滚动字幕、零尺寸框架、内联脚本写入的链接',
      'en-US':
        'links in hidden elements: display:none, visibility:hidden, zero size, off screen, font size 0, text the colour of its background, 1-pixel marquees, zero-size iframes, links written by inline script',
    },
    misses: {
      'zh-CN': '由外部样式表或外部脚本隐藏或写入的链接（不加载外部文件）',
      'en-US':
        'links hidden or written by external stylesheets or scripts (external files are not loaded)',
    },
  },
  'external-link': {
    finds: {
      'zh-CN': '指向学校主机名单以外的链接',
      'en-US': "links to hosts not on the school's list",
    },
    misses: {
      'zh-CN': '不判断外部网站的内容是否合规',
      'en-US': 'whether the linked site itself is acceptable',
    },
  },
  'dead-link': {
    finds: {
      'zh-CN': '文件夹中不存在的站内链接；在线检查时答复 4xx/5xx 的站内页面和资源',
      'en-US':
        'internal links to files missing from the folder; internal pages and resources answering 4xx/5xx when fetched',
    },
    misses: {
      'zh-CN': '文件夹检查不访问网络；页面存在但内容为空的栏目',
      'en-US': 'a folder scan never goes online; pages that exist but are empty',
    },
  },
  word: {
    finds: {
      'zh-CN': '教育局词表中的词语（全角半角统一后按集合匹配）',
      'en-US': "the bureau's listed terms (matched as a set after full/half-width folding)",
    },
    misses: {
      'zh-CN': '词表以外的违规内容；谐音、拆字等变体',
      'en-US': 'content not on the list; homophones and split characters',
    },
  },
  'no-filing': {
    finds: {
      'zh-CN': '页脚没有 ICP 备案号或公安备案号的网页',
      'en-US': 'pages whose footer has no ICP or public-security filing number',
    },
    misses: {
      'zh-CN': '写在图片中的备案号；不核对备案号是否真实',
      'en-US': 'filing numbers in images; whether a number is genuine',
    },
  },
};

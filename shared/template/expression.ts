import type { Comparison, Condition } from './schema';

/**
 * The text form of a condition, XLSForm-like, for spreadsheets and for people:
 *   ${has_face} = 'yes' and (${holder} = 'third_party' or not(${agreement} != ''))
 *   selected(${channels}, 'douyin')     ${logs_days} >= 180     days_since(${updated}) > 30
 *   ${x} = '' (not answered)            ${x} != '' (answered)
 * `and` binds tighter than `or`. printCondition(parseCondition(t)) is canonical, and
 * parseCondition(printCondition(c)) gives c back.
 */

export interface ExpressionError {
  /** 0-based character offset in the text. */
  readonly at: number;
  readonly message: { readonly 'zh-CN': string; readonly 'en-US': string };
}

export type ParseResult =
  | { readonly ok: true; readonly condition: Condition }
  | { readonly ok: false; readonly error: ExpressionError };

type Token =
  | { kind: 'ref'; value: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'word'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'punct'; value: '(' | ')' | ','; at: number }
  | { kind: 'end'; at: number };

const OPS: Readonly<Record<string, Comparison>> = {
  '=': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};
const OP_TEXT: Readonly<Record<Comparison, string>> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};
export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_DEPTH = 20;

class Failure extends Error {
  constructor(
    readonly at: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '$') {
      const m = /^\$\{([a-z][a-z0-9_]{0,63})\}/.exec(text.slice(i));
      if (!m) throw new Failure(i, '引用应写成 ${名称}', 'a reference is written ${name}');
      tokens.push({ kind: 'ref', value: m[1]!, at: i });
      i += m[0].length;
    } else if (c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== "'"; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
      }
      if (j >= text.length) throw new Failure(i, '引号没有闭合', 'unclosed quote');
      tokens.push({ kind: 'string', value, at: i });
      i = j + 1;
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i));
      if (!m) throw new Failure(i, `无法识别的字符“${c}”`, `unexpected character "${c}"`);
      tokens.push({ kind: 'number', value: Number(m[0]), at: i });
      i += m[0].length;
    } else if (/[a-z_]/i.test(c)) {
      const m = /^[a-z_]+/i.exec(text.slice(i))!;
      tokens.push({ kind: 'word', value: m[0], at: i });
      i += m[0].length;
    } else if ('=!<>'.includes(c)) {
      const two = text.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : c;
      if (op === '!') throw new Failure(i, '“!”后应为“=”', '"!" must be followed by "="');
      tokens.push({ kind: 'op', value: op, at: i });
      i += op.length;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', value: c, at: i });
      i++;
    } else {
      throw new Failure(i, `无法识别的字符“${c}”`, `unexpected character "${c}"`);
    }
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

export function parseCondition(text: string): ParseResult {
  try {
    if (text.length > MAX_EXPRESSION_LENGTH) {
      throw new Failure(MAX_EXPRESSION_LENGTH, '条件太长', 'the condition is too long');
    }
    const parser = new Parser(tokenize(text));
    const condition = parser.parseOr(0);
    parser.expectEnd();
    return { ok: true, condition };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return {
      ok: false,
      error: { at: error.at, message: { 'zh-CN': error.zh, 'en-US': error.en } },
    };
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.value === word;
  }
  private expectPunct(value: '(' | ')' | ','): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== value) {
      throw new Failure(t.at, `此处应为“${value}”`, `expected "${value}" here`);
    }
  }
  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end')
      throw new Failure(t.at, '条件在此处之后有多余内容', 'unexpected text after the condition');
  }

  parseOr(depth: number): Condition {
    const parts = [this.parseAnd(depth)];
    while (this.isWord('or')) {
      this.next();
      parts.push(this.parseAnd(depth));
    }
    return parts.length === 1 ? parts[0]! : { any: parts };
  }

  private parseAnd(depth: number): Condition {
    const parts = [this.parseUnary(depth)];
    while (this.isWord('and')) {
      this.next();
      parts.push(this.parseUnary(depth));
    }
    return parts.length === 1 ? parts[0]! : { all: parts };
  }

  private parseUnary(depth: number): Condition {
    if (depth > MAX_DEPTH) throw new Failure(this.peek().at, '括号嵌套太深', 'nested too deeply');
    const t = this.peek();
    if (t.kind === 'punct' && t.value === '(') {
      this.next();
      const inner = this.parseOr(depth + 1);
      this.expectPunct(')');
      return inner;
    }
    if (t.kind === 'word' && t.value === 'not') {
      this.next();
      this.expectPunct('(');
      const inner = this.parseOr(depth + 1);
      this.expectPunct(')');
      return { not: inner };
    }
    if (t.kind === 'word' && t.value === 'selected') {
      this.next();
      this.expectPunct('(');
      const ref = this.expectRef();
      this.expectPunct(',');
      const value = this.next();
      if (value.kind !== 'string')
        throw new Failure(
          value.at,
          '此处应为带引号的选项值',
          'expected a quoted choice value here',
        );
      this.expectPunct(')');
      return { ref, op: 'selected', value: value.value };
    }
    if (t.kind === 'word' && (t.value === 'days_since' || t.value === 'days_until')) {
      this.next();
      this.expectPunct('(');
      const ref = this.expectRef();
      this.expectPunct(')');
      const op = this.expectOp();
      const value = this.next();
      if (value.kind !== 'number' || !Number.isInteger(value.value)) {
        throw new Failure(value.at, '此处应为整数天数', 'expected a whole number of days here');
      }
      return { fn: t.value, ref, op, value: value.value };
    }
    if (t.kind === 'ref') {
      this.next();
      const op = this.expectOp();
      const value = this.next();
      if (value.kind === 'string') {
        if (value.value === '' && (op === 'eq' || op === 'ne')) {
          return { ref: t.value, op: op === 'eq' ? 'empty' : 'filled' };
        }
        return { ref: t.value, op, value: value.value };
      }
      if (value.kind === 'number') return { ref: t.value, op, value: value.value };
      throw new Failure(
        value.at,
        '此处应为带引号的文字或数字',
        'expected a quoted text or a number here',
      );
    }
    throw new Failure(
      t.at,
      '此处应为 ${名称}、not(…)、selected(…)、days_since(…)、days_until(…) 或括号',
      'expected ${name}, not(…), selected(…), days_since(…), days_until(…) or a parenthesis here',
    );
  }

  private expectRef(): string {
    const t = this.next();
    if (t.kind !== 'ref') throw new Failure(t.at, '此处应为 ${名称}', 'expected ${name} here');
    return t.value;
  }

  private expectOp(): Comparison {
    const t = this.next();
    const op = t.kind === 'op' ? OPS[t.value] : undefined;
    if (!op)
      throw new Failure(
        t.at,
        '此处应为比较符号 = != < <= > >=',
        'expected a comparison = != < <= > >= here',
      );
    return op;
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : quote(value);
}

/** The canonical text of a condition. */
export function printCondition(condition: Condition): string {
  const group = (inner: Condition): string => {
    const text = printCondition(inner);
    return 'all' in inner || 'any' in inner ? `(${text})` : text;
  };
  if ('all' in condition) return condition.all.map(group).join(' and ');
  if ('any' in condition) return condition.any.map(group).join(' or ');
  if ('not' in condition) return `not(${printCondition(condition.not)})`;
  if ('fn' in condition) {
    return `${condition.fn}(\${${condition.ref}}) ${OP_TEXT[condition.op]} ${condition.value}`;
  }
  const ref = `\${${condition.ref}}`;
  if ('value' in condition) {
    return condition.op === 'selected'
      ? `selected(${ref}, ${quote(condition.value)})`
      : `${ref} ${OP_TEXT[condition.op]} ${literal(condition.value)}`;
  }
  return condition.op === 'empty' ? `${ref} = ''` : `${ref} != ''`;
}

/** Every ${name} a condition refers to. */
export function conditionRefs(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionRefs);
  if ('any' in condition) return condition.any.flatMap(conditionRefs);
  if ('not' in condition) return conditionRefs(condition.not);
  return [condition.ref];
}

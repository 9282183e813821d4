import { FORBIDDEN_CHARACTERS } from '../inspection/patterns';
import { obj, str } from '../template/loose';
import type { TemplateProblem } from '../template/validate-problems';
import { problem, structureProblems, zodProblems } from '../template/validate-problems';
import type { Feedback } from './feedback';
import { FEEDBACK_FORMAT, feedbackSchema } from './feedback';

export type FeedbackProblem = TemplateProblem;

export type FeedbackCheck =
  | { readonly ok: true; readonly feedback: Feedback }
  | { readonly ok: false; readonly problems: FeedbackProblem[] };

const CURRENT = Number(FEEDBACK_FORMAT.split('/')[1]);

/**
 * Is this parsed JSON a `qinglang-feedback/1` document? Every problem with its path; a later
 * version of the format, or another kind of file altogether, is said so in one line.
 */
export function checkFeedback(input: unknown): FeedbackCheck {
  // No check may meet a structure deep enough to exhaust the stack, and no key may be dropped.
  const structure = structureProblems(input, {
    'zh-CN': '教育局意见文件',
    'en-US': 'bureau feedback file',
  });
  if (structure.length > 0) return { ok: false, problems: structure };
  const format = str(obj(input)?.format);
  const formatProblem = format === null ? null : wrongFormat(format);
  if (formatProblem) return { ok: false, problems: [formatProblem] };
  const parsed = feedbackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error).slice(0, 50) };
  const { schoolCode, schoolName } = parsed.data.inspection;
  const hidden = [
    ['schoolCode', schoolCode],
    ['schoolName', schoolName],
  ].filter(([, text]) => FORBIDDEN_CHARACTERS.test(text!));
  if (hidden.length > 0) {
    return {
      ok: false,
      problems: hidden.map(([key]) =>
        problem(
          `$.inspection.${key}`,
          '含有不可见的控制字符或文字方向控制符',
          'contains hidden control or text-direction characters',
        ),
      ),
    };
  }
  return { ok: true, feedback: parsed.data };
}

function wrongFormat(format: string): FeedbackProblem | null {
  if (format === FEEDBACK_FORMAT) return null;
  const version = /^qinglang-feedback\/(\d{1,6})$/.exec(format)?.[1];
  if (version !== undefined && Number(version) > CURRENT) {
    return problem(
      '$.format',
      `这份意见是 ${format} 格式，由更新版本的程序写成；本程序读取 ${FEEDBACK_FORMAT}：请更新程序后再导入`,
      `this feedback is in ${format}, written by a newer version of the app; this one reads ${FEEDBACK_FORMAT}: update the app to import it`,
    );
  }
  const shown = Array.from(format).slice(0, 40).join('');
  return problem(
    '$.format',
    `不是教育局意见文件（格式为 “${shown}”，应为 ${FEEDBACK_FORMAT}）`,
    `not a bureau feedback file (its format is "${shown}"; expected ${FEEDBACK_FORMAT})`,
  );
}

import type { Bilingual, Locale } from './i18n/locale';

/**
 * Every failure that may reach a user has a code and a message in both languages.
 * Codes are stable: the renderer and the CLI may branch on them; messages may change.
 */
export const ERROR_MESSAGES = {
  'invalid-input': {
    'zh-CN': '提交的数据不符合要求，未作任何更改。',
    'en-US': 'The data sent was not valid; nothing was changed.',
  },
  'unknown-channel': {
    'zh-CN': '程序内部请求了一个不存在的功能，请更新应用。',
    'en-US': 'The app asked for a function that does not exist. Please update the app.',
  },
  'forbidden-sender': {
    'zh-CN': '请求来自未经授权的页面，已拒绝。',
    'en-US': 'The request came from a page that is not part of the app and was refused.',
  },
  'storage-failed': {
    'zh-CN': '无法写入数据文件夹，请检查磁盘空间和文件夹权限后重试。',
    'en-US':
      'The data folder could not be written. Check disk space and folder permissions, then try again.',
  },
  'storage-newer-version': {
    'zh-CN': '数据由更新版本的应用写入，本版本无法安全打开。请升级应用，数据未被改动。',
    'en-US':
      'The data was written by a newer version of the app and cannot be opened safely. Please upgrade; the data was not changed.',
  },
  'template-not-found': {
    'zh-CN': '找不到这个模板，它可能已被删除。',
    'en-US': 'This template cannot be found; it may have been removed.',
  },
  'template-exists': {
    'zh-CN': '已安装同一编号和版本、但内容不同的模板。请让发布方提高版本号后再导入。',
    'en-US':
      'A different template with the same id and version is already installed. Ask its publisher to raise the version, then import it again.',
  },
  'data-locked': {
    'zh-CN': '数据文件夹正被另一个程序窗口使用。请先关闭它，再打开本程序。',
    'en-US':
      'The data folder is in use by another copy of the app. Close it first, then open this one.',
  },
  'profile-missing': {
    'zh-CN': '请先在“设置”中填写学校信息，再新建检查。',
    'en-US': 'Fill in the school profile in Settings first, then create an inspection.',
  },
  'inspection-not-found': {
    'zh-CN': '找不到这份检查，它可能已被删除或移入回收站。',
    'en-US': 'This inspection cannot be found; it may have been deleted or moved to the trash.',
  },
  'inspection-refused': {
    'zh-CN': '这次修改无法保存。',
    'en-US': 'This change could not be saved.',
  },
  'inspection-signed': {
    'zh-CN': '这份检查已由校长签字，不能修改。如需修改，请先“撤销签字并重新打开”，并写明原因。',
    'en-US':
      'This inspection has been signed by the principal and cannot be changed. To change it, reopen it first and give the reason.',
  },
  'signoff-blocked': {
    'zh-CN': '还有问题没有处理，不能签字。请先在“审阅”中逐项处理。',
    'en-US':
      'There are things left to fix, so it cannot be signed yet. Fix each one listed under Review.',
  },
  'signoff-refused': {
    'zh-CN': '无法签字。',
    'en-US': 'It could not be signed.',
  },
  'signing-key-missing': {
    'zh-CN':
      '本机的签名密钥不见了（可能被删除或移走）。可以生成新密钥，但此前签字的检查仍只能用旧公钥验证；更换会被记录。',
    'en-US':
      "This computer's signing key is missing (it may have been deleted or moved). A new key can be made, but inspections signed before can only be verified with the old public key; the change is recorded.",
  },
  'signing-key-damaged': {
    'zh-CN': '本机的签名密钥文件已损坏，已另存一份。可以生成新密钥；更换会被记录。',
    'en-US':
      "This computer's signing key file is damaged; a copy was kept aside. A new key can be made; the change is recorded.",
  },
  'inspection-unreadable': {
    'zh-CN': '这份检查文件无法读取，已另存并停止使用。其他检查不受影响。',
    'en-US':
      'This inspection file could not be read; it was kept aside and is no longer used. Other inspections are not affected.',
  },
  'import-invalid': {
    'zh-CN': '这个文件不是有效的检查数据（qinglang-inspection/1），未导入任何内容。',
    'en-US':
      'This file is not valid inspection data (qinglang-inspection/1); nothing was imported.',
  },
  'import-template-missing': {
    'zh-CN': '这份检查使用的模板没有安装（或内容不同）。请先导入同一模板，再导入检查。',
    'en-US':
      'The template this inspection uses is not installed (or differs). Import that template first, then the inspection.',
  },
  'evidence-too-large': {
    'zh-CN': '文件超过 50 MB，未附加。请压缩或拆分后再附加。',
    'en-US':
      'The file is over 50 MB and was not attached. Compress or split it, then attach it again.',
  },
  'evidence-unreadable': {
    'zh-CN': '无法读取这个文件，未附加。请确认文件存在且未被其他程序占用。',
    'en-US':
      'This file could not be read and was not attached. Check that it exists and is not locked by another program.',
  },
  'evidence-not-found': {
    'zh-CN': '找不到这个附件的文件，它可能已从数据文件夹中删除。',
    'en-US':
      'The file of this attachment cannot be found; it may have been removed from the data folder.',
  },
  'pdf-unavailable': {
    'zh-CN': '这里无法生成 PDF。',
    'en-US': 'No PDF can be made here.',
  },
  'pdf-failed': {
    'zh-CN': '生成 PDF 失败，已记录到日志。请重试；如仍失败，请将日志文件发送给技术支持。',
    'en-US':
      'The PDF could not be made; this was written to the log. Try again; if it keeps failing, send the log file to support.',
  },
  'export-failed': {
    'zh-CN': '文件没有保存。请检查所选文件夹的磁盘空间和写入权限，或换一个文件夹再试。',
    'en-US':
      'The file was not saved. Check the chosen folder’s disk space and permission to write, or choose another folder, and try again.',
  },
  'package-too-large': {
    'zh-CN': '附件太多太大，报送材料超过 500 MB，无法生成。请只导出工作簿和报告，附件另行报送。',
    'en-US':
      'The evidence files make the submission package larger than 500 MB, so it cannot be made. Export the workbook and the report, and send the evidence separately.',
  },
  'workbook-not-open': {
    'zh-CN': '这份工作簿已不再打开（程序重启后需重新打开）。请回到列表，再次“打开工作簿”。',
    'en-US':
      'This workbook is no longer open (after the app restarts it must be opened again). Go back to the list and open it again.',
  },
  'bureau-submission-not-found': {
    'zh-CN': '汇总中找不到这份报送材料，它可能已被移除。',
    'en-US': 'This submission is not in the bureau store; it may have been removed.',
  },
  'bureau-review-invalid': {
    'zh-CN': '审核意见无法保存：意见只能写在这份报送材料所用检查表的检查项上。',
    'en-US':
      'The review could not be saved: comments can only be given on items of the checklist this submission uses.',
  },
  'bureau-feedback-unavailable': {
    'zh-CN': '只有已签字、并已“通过”或“退回”的报送材料才能生成反馈文件。',
    'en-US':
      'A feedback file can only be made for a signed submission that has been accepted or returned.',
  },
  'bureau-profile-missing': {
    'zh-CN': '请先在“设置”中填写教育局名称和所属区县。',
    'en-US': "Fill in the bureau's name and district in Settings first.",
  },
  'bureau-unavailable': {
    'zh-CN': '汇总数据暂时无法读取或写入，已记录到日志。请检查数据文件夹后重试。',
    'en-US':
      "The bureau's data could not be read or written; this was written to the log. Check the data folder and try again.",
  },
  'backup-not-found': {
    'zh-CN': '找不到这个备份。',
    'en-US': 'This backup cannot be found.',
  },
  'scan-not-found': {
    'zh-CN': '找不到这次内容审查的结果，它可能已被删除。',
    'en-US': 'This content review scan cannot be found; it may have been deleted.',
  },
  'scan-busy': {
    'zh-CN': '已有一次内容审查正在进行。请等它完成或停止后再开始新的审查。',
    'en-US': 'A content review scan is already running. Wait for it to finish, or stop it, first.',
  },
  'scan-folder-unavailable': {
    'zh-CN': '所选文件夹已失效（程序重启或已被使用）。请重新选择文件夹。',
    'en-US':
      'The folder chosen is no longer available (the app restarted, or it was used already). Choose the folder again.',
  },
  internal: {
    'zh-CN': '发生了意外错误，已记录到日志。请重试；如仍失败，请将日志文件发送给技术支持。',
    'en-US':
      'Something unexpected went wrong and was written to the log. Try again; if it keeps failing, send the log file to support.',
  },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** A failure the Node side raises on purpose; its code and detail are safe to show a user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: Bilingual | undefined;

  constructor(code: ErrorCode, detail?: Bilingual) {
    super(detail ? detail['en-US'] : ERROR_MESSAGES[code]['en-US']);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale];
}

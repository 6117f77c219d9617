/**
 * report.not-found — a file named on the command line (or a folder) yields no report: empty, not
 * text, no section recognised, too large, or unreadable; a PDF or Word file that cannot be read
 * (scanned, password-protected, an old .doc/.wps, damaged) says what to do. Range: the start of the file.
 *
 * Not a rule over a report: where there is no report there is nothing to run rules on, so the
 * command line (cli/main.ts) produces these findings itself. The entry is here all the same, with a
 * check that finds nothing, so that the code, its severity, its messages and its documentation live
 * where every other code's do, and the registry derives CODES, the settings schema, the README and
 * SARIF from one list.
 */
import type { Rule } from './rule';

export const reportNotFound: Rule<'report.not-found'> = {
  code: 'report.not-found',
  severity: 'error',
  description: {
    'zh-CN': '命令行指定的文件中没有报告（空文件、不是文本、未识别出任何部分）或无法读取',
    en:
      'a file named on the command line holds no report (empty, not text, no section recognised) ' +
      'or could not be read',
  },
  messages: {
    'report.not-found.none': {
      'zh-CN': '没有找到年度报告：文件中没有识别出“一、总体情况”等部分',
      en: 'No annual report found: none of the sections (一、总体情况 …) was recognised',
    },
    'report.not-found.empty': { 'zh-CN': '没有找到年度报告：空文件', en: 'No annual report found: the file is empty' },
    'report.not-found.binary': {
      'zh-CN': '没有找到年度报告：不是文本文件（请先另存为 .txt 或 .html）',
      en: 'No annual report found: not a text file (save it as .txt or .html first)',
    },
    'report.not-found.folder': {
      'zh-CN': '没有找到年度报告：文件夹中没有可读的报告文件',
      en: 'No annual report found: the folder holds no readable report file',
    },
    'report.not-found.unreadable': { 'zh-CN': '无法检查：{reason}', en: 'Could not be checked: {reason}' },
    'report.not-found.scanned': {
      'zh-CN': '没有找到年度报告：PDF 中没有文字（可能是扫描件）；请使用带文字的 PDF，或另存为 .docx 后再检查',
      en: 'No annual report found: the PDF holds no text (a scan?); use a PDF with text, or save it as .docx',
    },
    'report.not-found.encrypted': {
      'zh-CN': '无法检查：文件有密码保护；请取消密码后另存再检查',
      en: 'Could not be checked: the file is password-protected; remove the password and save it again',
    },
    'report.not-found.legacy-word': {
      'zh-CN': '无法检查：旧版 Word（.doc）或 WPS 文件；请另存为 .docx 后再检查',
      en: 'Could not be checked: an old Word (.doc) or WPS file; save it as .docx first',
    },
    'report.not-found.reader-missing': {
      'zh-CN': '无法检查：未能加载 PDF / Word 阅读组件（安装不完整），文件本身未被读取；请重新安装 disclosure-report',
      en: 'Could not be checked: the PDF / Word reader could not be loaded (an incomplete installation); the file itself was not read. Reinstall disclosure-report',
    },
    'report.not-found.corrupt': {
      'zh-CN': '无法检查：文件已损坏，或不是有效的 PDF / Word 文件；请重新导出为 PDF 或另存为 .docx',
      en: 'Could not be checked: the file is damaged or not a valid PDF / Word file; export or save it again',
    },
  },
  check: () => [],
};

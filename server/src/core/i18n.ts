/**
 * Every user-visible string of the core, in Simplified Chinese (the default) and English.
 * A message is an id and arguments; `{name}` in a template is replaced by the argument.
 * The rules' messages live in their rule files (rules/*.ts); this table aggregates them with the
 * messages that belong to no rule (command line, completion, actions, formatting, hover).
 */
import type { Locale, Message } from './rules/findings';
import { REGISTRY_MESSAGES, RULE_LIST } from './rules/index';

export type { Locale } from './rules/findings';

const OWN: Record<string, Record<Locale, string>> = {
  // the command line's notes on its inputs (report.not-found's own messages are in its rule file)
  'io.missing': { 'zh-CN': '文件或文件夹不存在', en: 'the file or folder does not exist' },
  'io.permission': { 'zh-CN': '无法读取（没有权限）', en: 'cannot be read (permission denied)' },
  'io.failed': { 'zh-CN': '无法读取（读取时出错）', en: 'cannot be read (read error)' },
  'io.fifo': { 'zh-CN': '不是普通文件（命名管道），未读取', en: 'not a regular file (a named pipe), not read' },
  'io.socket': { 'zh-CN': '不是普通文件（套接字），未读取', en: 'not a regular file (a socket), not read' },
  'io.device': { 'zh-CN': '不是普通文件（设备），未读取', en: 'not a regular file (a device), not read' },
  'io.too-large': {
    'zh-CN': '文件过大（{size} MB，上限 {limit} MB），未读取',
    en: 'too large ({size} MB, the limit is {limit} MB), not read',
  },
  'io.outside': { 'zh-CN': '链接指向文件夹之外，未读取', en: 'a link out of the folder, not followed' },
  'io.loop': {
    'zh-CN': '链接指向已读过的文件夹（循环），未读取',
    en: 'a link to a folder already walked (a loop), not followed',
  },
  'io.broken-link': {
    'zh-CN': '链接无效（目标不存在或链接循环），未读取',
    en: 'a broken link (missing target or a loop), not followed',
  },
  'io.too-deep': { 'zh-CN': '文件夹层级过深，未继续读取', en: 'folders nested too deep, not walked further' },
  'io.too-many': {
    'zh-CN': '文件过多（上限 {limit} 个），其余未读取',
    en: 'too many files (the limit is {limit}), the rest was not read',
  },
  'cli.note': { 'zh-CN': '{path}：{reason}', en: '{path}: {reason}' },
  // the web build (server/src/web/shims/pdf.ts): pdfjs is not shipped to the browser
  'report.not-found.needs-desktop': {
    'zh-CN': '网页版不能读取 PDF：请在桌面版 VS Code 中打开，或另存为 .docx 后再检查',
    en: 'The web version cannot read PDFs: open the file in VS Code on the desktop, or save it as .docx',
  },
  'cli.skipped-extension': {
    'zh-CN': '不是报告文件（.txt .md .html .htm .pdf .docx .gkbg .disclosure），已跳过',
    en: 'not a report file (.txt .md .html .htm .pdf .docx .gkbg .disclosure), skipped',
  },
  'cli.skipped-none': { 'zh-CN': '没有找到年度报告，已跳过', en: 'no annual report found, skipped' },
  'cli.skipped-empty': { 'zh-CN': '空文件，已跳过', en: 'empty, skipped' },
  'cli.skipped-binary': { 'zh-CN': '不是文本文件，已跳过', en: 'not a text file, skipped' },
  'cli.bad-bytes': {
    'zh-CN': '第 {lines} 行有无法识别的字节，已替换为“\uFFFD”',
    en: 'unreadable bytes on line {lines}, replaced by “\uFFFD”',
  },
  'cli.mixed-encoding': {
    'zh-CN': '部分行为 GB18030 编码，部分为 UTF-8，已逐行解码',
    en: 'some lines are GB18030 and some UTF-8: decoded line by line',
  },
  'cli.unknown-command': { 'zh-CN': '未知命令：{value}', en: 'unknown command: {value}' },
  'cli.unknown-option': { 'zh-CN': '未知选项：{value}', en: 'unknown option: {value}' },
  'cli.bad-format': {
    'zh-CN': '--format 应为 {allowed}，而不是“{value}”',
    en: '--format must be {allowed}, not “{value}”',
  },
  'cli.bad-locale': {
    'zh-CN': '--locale 应为 zh-CN 或 en，而不是“{value}”',
    en: '--locale must be zh-CN or en, not “{value}”',
  },
  'cli.baseline-missing': { 'zh-CN': '--baseline 后应给出基线文件', en: '--baseline needs a FILE' },
  'cli.baseline-bad': {
    'zh-CN': '基线文件 {path} 无法使用：{reason}。请修正或删除它后重试。',
    en: 'the baseline {path} cannot be used: {reason}. Fix or remove it and run again.',
  },
  'cli.baseline.malformed': {
    'zh-CN': '不是本工具写入的基线（JSON 格式或版本不符）',
    en: 'it is not a baseline this tool wrote (its JSON or version does not match)',
  },
  'cli.baseline.unreadable': { 'zh-CN': '无法读取', en: 'it cannot be read' },
  'cli.baseline.not-a-file': { 'zh-CN': '不是普通文件', en: 'it is not a regular file' },
  'cli.baseline.too-large': { 'zh-CN': '文件过大', en: 'it is too large' },
  'cli.dismissed': {
    'zh-CN': '另有 {count} 个已标记为已审核的问题未列出（见 {path}）',
    en: '{count} findings marked as reviewed are not listed (see {path})',
  },
  'cli.baseline-written': {
    'zh-CN': '已将 {count} 个问题标记为已审核，记入 {path}',
    en: '{count} findings marked as reviewed in {path}',
  },
  'dismiss.action': {
    'zh-CN': '标记为已审核（此处文字改动前不再提示）',
    en: 'Mark as reviewed (not shown again until this text changes)',
  },
  'dismiss.action-code': {
    'zh-CN': '标记为已审核：{code}（此处文字改动前不再提示）',
    en: 'Mark {code} as reviewed (not shown again until this text changes)',
  },
  'dismiss.baseline-bad': {
    'zh-CN': '基线文件 {path} 无法使用：{reason}。其中的已审核标记未生效，也不会被覆盖。',
    en: 'The baseline {path} cannot be used: {reason}. Its dismissals are not applied, and it will not be written over.',
  },
  'dismiss.not-a-file': {
    'zh-CN': '只有磁盘上的文件可以标记为已审核。',
    en: 'Only a file on disk can have findings marked as reviewed.',
  },
  'dismiss.write-failed': {
    'zh-CN': '无法写入基线文件 {path}：{reason}',
    en: 'Cannot write the baseline {path}: {reason}',
  },
  'cli.no-path': { 'zh-CN': '没有给出 PATH', en: 'no PATH given' },
  'cli.usage': {
    'zh-CN':
      '用法：\n  disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] [--baseline FILE] [--update-baseline] PATH...\n  disclosure-report tables [--format json|csv|markdown] PATH...\n  disclosure-report review [--out DIR] [--locale zh-CN|en] [--baseline FILE] [--update-baseline] PATH...\nPATH 为文件、文件夹（读取其中的 .txt .md .html .htm .pdf .docx .gkbg .disclosure 文件）或 -（标准输入）。\ncheck 与 review 的退出码：0 无错误，1 有错误，2 用法错误或读取失败；review 写入 DIR（默认 ./review）：index.html、summary.csv、summary.xlsx 和 memos/ 审核意见。\n已审核的问题记在报告所在文件夹（或上级文件夹）的 .disclosure-report-baseline.json 中，不再列出；--update-baseline 把本次的全部问题标记为已审核，--baseline FILE 指定基线文件。',
    en: "usage:\n  disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] [--baseline FILE] [--update-baseline] PATH...\n  disclosure-report tables [--format json|csv|markdown] PATH...\n  disclosure-report review [--out DIR] [--locale zh-CN|en] [--baseline FILE] [--update-baseline] PATH...\nPATH is a file, a folder (walked for .txt .md .html .htm .pdf .docx .gkbg .disclosure files) or - for standard input.\ncheck and review exit 0 when no finding is an error, 1 when one is, 2 on a usage or I/O error; review writes DIR (default ./review): index.html, summary.csv, summary.xlsx and memos/.\nFindings marked as reviewed, in the .disclosure-report-baseline.json of the report's folder (or a folder above), are not listed; --update-baseline marks every finding of this run as reviewed, --baseline FILE names the baseline.",
  },
  'completion.row-missing': { 'zh-CN': '表{table}中缺少的行', en: 'Missing row of table {table}' },
  'completion.row': { 'zh-CN': '表{table}的行', en: 'Row of table {table}' },
  'completion.group': { 'zh-CN': '表{table}的分组行', en: 'Group row of table {table}' },
  'completion.table': { 'zh-CN': '空白表格（按格式填0）', en: 'An empty table (zeros)' },
  'completion.header': { 'zh-CN': '表头', en: 'Header block' },
  'completion.section-missing': { 'zh-CN': '缺少的部分', en: 'Missing section' },
  'completion.section': { 'zh-CN': '部分标题', en: 'Section header' },
  'completion.skeleton': { 'zh-CN': '整份年报的框架', en: 'A whole report skeleton' },
  'action.fixAll': { 'zh-CN': '修复全部可自动修复的问题', en: 'Fix all auto-fixable problems' },
  'format.refused.html': {
    'zh-CN': '格式化不处理 HTML 文档：其中的表格是标记，不是文本；请在网页或原文件中调整。',
    en: 'Formatting leaves HTML documents alone: their tables are markup, not text; adjust them in the page or the original file.',
  },
  'format.refused.unsure': {
    'zh-CN': '“{table}”的表格未格式化：其中有无法确定的单元格或行（见诊断），重排可能改变读法。',
    en: 'The table of “{table}” was left as it is: some of its cells or rows are uncertain (see the diagnostics), and laying it out again could change how it reads.',
  },
  'format.refused.prose': {
    'zh-CN': '“{table}”的表格未格式化：表格中夹有正文。',
    en: 'The table of “{table}” was left as it is: it holds prose.',
  },
  'format.refused.changes': {
    'zh-CN': '“{table}”的表格未格式化：重排后的读法（数值、行或诊断）会与原文不同。',
    en: 'The table of “{table}” was left as it is: laid out again, it would read differently (values, rows or findings would change).',
  },
  'preview.report': { 'zh-CN': '报告 {n}', en: 'Report {n}' },
  'preview.format': { 'zh-CN': '{format}年格式', en: '{format} format' },
  'preview.active': { 'zh-CN': '二、主动公开政府信息情况', en: 'Table 二 — proactive disclosure' },
  'preview.applications': { 'zh-CN': '三、收到和处理政府信息公开申请情况', en: 'Table 三 — applications' },
  'preview.review': {
    'zh-CN': '四、政府信息公开行政复议、行政诉讼情况',
    en: 'Table 四 — reconsideration and litigation',
  },
  'preview.empty': { 'zh-CN': '此文档中没有找到年报。', en: 'No report found in this document.' },
  'preview.summary.no-organ': { 'zh-CN': '机关未识别', en: 'organ not found' },
  'preview.summary.year': { 'zh-CN': '{year}年度', en: 'year {year}' },
  'preview.summary.no-year': { 'zh-CN': '年度未识别', en: 'year not found' },
  'preview.summary.counts': {
    'zh-CN': '{errors} 个错误，{warnings} 个警告',
    en: 'errors: {errors}, warnings: {warnings}',
  },
  'preview.summary.clean': { 'zh-CN': '未发现错误或警告', en: 'no errors or warnings' },
  'preview.notes': { 'zh-CN': '表格以外的问题', en: 'Findings outside the tables' },
  'preview.severity.error': { 'zh-CN': '错误', en: 'Error' },
  'preview.severity.warning': { 'zh-CN': '警告', en: 'Warning' },
  'preview.severity.information': { 'zh-CN': '提示', en: 'Info' },
  'preview.severity.hint': { 'zh-CN': '建议', en: 'Hint' },
  // hover on a cell (features/navigation.ts): labels and values are quoted as written
  'hover.cell': { 'zh-CN': '**{row}** · {column}：{value}', en: '**{row}** · “{column}”: {value}' },
  'hover.blank': { 'zh-CN': '（空）', en: '(blank)' },
  'hover.unknown': { 'zh-CN': '？', en: '?' },
  'hover.split': {
    'zh-CN': '数字连写“{raw}”，按合计拆分为 {cells}',
    en: 'Digits run together “{raw}”, split by the totals into {cells}',
  },
  'hover.row-total': {
    'zh-CN': '- 本行：总计 {total} {op} {parts}{sum}',
    en: '- This row: total {total} {op} {parts}{sum}',
  },
  'hover.outcome-total': {
    'zh-CN': '- 本列办理结果：（七）总计 {total} {op} 各项之和 {sum}',
    en: '- Outcomes in this column: total processed {total} {op} sum of the outcome rows {sum}',
  },
  'hover.balance': {
    'zh-CN': '- 勾稽关系：一 + 二 = {a} + {b} = {left} {op} （七）+ 四 = {c} + {d} = {right}',
    en: '- Column balance: new + carried over = {a} + {b} = {left} {op} total processed + carried forward = {c} + {d} = {right}',
  },
  'hover.review-block': {
    'zh-CN': '- {block}：总计 {total} {op} {parts}',
    en: '- “{block}”: total {total} {op} {parts}',
  },
  // the command line's review (cli/review): the dashboard, summary.csv/xlsx and the 审核意见 memos
  'review.sheet': { 'zh-CN': '审核汇总', en: 'Summary' },
  'review.title': { 'zh-CN': '政府信息公开工作年度报告审核汇总', en: 'Annual disclosure reports: review summary' },
  'review.summary': {
    'zh-CN': '共 {files} 个文件、{reports} 份报告，其中 {withErrors} 份有错误、{withWarnings} 份有警告',
    en: '{files} files, {reports} reports: {withErrors} with errors, {withWarnings} with warnings',
  },
  'review.filter': { 'zh-CN': '筛选（文件、机关、问题）', en: 'Filter (file, organ, problem)' },
  'review.only-errors': { 'zh-CN': '只看有错误的报告', en: 'Only reports with errors' },
  'review.sort-hint': { 'zh-CN': '点击表头排序', en: 'Click a column header to sort' },
  'review.col.file': { 'zh-CN': '文件', en: 'File' },
  'review.col.organ': { 'zh-CN': '机关', en: 'Organ' },
  'review.col.year': { 'zh-CN': '年度', en: 'Year' },
  'review.col.format': { 'zh-CN': '格式', en: 'Format' },
  'review.col.error': { 'zh-CN': '错误', en: 'Errors' },
  'review.col.warning': { 'zh-CN': '警告', en: 'Warnings' },
  'review.col.information': { 'zh-CN': '提示', en: 'Notes' },
  'review.col.hint': { 'zh-CN': '建议', en: 'Hints' },
  'review.col.problems': { 'zh-CN': '主要问题', en: 'Main problems' },
  'review.col.newReceived': { 'zh-CN': '本年新收', en: 'New (本年新收)' },
  'review.col.carriedOver': { 'zh-CN': '上年结转', en: 'Carried over (上年结转)' },
  'review.col.totalProcessed': { 'zh-CN': '（七）总计', en: 'Processed (（七）总计)' },
  'review.col.carriedForward': { 'zh-CN': '结转下年度', en: 'Carried forward (结转下年度)' },
  'review.col.reconsideration': { 'zh-CN': '复议', en: 'Reconsideration (复议)' },
  'review.col.litigation': { 'zh-CN': '诉讼', en: 'Litigation (诉讼)' },
  'review.col.memo': { 'zh-CN': '审核意见', en: 'Memo' },
  'review.more': { 'zh-CN': '等 {count} 项', en: 'and {count} more' },
  'review.none': { 'zh-CN': '未发现问题', en: 'no problem found' },
  'review.written': { 'zh-CN': '审核结果已写入 {dir}', en: 'review written to {dir}' },
  'review.write-failed': { 'zh-CN': '无法写入 {path}：{reason}', en: 'cannot write {path}: {reason}' },
  'review.memo.title': { 'zh-CN': '关于《{title}》的审核意见', en: 'Review of “{title}”' },
  'review.memo.to': { 'zh-CN': '{organ}：', en: 'To: {organ}' },
  'review.memo.unknown-organ': { 'zh-CN': '（报送单位）', en: '(the reporting office)' },
  'review.memo.unknown-title': { 'zh-CN': '政府信息公开工作年度报告', en: 'annual report' },
  'review.memo.intro': {
    'zh-CN': '经审核，你单位报送的《{title}》存在以下问题：',
    en: 'Having reviewed “{title}”, we found the following problems:',
  },
  'review.memo.clean': {
    'zh-CN': '经审核，你单位报送的《{title}》未发现需要更正的问题。',
    en: 'Having reviewed “{title}”, we found nothing that needs correcting.',
  },
  'review.memo.notes': { 'zh-CN': '此外，以下事项请一并核实：', en: 'Please also check the following:' },
  'review.memo.closing': {
    'zh-CN': '请对照上述问题逐项核实，更正后重新报送。',
    en: 'Please check each item, correct the report and submit it again.',
  },
  'review.memo.signature': { 'zh-CN': '（审核单位）', en: '(Reviewing office)' },
  'review.memo.date': { 'zh-CN': '年　　月　　日', en: 'Date:' },
  'review.memo.row': { 'zh-CN': '“{row}”行', en: 'row “{row}”' },
  'review.memo.subrow': { 'zh-CN': '“{group}”下“{row}”行', en: 'row “{row}” under “{group}”' },
  'review.memo.block': { 'zh-CN': '“{row}”栏', en: 'block “{row}”' },
  'review.memo.cell': {
    'zh-CN': '表{table}{row}“{column}”列填报为{value}，{basis}应为{expected}。',
    en: 'Table {table}, {row}, column “{column}”: reported as {value}; {basis} it should be {expected}.',
  },
  'review.memo.at-cell': {
    'zh-CN': '表{table}{row}“{column}”列：{message}。',
    en: 'Table {table}, {row}, column “{column}”: {message}.',
  },
  'review.memo.at-row': { 'zh-CN': '表{table}{row}：{message}。', en: 'Table {table}, {row}: {message}.' },
  'review.memo.at-table': { 'zh-CN': '表{table}：{message}。', en: 'Table {table}: {message}.' },
  'review.memo.at-line': { 'zh-CN': '第{line}行：{message}。', en: 'Line {line}: {message}.' },
  'review.memo.rows-missing': {
    'zh-CN': '表{table}缺少{count}行：{rows}。',
    en: 'Table {table} lacks {count} rows: {rows}.',
  },
  'review.memo.basis.table3.outcome-total': { 'zh-CN': '按各项办理结果之和', en: 'by the sum of the outcome rows' },
  'review.memo.basis.table3.row-total': { 'zh-CN': '按六类申请人之和', en: 'by the sum of the six applicant columns' },
  'review.memo.basis.table4.total': { 'zh-CN': '按四项结果之和', en: 'by the sum of its four results' },
};

/** One table: the rules' messages, the registry's, then this file's (an id is defined once). */
const M: Record<string, Readonly<Record<Locale, string>>> = {};
function add(messages: Readonly<Record<string, Readonly<Record<Locale, string>>>>): void {
  for (const [id, text] of Object.entries(messages)) {
    if (Object.hasOwn(M, id)) throw new Error(`message ${id} is defined twice`);
    M[id] = text;
  }
}
for (const rule of RULE_LIST) add(rule.messages);
add(REGISTRY_MESSAGES);
add(OWN);

export function localize(message: Message, locale: Locale = 'zh-CN'): string {
  const t = M[message.id]?.[locale] ?? M[message.id]?.['zh-CN'] ?? message.id;
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(message.args?.[k] ?? ''));
}

/** 'en', 'en-US' → 'en'; everything else → 'zh-CN'. */
export function toLocale(s: string | undefined | null): Locale {
  return s && /^en\b/i.test(s) ? 'en' : 'zh-CN';
}

export const MESSAGE_IDS = Object.keys(M);

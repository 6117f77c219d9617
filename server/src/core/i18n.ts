/**
 * Every user-visible string of the core, in Simplified Chinese (the default) and English.
 * A message is an id and arguments; `{name}` in a template is replaced by the argument.
 */
import type { Message } from './rules/findings';

export type Locale = 'zh-CN' | 'en';

const M: Record<string, Record<Locale, string>> = {
  'section.missing': { 'zh-CN': '缺少“{section}”部分', en: 'Section “{section}” is missing' },
  'section.order': { 'zh-CN': '“{section}”排在第{after}部分之后，顺序有误', en: 'Section “{section}” comes after section {after}: out of order' },
  'section.duplicate': { 'zh-CN': '“{section}”在同一报告中出现了两次', en: 'Section “{section}” appears twice in this report' },
  'section.numbering.lost': { 'zh-CN': '标题缺少序号，应为“{expected}”', en: 'The header has lost its numeral: “{expected}” expected' },
  'section.numbering.numeral': { 'zh-CN': '标题序号“{written}”有误，应为“{expected}”', en: 'Header numbering “{written}” is wrong: “{expected}” expected' },
  'section.numbering.separator': { 'zh-CN': '标题序号“{written}”的标点有误，应为“{expected}”', en: 'Header numbering “{written}” has the wrong punctuation: “{expected}” expected' },
  'section.numbering.sub': { 'zh-CN': '总体情况的小标题序号“{written}”不规范，应为“{expected}”（{heading}）', en: 'Sub-heading numbering “{written}” in 总体情况 is irregular: “{expected}” expected ({heading})' },
  'section.numbering.sub-lost': { 'zh-CN': '总体情况的小标题缺少序号，应为“{expected}”（{heading}）', en: 'A sub-heading of 总体情况 has lost its numeral: “{expected}” expected ({heading})' },
  'section.title': { 'zh-CN': '标题“{written}”不是规范写法，规范标题为“{canonical}”', en: 'Title “{written}” is not the canonical wording “{canonical}”' },
  'overview.topic-missing': { 'zh-CN': '“一、总体情况”未涉及“{topic}”方面的内容', en: '“一、总体情况” does not cover “{topic}”' },
  'report.title-missing': { 'zh-CN': '未找到写明机关名称和年度的报告标题', en: 'No title line naming the organ and the year' },
  'table.missing.active': { 'zh-CN': '“二、主动公开政府信息情况”下没有表格', en: 'Section 二 (主动公开政府信息情况) has no table' },
  'table.missing.applications': { 'zh-CN': '“三、收到和处理政府信息公开申请情况”下没有表格', en: 'Section 三 (收到和处理政府信息公开申请情况) has no table' },
  'table.missing.review': { 'zh-CN': '“四、政府信息公开行政复议、行政诉讼情况”下没有表格', en: 'Section 四 (行政复议、行政诉讼情况) has no table' },
  'table.row-missing': { 'zh-CN': '表格缺少“{row}”一行', en: 'The table lacks the row “{row}”' },
  'table.row-missing.other-single': { 'zh-CN': '“（六）其他处理”写成了一行；2021年格式应分为1至3三个子项', en: '“（六）其他处理” is one row; the 2021 format splits it into items 1–3' },
  'table.row-unknown': { 'zh-CN': '行名“{written}”不在格式中', en: 'Row label “{written}” is not in the format' },
  'table.row-unknown.typo': { 'zh-CN': '行名“{written}”与格式不符，应为“{canonical}”', en: 'Row label “{written}” does not match the format: “{canonical}” expected' },
  'table.row-unknown.other-format': { 'zh-CN': '“{written}”是另一种格式的行名；{format}年格式写作“{canonical}”', en: '“{written}” is a label of the other format; the {format} format says “{canonical}”' },
  'table.cell-count': { 'zh-CN': '“{row}”有{found}个数值，应为{expected}个', en: '“{row}” has {found} values, {expected} expected' },
  'table.cell-count.ambiguous': { 'zh-CN': '数字“{digits}”连在一起，拆成{count}个数值的方式不止一种：{candidates}', en: 'Digits “{digits}” run together and split into {count} values in more than one way: {candidates}' },
  'table.cell-count.unsplittable': { 'zh-CN': '数字“{digits}”连在一起，无法拆成合计相符的{count}个数值（可能的拆分：{candidates}）', en: 'Digits “{digits}” run together and no split into {count} values adds up (possible splits: {candidates})' },
  'table.cell-count.unplaced-values': { 'zh-CN': '无法确定这些数值所属的行列（文本顺序错乱）：{values}', en: 'These values could not be placed in the table (scrambled text order): {values}' },
  'table.cell-count.extra-values': { 'zh-CN': '表格中多出数值：{values}', en: 'Extra values in the table: {values}' },
  'table.cell-invalid.negative': { 'zh-CN': '“{value}”为负数，此处的数量不能为负', en: '“{value}” is negative; this count cannot be' },
  'table.cell-invalid.decimal': { 'zh-CN': '“{value}”为小数，此处的数量应为整数', en: '“{value}” is a decimal; this count must be a whole number' },
  'table.cell-invalid.word': { 'zh-CN': '“{value}”不是数字，此处应填写数值', en: '“{value}” is not a number; this cell holds a figure' },
  'table.cell-invalid.digits': { 'zh-CN': '“{value}”位数过多，无法按原值精确读取', en: '“{value}” has too many digits to be read exactly' },
  'table.cell-invalid.unit': { 'zh-CN': '“{value}”带有金额单位，此处应填写数量', en: '“{value}” carries a unit of money; this cell is a count' },
  'table.cell-invalid.yuan': { 'zh-CN': '“{value}”以元为单位，此栏的单位为万元', en: '“{value}” is in 元; this column is in 万元' },
  'table.cell-blank': { 'zh-CN': '“{row}”的{columns}为空；没有数据应填0', en: '“{row}” is blank in {columns}; write 0 where there is nothing' },
  'table3.row-total': { 'zh-CN': '“{row}”的总计为{total}，各申请人之和为{sum}', en: '“{row}”: 总计 is {total}, the applicants add up to {sum}' },
  'table3.outcome-total': { 'zh-CN': '（七）总计{total} ≠ 各项办理结果之和{sum}（{column}列）', en: '（七）总计 {total} ≠ the outcome rows’ sum {sum} ({column} column)' },
  'table3.balance': { 'zh-CN': '第一项加第二项之和{left} ≠ 第三项加第四项之和{right}（{column}列）', en: 'Items 一 + 二 = {left} ≠ items 三 + 四 = {right} ({column} column)' },
  'table4.total': { 'zh-CN': '{block}的总计为{total}，结果维持、结果纠正、其他结果、尚未审结之和为{sum}', en: '{block}: 总计 is {total}, its four results add up to {sum}' },
  'narrative.mismatch': { 'zh-CN': '正文写{value}件，表格中“{scope}”为{table}', en: 'The text says {value}; the table’s “{scope}” is {table}' },
  'section6.fee-missing': { 'zh-CN': '“六、其他需要报告的事项”未说明信息处理费的收取情况', en: '“六、其他需要报告的事项” says nothing about 信息处理费 (information processing fees)' },
  'text.pinyin-annotation': { 'zh-CN': '转换残留的拼音注音（如“{example}”），本行共{count}处', en: 'Pinyin left by a converter (e.g. “{example}”), {count} on this line' },
  'crossyear.carry-over': { 'zh-CN': '上年结转{value}与{year}年报告的“结转下年度继续办理”{previous}不一致（{column}列，{source}）', en: '上年结转 {value} differs from {previous} carried forward in the {year} report ({column} column, {source})' },
  // report.not-found (a named input with no report) and the command line's notes on its inputs
  'report.not-found.none': { 'zh-CN': '没有找到年度报告：文件中没有识别出“一、总体情况”等部分', en: 'No annual report found: none of the sections (一、总体情况 …) was recognised' },
  'report.not-found.empty': { 'zh-CN': '没有找到年度报告：空文件', en: 'No annual report found: the file is empty' },
  'report.not-found.binary': { 'zh-CN': '没有找到年度报告：不是文本文件（请先另存为 .txt 或 .html）', en: 'No annual report found: not a text file (save it as .txt or .html first)' },
  'report.not-found.folder': { 'zh-CN': '没有找到年度报告：文件夹中没有可读的报告文件', en: 'No annual report found: the folder holds no readable report file' },
  'report.not-found.unreadable': { 'zh-CN': '无法检查：{reason}', en: 'Could not be checked: {reason}' },
  'io.missing': { 'zh-CN': '文件或文件夹不存在', en: 'the file or folder does not exist' },
  'io.permission': { 'zh-CN': '无法读取（没有权限）', en: 'cannot be read (permission denied)' },
  'io.failed': { 'zh-CN': '无法读取（读取时出错）', en: 'cannot be read (read error)' },
  'io.fifo': { 'zh-CN': '不是普通文件（命名管道），未读取', en: 'not a regular file (a named pipe), not read' },
  'io.socket': { 'zh-CN': '不是普通文件（套接字），未读取', en: 'not a regular file (a socket), not read' },
  'io.device': { 'zh-CN': '不是普通文件（设备），未读取', en: 'not a regular file (a device), not read' },
  'io.too-large': { 'zh-CN': '文件过大（{size} MB，上限 {limit} MB），未读取', en: 'too large ({size} MB, the limit is {limit} MB), not read' },
  'io.outside': { 'zh-CN': '链接指向文件夹之外，未读取', en: 'a link out of the folder, not followed' },
  'io.loop': { 'zh-CN': '链接指向已读过的文件夹（循环），未读取', en: 'a link to a folder already walked (a loop), not followed' },
  'io.broken-link': { 'zh-CN': '链接无效（目标不存在或链接循环），未读取', en: 'a broken link (missing target or a loop), not followed' },
  'io.too-deep': { 'zh-CN': '文件夹层级过深，未继续读取', en: 'folders nested too deep, not walked further' },
  'io.too-many': { 'zh-CN': '文件过多（上限 {limit} 个），其余未读取', en: 'too many files (the limit is {limit}), the rest was not read' },
  'cli.note': { 'zh-CN': '{path}：{reason}', en: '{path}: {reason}' },
  'cli.skipped-extension': { 'zh-CN': '不是报告文件（.txt .md .html .htm .gkbg .disclosure），已跳过', en: 'not a report file (.txt .md .html .htm .gkbg .disclosure), skipped' },
  'cli.skipped-none': { 'zh-CN': '没有找到年度报告，已跳过', en: 'no annual report found, skipped' },
  'cli.skipped-empty': { 'zh-CN': '空文件，已跳过', en: 'empty, skipped' },
  'cli.skipped-binary': { 'zh-CN': '不是文本文件，已跳过', en: 'not a text file, skipped' },
  'cli.bad-bytes': { 'zh-CN': '第 {lines} 行有无法识别的字节，已替换为“\uFFFD”', en: 'unreadable bytes on line {lines}, replaced by “\uFFFD”' },
  'cli.mixed-encoding': { 'zh-CN': '部分行为 GB18030 编码，部分为 UTF-8，已逐行解码', en: 'some lines are GB18030 and some UTF-8: decoded line by line' },
  'cli.unknown-command': { 'zh-CN': '未知命令：{value}', en: 'unknown command: {value}' },
  'cli.unknown-option': { 'zh-CN': '未知选项：{value}', en: 'unknown option: {value}' },
  'cli.bad-format': { 'zh-CN': '--format 应为 {allowed}，而不是“{value}”', en: '--format must be {allowed}, not “{value}”' },
  'cli.bad-locale': { 'zh-CN': '--locale 应为 zh-CN 或 en，而不是“{value}”', en: '--locale must be zh-CN or en, not “{value}”' },
  'cli.no-path': { 'zh-CN': '没有给出 PATH', en: 'no PATH given' },
  'cli.usage': {
    'zh-CN': '用法：\n  disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] PATH...\n  disclosure-report tables [--format json|csv|markdown] PATH...\nPATH 为文件、文件夹（读取其中的 .txt .md .html .htm .gkbg .disclosure 文件）或 -（标准输入）。\ncheck 的退出码：0 无错误，1 有错误，2 用法错误或读取失败。',
    en: 'usage:\n  disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] PATH...\n  disclosure-report tables [--format json|csv|markdown] PATH...\nPATH is a file, a folder (walked for .txt .md .html .htm .gkbg .disclosure files) or - for standard input.\ncheck exits 0 when no finding is an error, 1 when one is, 2 on a usage or I/O error.',
  },
  'fix.section.missing': { 'zh-CN': '插入“{section}”', en: 'Insert “{section}”' },
  'fix.table.missing': { 'zh-CN': '插入空白表格', en: 'Insert an empty table' },
  'fix.section.numbering': { 'zh-CN': '改为“{text}”', en: 'Change to “{text}”' },
  'fix.section.title': { 'zh-CN': '改为规范标题“{text}”', en: 'Use the canonical title “{text}”' },
  'fix.table.row-unknown': { 'zh-CN': '改为“{text}”', en: 'Change to “{text}”' },
  'fix.total': { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' },
  'fix.narrative': { 'zh-CN': '改为表格中的 {value}', en: 'Use the table’s {value}' },
  'fix.row-missing': { 'zh-CN': '插入“{row}”一行（填0）', en: 'Insert the row “{row}” with zeros' },
  'fix.fee': { 'zh-CN': '补充“本年度未收取信息处理费。”', en: 'Add “本年度未收取信息处理费。”' },
  'fix.pinyin': { 'zh-CN': '删除本行的拼音注音', en: 'Remove the pinyin on this line' },
  'fix.pinyin-all': { 'zh-CN': '删除全部拼音注音', en: 'Remove all pinyin annotations' },
  'completion.row-missing': { 'zh-CN': '表{table}中缺少的行', en: 'Missing row of table {table}' },
  'completion.row': { 'zh-CN': '表{table}的行', en: 'Row of table {table}' },
  'completion.group': { 'zh-CN': '表{table}的分组行', en: 'Group row of table {table}' },
  'completion.table': { 'zh-CN': '空白表格（按格式填0）', en: 'An empty table (zeros)' },
  'completion.header': { 'zh-CN': '表头', en: 'Header block' },
  'completion.section-missing': { 'zh-CN': '缺少的部分', en: 'Missing section' },
  'completion.section': { 'zh-CN': '部分标题', en: 'Section header' },
  'completion.skeleton': { 'zh-CN': '整份年报的框架', en: 'A whole report skeleton' },
  'action.fixAll': { 'zh-CN': '修复全部可自动修复的问题', en: 'Fix all auto-fixable problems' },
  'format.refused.html': { 'zh-CN': '格式化不处理 HTML 文档：其中的表格是标记，不是文本；请在网页或原文件中调整。', en: 'Formatting leaves HTML documents alone: their tables are markup, not text; adjust them in the page or the original file.' },
  'format.refused.unsure': { 'zh-CN': '“{table}”的表格未格式化：其中有无法确定的单元格或行（见诊断），重排可能改变读法。', en: 'The table of “{table}” was left as it is: some of its cells or rows are uncertain (see the diagnostics), and laying it out again could change how it reads.' },
  'format.refused.prose': { 'zh-CN': '“{table}”的表格未格式化：表格中夹有正文。', en: 'The table of “{table}” was left as it is: it holds prose.' },
  'format.refused.changes': { 'zh-CN': '“{table}”的表格未格式化：重排后的读法（数值、行或诊断）会与原文不同。', en: 'The table of “{table}” was left as it is: laid out again, it would read differently (values, rows or findings would change).' },
};

export function localize(message: Message, locale: Locale = 'zh-CN'): string {
  const t = M[message.id]?.[locale] ?? M[message.id]?.['zh-CN'] ?? message.id;
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(message.args?.[k] ?? ''));
}

/** 'en', 'en-US' → 'en'; everything else → 'zh-CN'. */
export function toLocale(s: string | undefined | null): Locale {
  return s && /^en\b/i.test(s) ? 'en' : 'zh-CN';
}

export const MESSAGE_IDS = Object.keys(M);

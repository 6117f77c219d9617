// section.empty, report.format-year, report.year-mismatch: each fires on a case built here, with its
// range and message, and stays silent where it does not apply (and on every corpus file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { renderSkeleton } from '../../server/src/core/features/render';
import { localize } from '../../server/src/core/i18n';
import { corpusFiles, readCorpus } from './helpers';

const CODES = ['section.empty', 'report.format-year', 'report.year-mismatch'];

/** The findings of the three codes: code, the text of the range, the message (zh-CN). */
function found(text: string): [string, string, string][] {
  return checkDocument(analysisText(text).text, text, parse(text))
    .filter((f) => CODES.includes(f.code))
    .map((f) => [f.code, text.slice(f.range.start, f.range.end), localize(f.message)]);
}

const S1 = '（一）主动公开\n';
const S5 = '五、存在的主要问题及改进情况';
const S6 = '六、其他需要报告的事项';
const PROSE5 = '一是信息发布不够及时；二是解读形式单一。下一步将完善审核机制，丰富解读方式。';

/** A report of our own: a skeleton with prose in 一 and 五, a statistics period when given. */
function report(opts: { format?: '2021' | '2019'; year?: number; period?: string; five?: string; six?: string }) {
  const format = opts.format ?? '2021';
  let t = renderSkeleton(format, 'pipe', '青石镇人民政府', opts.year ?? 2023);
  const lead = opts.period ? `本报告所列数据的统计期限自${opts.period}止。\n` : '';
  t = t.replace(S1, `${lead}${S1}本年度主动公开信息120条。\n`);
  t = t.replace(`${S5}\n\n`, `${S5}\n${opts.five ?? PROSE5}\n`);
  if (opts.six !== undefined) t = t.replace(/六、其他需要报告的事项\n[^\n]*\n/, `${S6}\n${opts.six}\n`);
  return t;
}

test('the base report gives none of the three', () => {
  assert.deepEqual(found(report({})), []);
  assert.deepEqual(found(report({ format: '2019', year: 2020, period: '2020年1月1日起至2020年12月31日' })), []);
});

test('section.empty: 一 or 五 that says only 无, 略 or 暂无', () => {
  for (const w of ['无', '无。', '略', '暂无。', '（无）'])
    assert.deepEqual(found(report({ five: w })), [['section.empty', S5, `“${S5}”部分只写了“${w}”，未说明实际情况`]]);
  // On the header's own line.
  const t = report({ five: '' }).replace(`${S5}\n`, `${S5}：无\n`);
  assert.deepEqual(found(t), [['section.empty', S5, `“${S5}”部分只写了“：无”，未说明实际情况`]]);
  const one = report({}).replace(/一、总体情况\n[^]*?(?=二、主动公开)/, '一、总体情况\n略。\n');
  assert.deepEqual(found(one), [['section.empty', '一、总体情况', '“一、总体情况”部分只写了“略。”，未说明实际情况']]);
  // The same when the copy is the last thing in the text.
  const last = report({ five: '暂无' });
  assert.deepEqual(found(last.slice(0, last.indexOf(S6))).length, 1);
});

test('section.empty is silent: 六 saying 无, 五 with words, 五 with no text at all', () => {
  // 六 saying 无 is a normal report of the 2019 format (its fee sentence is another rule's).
  const y2019 = { format: '2019' as const, year: 2020 };
  assert.deepEqual(found(report({ ...y2019, six: '无。' })), []);
  assert.deepEqual(found(report({ ...y2019, six: '无其他需要报告的事项。' })), []);
  assert.deepEqual(found(report({ five: '无重大问题，下一步将继续加强信息发布审核。' })), []);
  // No text at all: the copy may have lost it (an image, a cut); the reader cannot be sure.
  assert.deepEqual(found(report({ five: '' })), []);
  const cut = report({ five: '' });
  assert.deepEqual(found(cut.slice(0, cut.indexOf(S6))), []);
});

test('report.format-year: the 2019 trial format in a report on 2021 or later', () => {
  const t = report({ format: '2019', year: 2023 });
  assert.deepEqual(found(t), [
    [
      'report.format-year',
      '二、主动公开政府信息情况',
      '2023年度报告使用了2019年试行格式；2021年及以后的报告应使用2021年格式（国办公开办函〔2021〕30号）',
    ],
  ]);
  // The year from the statistics period when the title has none.
  const noTitle = report({ format: '2019', year: 2023, period: '2022年1月1日起至2022年12月31日' }).replace(
    '青石镇人民政府2023年政府信息公开工作年度报告\n',
    '',
  );
  assert.deepEqual(
    found(noTitle).map((f) => f[2]),
    ['2022年度报告使用了2019年试行格式；2021年及以后的报告应使用2021年格式（国办公开办函〔2021〕30号）'],
  );
});

test('report.format-year: the 2021 format in a report on 2019 or 2020', () => {
  assert.deepEqual(
    found(report({ format: '2021', year: 2020 })).map((f) => [f[0], f[2]]),
    [
      [
        'report.format-year',
        '2020年度报告使用了2021年格式；2019、2020年的报告应使用2019年试行格式（国办公开办函〔2019〕60号）',
      ],
    ],
  );
});

test('report.format-year is silent when the year or the format is unsure, or before 2019', () => {
  // Title and period disagree: which year? (report.year-mismatch says so.)
  const both = found(report({ format: '2019', year: 2023, period: '2020年1月1日起至2020年12月31日' }));
  assert.deepEqual(
    both.map((f) => f[0]),
    ['report.year-mismatch'],
  );
  // No year written at all.
  const none = report({ format: '2019', year: 2023 }).replace('青石镇人民政府2023年政府信息公开工作年度报告\n', '');
  assert.deepEqual(found(none), []);
  // A report on 2018 used neither format.
  assert.deepEqual(found(report({ format: '2019', year: 2018 })), []);
  // Table 三 shows the 2021 sub-rows of （六） under a 2019 table 二: the tables are unsure.
  const mixed = report({ format: '2019', year: 2023 }).replace(
    /（六）其他处理 \|[^\n]*\n/,
    report({}).match(/（六）其他处理\n(?:[123]\.[^\n]*\n){3}/)![0],
  );
  assert.ok(mixed.includes('1.申请人无正当理由逾期不补正'));
  assert.deepEqual(
    found(mixed).filter((f) => f[0] === 'report.format-year'),
    [],
  );
});

test('report.year-mismatch: the title, the statistics period and the tables name different years', () => {
  const tp = report({ year: 2023, period: '2022年1月1日起至2022年12月31日' });
  assert.deepEqual(found(tp), [['report.year-mismatch', '2023年', '年份不一致：标题为2023年，统计期限为2022年']]);
  const caption = '2022年度收到和处理政府信息公开申请情况统计表\n';
  const tt = report({ year: 2023 }).replace('三、收到和处理政府信息公开申请情况\n', (h) => h + caption);
  assert.deepEqual(found(tt), [['report.year-mismatch', '2023年', '年份不一致：标题为2023年，表格标注2022年']]);
  const all3 = report({ year: 2023, period: '2023年1月1日起至2023年12月31日' }).replace(
    '三、收到和处理政府信息公开申请情况\n',
    (h) => h + caption,
  );
  assert.deepEqual(
    found(all3).map((f) => f[2]),
    ['年份不一致：标题为2023年，统计期限为2023年，表格标注2022年'],
  );
  // Without a title: the period's year is where it points.
  const pt = report({ year: 2023, period: '2023年1月1日起至2023年12月31日' })
    .replace('青石镇人民政府2023年政府信息公开工作年度报告\n', '')
    .replace('三、收到和处理政府信息公开申请情况\n', (h) => h + caption);
  assert.deepEqual(
    found(pt).map((f) => [f[0], f[2]]),
    [['report.year-mismatch', '年份不一致：统计期限为2023年，表格标注2022年']],
  );
});

test('report.year-mismatch is silent when one year is known, or a source is unsure of its own', () => {
  assert.deepEqual(found(report({ year: 2023 })), []);
  assert.deepEqual(found(report({ year: 2023, period: '2023年1月1日起至2023年12月31日' })), []);
  // A period across two years.
  assert.deepEqual(found(report({ year: 2023, period: '2022年12月1日起至2023年11月30日' })), []);
  // A sentence in a table's section is not a caption; nor is a row naming last year's carry-over.
  const prose = report({ year: 2023 }).replace(
    '三、收到和处理政府信息公开申请情况\n',
    (h) => h + '2022年度，本机关共收到申请5件。\n2022年结转申请情况\n',
  );
  assert.deepEqual(found(prose), []);
});

test('report.year-mismatch finds a caption wherever the 年 before it are (table 三 rows, a sentence, none)', () => {
  // Table 三's rows hold 年 (本年新收, 上年结转, 本年度办理结果) but no year; the one caption is table 四's.
  const four = report({ year: 2023 }).replace(
    '四、政府信息公开行政复议、行政诉讼情况\n',
    (h) => h + '2022年度行政复议、行政诉讼情况\n',
  );
  assert.deepEqual(found(four), [['report.year-mismatch', '2023年', '年份不一致：标题为2023年，表格标注2022年']]);
  // A sentence with a year, then the caption on the next line of the same section.
  const after = report({ year: 2023 }).replace(
    '三、收到和处理政府信息公开申请情况\n',
    (h) => h + '2023年，本机关共收到申请5件。\n2022年度收到和处理政府信息公开申请情况统计表\n',
  );
  assert.deepEqual(found(after), [['report.year-mismatch', '2023年', '年份不一致：标题为2023年，表格标注2022年']]);
});

for (const name of corpusFiles())
  test(`none of the three on ${name}`, () => {
    assert.deepEqual(found(readCorpus(name)), []);
  });

test('section.empty is silent on a table of contents (headers one under the other)', () => {
  const toc = ['目录', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'];
  toc.push('四、政府信息公开行政复议、行政诉讼情况', S5, S6, '');
  const t = report({}).replace('\n\n一、总体情况', `\n${toc.join('\n')}\n一、总体情况`);
  assert.deepEqual(
    found(t).filter((f) => f[0] === 'section.empty'),
    [],
  );
});

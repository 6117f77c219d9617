/**
 * narrative.mismatch — prose restates a table figure with a different number.
 *
 * The prose of 一、总体情况 (and the preamble), 五 and 六 is read by parse/prose.ts: each clause binds
 * at most one figure to its own cell. Totals: 收到/受理 … 申请 N 件 (本年新收, or 新收 + 上年结转),
 * 办结/答复 N 件 (（七）总计), 上年结转 N 件, 结转下年度 N 件, 行政复议 N 件 (复议总计), 行政诉讼 N 件
 * (直接起诉总计 + 复议后起诉总计), 现行有效 N 件 of 规章 or 规范性文件 (2021 table 二, either word
 * order). A breakdown of the outcomes (同意公开答复9件，不予公开答复2件) binds each figure to its row:
 * （一）予以公开, （二）部分公开, the totals of （三）–（六） over their items, 四、结转下年度. A figure
 * whose cell is not known with certainty (unknown, blank, recovered from a scrambled order) is not
 * compared, nor an ambiguous clause (parse/prose.ts); a sentence about a wider scope (全区, 各部门…) is
 * not reported when it differs, since the table may be the office's own. Range: the number. Fix: the
 * table's value (a quick fix, never fix-all).
 */
import type { Report, Row } from '../model';
import { APPLICANT_TOTAL, APPLICANT_WIDTH, evaluate, placed } from '../template/arithmetic';
import { ACTIVE_2021 } from '../template';
import type { ProseTopicKey } from '../template/prose';
import { proseRanges, readProse } from '../parse/prose';
import { fmt, found, replaceWith, rowOf, type Found, type Rule } from './rule';

/** A cell's value when the reader placed it with certainty (template/arithmetic.ts `placed`: not
 *  recovered from a scrambled order, the row as wide as its table): a written number, never blank or unknown. */
function certain(row: Row | undefined, c: number, width: number): number | null {
  if (!row || row.displaced || row.cells.length !== width) return null;
  const cell = row.cells[c];
  return cell?.kind === 'number' ? cell.value : null;
}

const total = (r: Report, key: string): number | null =>
  certain(rowOf(r.tables.applications, key), APPLICANT_TOTAL, APPLICANT_WIDTH);

/** The 总计 column of a group of table 三 (`denied` …): its items' sum, every one known; a row
 *  keyed as the group itself (2019's （六）其他处理) stands for it. */
function groupTotal(r: Report, group: string): number | null {
  const rows = r.tables.applications?.rows ?? [];
  const own = rows.find((x) => x.key === group);
  if (own) return certain(own, APPLICANT_TOTAL, APPLICANT_WIDTH);
  let sum = 0;
  let any = false;
  for (const x of rows) {
    if (!x.key.startsWith(group + '.')) continue;
    const v = certain(x, APPLICANT_TOTAL, APPLICANT_WIDTH);
    if (v === null) return null;
    sum += v;
    any = true;
  }
  return any ? sum : null;
}

/** Table 四's block equations (template/arithmetic.ts), evaluated once per check of a report. */
type Blocks = () => ReturnType<typeof evaluate>;

/** A block total of table 四: as written, or, left blank, the sum of its results when every one
 *  of them is written. */
function reviewTotal(blocks: Blocks, block: number): number | null {
  const e = blocks().find((x) => x.block === block);
  if (!e) return null;
  const cell = e.left.terms[0]?.cell;
  const row = e.left.terms[0]!.row;
  if (!cell || !row || !placed(row)) return null;
  if (cell.kind === 'number') return cell.value;
  if (cell.kind !== 'blank' || e.right.terms.some((x) => x.cell?.kind !== 'number')) return null;
  return e.right.sum;
}

/** Table 二's first caption (规章, 规范性文件): 本年制发, 本年废止, 现行有效. */
const ACTIVE_WIDTH = ACTIVE_2021.captions[0]!.rows[0]!.values;

const one = (v: number | null): number[] | null => (v === null ? null : [v]);

/** What the table holds for a topic: the values the prose may say (the first is the one shown). */
function expected(r: Report, key: ProseTopicKey, row: string | undefined, blocks: Blocks): number[] | null {
  switch (key) {
    case 'received': {
      const a = total(r, 'newReceived');
      const b = total(r, 'carriedOver');
      return a === null ? null : b === null ? [a] : [a, a + b];
    }
    case 'processed':
      return one(total(r, 'totalProcessed'));
    case 'carriedOver':
    case 'carriedForward':
    case 'granted':
    case 'partiallyGranted':
      return one(total(r, key));
    case 'denied':
    case 'unable':
    case 'notProcessed':
    case 'other':
      return one(groupTotal(r, key));
    case 'reconsideration':
      return one(reviewTotal(blocks, 0));
    case 'litigation': {
      const a = reviewTotal(blocks, 1);
      const b = reviewTotal(blocks, 2);
      return a === null || b === null ? null : [a + b];
    }
    case 'activeDocuments':
      return r.format === '2021' && row ? one(certain(rowOf(r.tables.active, row), 2, ACTIVE_WIDTH)) : null;
  }
}

/** The table's value, written as the fix writes it. */
type Data = { replacement: string };

export const narrativeMismatch: Rule<'narrative.mismatch', Data> = {
  code: 'narrative.mismatch',
  severity: 'warning',
  description: {
    'zh-CN': '正文复述表格数字（新收、结转、办结、结转下年度、复议、诉讼、现行有效）时与表格不一致',
    en: 'the text restates a table figure (新收, 结转, 办结, 结转下年度, 复议, 诉讼, 现行有效) with a different number',
  },
  messages: {
    'narrative.mismatch': {
      'zh-CN': '正文写{value}件，表格中“{scope}”为{table}',
      en: 'The text says {value}; the table’s “{scope}” is {table}',
    },
    'narrative.mismatch.fix': { 'zh-CN': '改为表格中的 {value}', en: 'Use the table’s {value}' },
  },
  check({ report, text, options }) {
    if (!options.narrativeChecks) return [];
    const out: Found<Data>[] = [];
    const t = report.tables.review;
    let evaluated: ReturnType<typeof evaluate> | undefined;
    const blocks = () => (evaluated ??= t ? evaluate(t, report.format, { only: ['review-block'] }) : []);
    for (const claim of readProse(text, proseRanges(report), report.year)) {
      const want = expected(report, claim.topic.key, claim.row, blocks);
      if (!want || want.includes(claim.value) || claim.wider) continue;
      const table = fmt(want[0]!);
      const args = { value: claim.raw, scope: claim.scope, table };
      out.push(found(claim.range, 'narrative.mismatch', args, { replacement: table }));
    }
    return out;
  },
  safeFix: false,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'narrative.mismatch.fix', { value: f.data.replacement }) : [];
  },
};

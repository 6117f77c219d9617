// Issue 12, item 2: the command line at scale. The cross-document lookups go through an index (the
// cost of checking a report does not grow with the number of other reports), and the output of a
// file is written before the next input is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocument } from '../../server/src/core/rules/check';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import type { ReportRef } from '../../server/src/core/rules/rule';
import type { Report } from '../../server/src/core/model';
import { byPrefix, readCorpus } from './helpers';

const S002 = readCorpus(byPrefix('002'));
const TITLE = '克井镇人民政府 2024 年政府信息公开工作年度报告';
const CARRIED_OVER = '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0';
const CARRIED_FORWARD = '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0';

/** A report of `organ` for `year` whose 结转下年度 (自然人 and 总计) is `carried`. */
function report(organ: string, year: number, carried = 0): string {
  assert.ok(S002.includes(TITLE) && S002.includes(CARRIED_FORWARD) && S002.includes(CARRIED_OVER));
  return S002.replace(TITLE, `${organ} ${year} 年政府信息公开工作年度报告`).replace(
    CARRIED_FORWARD,
    `四、结转下年度继续办理\t\t${carried}\t0\t0\t0\t0\t0\t${carried}`,
  );
}

const ORGANS = '甲乙丙丁戊己庚辛壬癸';
const organ = (k: number) =>
  `${String(k)
    .split('')
    .map((d) => ORGANS[Number(d)])
    .join('')}镇人民政府`;

/** A ref whose reads of `organ`, `year` and `report` are counted. */
function counted(ref: ReportRef, reads: { n: number }): ReportRef {
  return {
    source: ref.source,
    get organ() {
      reads.n++;
      return ref.organ;
    },
    get year() {
      reads.n++;
      return ref.year;
    },
    get report(): Report {
      reads.n++;
      return ref.report;
    },
  };
}

test('crossyear.carry-over looks last year up in an index: checking N reports reads each other report O(1) times', () => {
  // Last year's reports of 2,000 organs (one of them carries 3 forward), this year's of 40.
  const last = parse(report(organ(7), 2024, 3)).reports[0]!;
  const plain = parse(report(organ(8), 2024)).reports[0]!;
  const reads = { n: 0 };
  const refs: ReportRef[] = [];
  for (let k = 0; k < 2000; k++) {
    const r: Report = k === 7 ? last : { ...plain, organ: organ(k) };
    refs.push(counted({ source: `prev-${k}.txt`, organ: organ(k), year: 2024, report: r }, reads));
  }
  const parts: string[] = [];
  for (let k = 0; k < 40; k++) parts.push(report(organ(k), 2025));
  const text = parts.join('\n\n');
  const model = parse(text);
  assert.equal(model.reports.length, 40);
  const found = checkDocument(analysisText(text).text, text, model, { others: refs }).filter(
    (f) => f.code === 'crossyear.carry-over',
  );
  // The one organ whose last year differs: its 自然人 and 总计 cells.
  assert.equal(found.length, 2);
  assert.ok(
    found.every((f) => f.range.start > model.reports[7]!.range.start && f.range.end <= model.reports[7]!.range.end),
  );
  assert.ok(reads.n <= 4 * refs.length, `${reads.n} reads of ${refs.length} refs for 40 reports`);
});

/** Runs the command line in process: its output chunks, its notes, its exit status. */
async function cli(args: string[], onOut: (s: string) => void = () => undefined) {
  const { main } = await import('../../server/src/cli/main');
  const chunks: string[] = [];
  const status = await main(
    args,
    (s) => {
      chunks.push(s);
      onOut(s);
    },
    () => undefined,
  );
  return { status, stdout: chunks.join(''), chunks };
}

const WRONG_TOTAL: [string, string] = [
  '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
  '一、本年新收政府信息公开申请数量\t\t9\t0\t0\t0\t0\t0\t0',
];

test('check writes a file out before it reads the next one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-stream-'));
  assert.ok(S002.includes(WRONG_TOTAL[0]));
  writeFileSync(join(dir, 'a.txt'), report(organ(1), 2024));
  writeFileSync(join(dir, 'b.txt'), report(organ(2), 2024));
  // When a.txt's part comes out, b.txt is changed on disk: what is reported of b.txt is what it
  // holds after that (before, every input was read before anything was written).
  let changed = false;
  const r = await cli(['check', '--format', 'json', dir], (s) => {
    if (!changed && s.includes('a.txt')) {
      changed = true;
      writeFileSync(join(dir, 'b.txt'), report(organ(2), 2024).replace(...WRONG_TOTAL));
    }
  });
  assert.ok(changed);
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  assert.deepEqual(
    out.files.map((f) => f.path),
    [join(dir, 'a.txt'), join(dir, 'b.txt')],
  );
  assert.ok(out.files[1]!.diagnostics.some((d) => d.code === 'table3.row-total' || d.code === 'table3.balance'));
  assert.ok(r.chunks.length >= 2);
});

test('last year in a later file: the cross-year finding is as if every input were read at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-order-'));
  // 2025 (named first) waits for 2024 (read after it); other organs' files around them.
  writeFileSync(join(dir, '1-a.txt'), report(organ(3), 2024));
  writeFileSync(join(dir, '2-this.txt'), report(organ(7), 2025));
  writeFileSync(join(dir, '3-b.txt'), report(organ(4), 2023));
  writeFileSync(join(dir, '4-last.txt'), report(organ(7), 2024, 3));
  for (const format of ['text', 'json', 'sarif']) {
    const r = await cli(['check', '--format', format, dir]);
    const forward = await cli(['check', '--format', format, join(dir, '4-last.txt'), join(dir, '2-this.txt')]);
    const carry = (s: string) => s.split('crossyear.carry-over').length - 1;
    assert.equal(carry(forward.stdout), format === 'sarif' ? 2 + 1 : 2, format);
    assert.equal(carry(r.stdout), carry(forward.stdout), format);
    if (format !== 'text') JSON.parse(r.stdout);
    if (format === 'text') {
      const files = r.stdout.split('\n').filter((l) => /（\d+ 份报告）$/.test(l));
      assert.deepEqual(
        files.map((l) => l.slice(dir.length + 1, l.indexOf(':'))),
        ['1-a.txt', '2-this.txt', '3-b.txt', '4-last.txt'],
      );
    }
  }
});

test('text.pinyin-annotation finds a report’s annotations by position, not by reading all of them', async () => {
  const { textPinyinAnnotation } = await import('../../server/src/core/rules/text-pinyin-annotation');
  // 10,000 annotations in a document read whole; a report holding 3 of them.
  const all: { start: number; end: number }[] = [];
  for (let i = 0; i < 10_000; i++) all.push({ start: 10 * i + 1, end: 10 * i + 6 });
  let reads = 0;
  const counted = new Proxy(all, {
    get(t, k, r) {
      if (typeof k === 'string' && /^\d+$/.test(k)) reads++;
      return Reflect.get(t, k, r);
    },
  });
  const source = '号(hào)   '.repeat(10_000);
  const model = parse(S002);
  const report = { ...model.reports[0]!, range: { start: 50_000, end: 50_030 } };
  const ctx = {
    text: source,
    source,
    model: { ...model, pinyin: counted },
    report,
    options: { narrativeChecks: true },
  };
  const found = textPinyinAnnotation.check({ ...ctx, others: [] });
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.range, { start: 50_001, end: 50_006 });
  assert.equal((found[0]!.message.args as { count: number }).count, 3);
  assert.ok(reads < 200, `${reads} annotations read`);
});

// A blank cell is not 0: table.cell-blank says so once, and the sums say nothing they cannot be sure
// of. An equation with blank cells fails only when no count written into them could make it hold
// (blanks only add to their side). Reports built from the template with figures of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDocument } from '../../server/src/core/index';
import { renderApplications, renderSkeleton, type Values } from '../../server/src/core/features/render';

const row = (...v: (number | '')[]) => v.map(String);

function build(values: Values): string {
  const skeleton = renderSkeleton('2021', 'pipe', '某某县档案局', 2023);
  return skeleton.replace(renderApplications('2021', {}, 'pipe'), renderApplications('2021', values, 'pipe'));
}

function codes(text: string): string[] {
  const doc = openDocument(text);
  const out: string[] = [];
  for (let i = 0; i < doc.count; i++) for (const f of doc.findings(i)) out.push(f.code);
  return out.filter((c) => c.startsWith('table')).sort();
}

test('a blank among the parts that could hold the difference: only the blank is reported', () => {
  const t = build({
    newReceived: row(3, 0, 0, 0, 0, 0, 3),
    granted: row('', 0, 0, 0, 0, 0, 2), // 自然人 blank; 2 would make every sum hold
    'unable.notHeld': row(1, 0, 0, 0, 0, 0, 1),
    totalProcessed: row(3, 0, 0, 0, 0, 0, 3),
  });
  assert.deepEqual(codes(t), ['table.cell-blank']);
});

test('a blank total whose parts are written: only the blank is reported', () => {
  const t = build({
    newReceived: row(3, 0, 0, 0, 0, 0, ''),
    granted: row(3, 0, 0, 0, 0, 0, 3),
    totalProcessed: row(3, 0, 0, 0, 0, 0, 3),
  });
  assert.deepEqual(codes(t), ['table.cell-blank']);
});

test('known parts already larger than the written total: the sum fails whatever the blank holds', () => {
  const t = build({
    newReceived: row(3, 0, 0, 0, 0, 0, 3),
    granted: row(2, '', 0, 0, 0, 0, 5), // 2 + blank + 0… = 5: could hold (blank 3) — row total silent
    totalProcessed: row(2, 0, 0, 0, 0, 0, 2),
  });
  // （七）总计 总计 column 2 < 予以公开 总计 5 with no blank on the parts' side: outcome total fails;
  // the 商业企业 column: （七） 0 vs blank — could hold only if the blank is 0: silent.
  const c = codes(t);
  assert.ok(c.includes('table3.outcome-total'), c.join());
  assert.ok(!c.includes('table3.row-total'), c.join());
  assert.equal(c.filter((x) => x === 'table.cell-blank').length, 1);
});

test('without blanks nothing changes: a wrong total is an error', () => {
  const t = build({
    newReceived: row(3, 0, 0, 0, 0, 0, 3),
    granted: row(2, 0, 0, 0, 0, 0, 3),
    totalProcessed: row(3, 0, 0, 0, 0, 0, 3),
  });
  assert.ok(codes(t).includes('table3.row-total'));
});

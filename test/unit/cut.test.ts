// A text cut short (a copy that stops mid-table) gets report.truncated, and nothing about the row or
// section the cut falls in: a label cut in two is no typo, a row whose last values were cut has no
// wrong count, a section whose table was cut off has no missing table. Reports of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDocument } from '../../server/src/core/index';
import { renderSkeleton } from '../../server/src/core/features/render';

const full = renderSkeleton('2021', 'pipe', '某某县档案局', 2023);

function codes(text: string): string[] {
  const doc = openDocument(text);
  const out: string[] = [];
  for (let i = 0; i < doc.count; i++)
    for (const f of doc.findings(i)) if (f.severity !== 'information') out.push(f.code);
  return out.sort();
}

/** The skeleton cut `chars` characters into the first line that holds `label`. */
function cutAt(label: string, chars: number): string {
  const i = full.indexOf(label);
  assert.ok(i >= 0, label);
  return full.slice(0, i + chars) + '\n';
}

test('the skeleton itself is whole', () => {
  assert.ok(!codes(full).includes('report.truncated'));
});

test('a label cut in two at the end of the text is not a typo', () => {
  const t = cutAt('1.属于国家秘密', '1.属于国家秘'.length);
  assert.deepEqual(codes(t), ['report.truncated']);
});

test('a row whose last values were cut has no wrong count', () => {
  const line = full.slice(full.indexOf('5.属于三类内部事务信息'));
  const upToSixth = line.split('|').slice(0, 7).join('|') + '|'; // label and six values
  const t = cutAt('5.属于三类内部事务信息', upToSixth.length);
  assert.deepEqual(codes(t), ['report.truncated']);
});

test('a section whose table was cut off after its caption has no missing table', () => {
  const t = cutAt('第二十条第（一）项', '第二十条第（一）项'.length);
  assert.deepEqual(codes(t), ['report.truncated']);
});

test('a row short of a value in the middle of a whole table is still a wrong count', () => {
  const line = full.slice(full.indexOf('5.属于三类内部事务信息')).split('\n')[0]!;
  const short = line.replace(/\| 0 \|$/, '|').replace(/ \| 0 \|\s*$/, ' |');
  assert.notEqual(short, line);
  assert.ok(codes(full.replace(line, short)).includes('table.cell-count'));
});

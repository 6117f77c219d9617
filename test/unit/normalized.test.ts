// The whole normalized JSON of every complete report equals the fixture checked by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { lineIndex, normalizeReport } from '../../server/src/core/export';
import { completeFiles, expected, readCorpus } from './helpers';

for (const name of completeFiles()) {
  test(`normalized tables: ${name}`, () => {
    const text = readCorpus(name);
    const li = lineIndex(text);
    const reports = parse(text).reports.map((r) => normalizeReport(r, li));
    assert.deepEqual(JSON.parse(JSON.stringify({ reports })), expected(name));
  });
}

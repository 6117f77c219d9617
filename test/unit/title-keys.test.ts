/**
 * The command line's sniff of title lines (core `titleKeys`): it analyses only the lines that hold
 * 年 (and the line above each), and must give exactly the keys a reading of the whole analysis
 * text gives (a key missed would check a report before last year's, read later, is known).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyOrganKey, reportKey, titleKeys } from '../../server/src/core/rules/check';
import { findTitle, htmlKind } from '../../server/src/core/parse';
import { TITLE_PATTERN } from '../../server/src/core/template';
import { analysisFragment, analysisText, readsAs } from '../../server/src/core/text/normalize';
import { corpusFiles, readCorpus } from './helpers';

/** The sniff as it was: every line of the whole analysis text. */
function reference(source: string): Set<string> | null {
  if (htmlKind(source)) return null;
  const text = analysisText(source).text;
  const keys = new Set<string>();
  let prev = -1;
  const BREAK = /\r\n?|\n/g;
  for (let pos = 0; pos <= text.length;) {
    BREAK.lastIndex = pos;
    const m = BREAK.exec(text);
    const nl = m ? m.index : text.length;
    const line = text.slice(pos, nl).trim();
    if (line) {
      if (line.includes('年')) {
        if (line.length > 80) {
          const compacted = line.replace(/\s+/g, '');
          if (TITLE_PATTERN.test(compacted))
            for (const y of compacted.matchAll(/(\d{4})年/g)) keys.add(anyOrganKey(+y[1]!));
        } else {
          const t = findTitle(text, prev >= 0 ? prev : pos, nl);
          if (t && t.organ && t.year !== null) keys.add(reportKey(t.organ, t.year));
        }
      }
      prev = pos;
    }
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return keys;
}

const sorted = (s: Set<string> | null) => (s ? [...s].sort() : null);

test('the sniff of title lines gives the keys of a whole reading, on every corpus file and its line-break variants', () => {
  let keys = 0;
  for (const name of corpusFiles()) {
    const text = readCorpus(name);
    for (const variant of [
      text,
      text.replace(/\r?\n/g, '\r\n'),
      text.replace(/\r?\n/g, '\r'),
      text.replace(/\n/g, '\n\u3000\n'),
    ]) {
      const want = sorted(reference(variant));
      assert.deepEqual(sorted(titleKeys(variant)), want, name);
      keys += want?.length ?? 0;
    }
  }
  assert.ok(keys > 40, `keys found: ${keys}`);
});

test('the sniff of title lines: the organ on a line above (past blank lines), a title inside a long line, Traditional, pinyin', () => {
  const cases = [
    '洪泽区人民政府\n\n  \n2023 年政府信息公开工作年度报告\n一、总体情况\n',
    '洪泽区人民政府\r\n\r\n2023年政府信息公开工作年度报告\r\n',
    '说明：\n2023年度政府信息公开工作年度报告\n',
    `${'前言'.repeat(50)}某某市人民政府2022年政府信息公开工作年度报告${'正文'.repeat(50)}2021年`,
    '臺北市政府2023年政府資訊公開工作年度報告\n一、總體情況\n本機關(guān)全年受理申請，處(chù)理完畢。',
    '某县人民政府２０２３年政府信息公开工作年度报告\n',
    '某县人民政府　2023年政府信息公开工作年度报告\n',
    '\n\n2024年\n',
    // a line that cannot be a title below one that is (findTitle reads the line above alone)
    '某某县人民政府2023年政府信息公开工作年度报告\n2023年\n',
    '2023年政府信息公开工作年度报告\n\n2024年数据\n',
    '洪泽区人民政府\n2023年政府信息公开工作年度报告\n2024年数据\n二〇二四年\n',
    '臺北市政府\n2023年政府資訊公開工作年度報告\n2024年\n',
    '',
  ];
  for (const c of cases) assert.deepEqual(sorted(titleKeys(c)), sorted(reference(c)), JSON.stringify(c));
  assert.deepEqual(sorted(titleKeys(cases[0]!)), [reportKey('洪泽区人民政府', 2023)].sort());
});

test('readsAs finds every code unit the analysis text reads as 年, 开, 报 or (, in a Simplified and a Traditional document', () => {
  for (const target of ['年', '开', '报', '(']) {
    const re = readsAs(target);
    for (const traditional of [false, true]) {
      let found = 0;
      for (let c = 0; c < 65536; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const ch = String.fromCharCode(c);
        re.lastIndex = 0;
        const hit = re.test(ch);
        if (hit) found++;
        if (analysisFragment(ch, traditional, []) === target)
          assert.ok(hit, `${target} U+${c.toString(16)} ${traditional}`);
      }
      // the character itself and its variants, not every character
      assert.ok(found >= 1 && found < 10, `${target} ${found}`);
    }
  }
  for (const [ch, variant] of [
    ['开', '開'],
    ['报', '報'],
    ['(', '（'],
  ]) {
    const re = readsAs(ch!);
    re.lastIndex = 0;
    assert.ok(re.test(variant!), variant);
  }
});

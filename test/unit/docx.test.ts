import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openDocument } from '../../server/src/core/index';
import { normalizeReport, lineIndex } from '../../server/src/core/export';
import { readDocx } from '../../server/src/readers/docx/index';
import type { ReadResult } from '../../server/src/readers/rendering';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const made = join(fixtures, 'made');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function textOf(r: ReadResult): string {
  if (!r.ok) assert.fail(`not read: ${r.reason} ${r.detail ?? ''}`);
  return r.rendering.text;
}

/** A .docx package of our own: a body (w:p / w:tbl elements) and optional numbering and styles. */
function docx(body: string, numbering?: string, styles?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ),
  };
  if (numbering) files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W}">${numbering}</w:numbering>`);
  if (styles) files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${styles}</w:styles>`);
  return zipSync(files);
}

const p = (text: string, pPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const num = (id: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, start = 1): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

/** The reports the made files were made from: the seeds, and real-008 / real-010 with their real defects. */
function sources(): Map<string, { expected: string; serious: string[] }> {
  const out = new Map<string, { expected: string; serious: string[] }>();
  for (const n of readdirSync(join(fixtures, 'expected'))) {
    const m = /^(\d{3}|real-\d{3})_/.exec(n);
    if (!m) continue;
    const findings = readFileSync(join(fixtures, 'expected-findings', n.replace(/\.json$/, '.txt')), 'utf8');
    const serious = [...findings.matchAll(/^L\d+ (?:error|warning) (\S+)/gm)].map((x) => x[1]!);
    out.set(/^\d/.test(m[1]!) ? `seed-${m[1]}` : m[1]!, { expected: n, serious });
  }
  return out;
}

const seriousCodes = (text: string): string[] =>
  openDocument(text)
    .allFindings()
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => f.code)
    .sort();

test('every made .docx reads to the tables of its report; clean seeds get no error or warning, real defects are found', () => {
  const docs = readdirSync(made).filter((n) => n.endsWith('.docx'));
  assert.ok(docs.length >= 8, 'a .docx per seed, real-008, real-010 and the numbered one');
  const bySource = sources();
  for (const name of docs) {
    const source = bySource.get(/^(seed|real)-\d{3}/.exec(name)![0])!;
    const text = textOf(readDocx(readFileSync(join(made, name))));
    const li = lineIndex(text);
    const doc = openDocument(text);
    const reports = doc.model().reports.map((r) => normalizeReport(r, li));
    const expected = JSON.parse(readFileSync(join(fixtures, 'expected', source.expected), 'utf8')).reports;
    assert.equal(reports.length, expected.length, name);
    for (let i = 0; i < reports.length; i++) {
      for (const k of ['format', 'year', 'active', 'applications', 'review'] as const) {
        assert.deepEqual(reports[i]![k], expected[i][k], `${name}: ${k}`);
      }
    }
    // The copy finds what the source text finds (less the pinyin the page left out), nothing more.
    const codes = seriousCodes(text);
    for (const code of codes) assert.ok(source.serious.includes(code), `${name}: ${code}`);
    if (source.serious.length === 0) assert.deepEqual(codes, [], name);
    if (name.startsWith('real-008')) assert.equal(codes.filter((c) => c === 'table4.total').length, 2, name);
    if (name.startsWith('real-010')) assert.ok(codes.includes('narrative.mismatch'), name);
  }
});

test('headings typed as Word automatic numbering read with their numerals', () => {
  const bytes = readFileSync(join(made, 'seed-002.numbered.docx'));
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    .replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')
    .replace(/<[^>]*>/g, '');
  assert.ok(!/[一二三四五六]、|[（(][一二三四五][）)]/.test(xml), 'the fixture types no heading numeral');
  assert.match(strFromU8(unzipSync(bytes)['word/numbering.xml']!), /chineseCounting/);
  const text = textOf(readDocx(bytes));
  const report = openDocument(text).report(0)!;
  assert.deepEqual(
    report.sections.map((s) => s.number),
    [1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual(
    report.overviewHeadings.map((h) => h.numbering.replace('(', '（').replace(')', '）')),
    ['（一）', '（二）', '（三）', '（四）', '（五）'],
  );
  assert.match(text, /^一、总体情况$/m);
  assert.match(text, /^（一）主动公开情况：/m);
  assert.match(text, /^六、其他需要报告的事项$/m);
});

test('list counters: shared by the lists of one definition (as Word counts), deeper levels restart, start and startOverride', () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}` +
    `${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.', 9)}${lvl(1, 'bullet', '•')}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/>` +
    `</w:lvlOverride></w:num>`;
  const body = [
    p('总体情况', num(1)),
    p('主动公开', num(1, 1)),
    p('依申请公开', num(1, 1)),
    p('其他', num(1, 2)),
    p('主动公开政府信息情况', num(1)),
    p('予以公开', num(1, 1)),
    p('九', num(2)),
    p('十', num(2)),
    p('点', num(2, 1)),
    p('十一', num(3)),
    p('二十', num(3)),
    p('同一列表', num(1)),
    p('子项', num(1, 1)),
    p('没有编号', num(0)),
  ].join('');
  const text = textOf(readDocx(docx(body, numbering)));
  assert.equal(
    text,
    [
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1.其他',
      '二、主动公开政府信息情况',
      '（一）予以公开',
      '9.九',
      '10.十',
      '点',
      '十一、十一',
      '十二、二十',
      '十三、同一列表',
      '（一）子项',
      '没有编号',
      '',
    ].join('\n'),
  );
});

test('numbering given by a paragraph style, through basedOn', () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="5">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="5"/></w:num>`;
  const styles =
    `<w:style w:type="paragraph" w:styleId="H1"><w:pPr>${num(4)}</w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>`;
  const body =
    p('总体情况', '<w:pStyle w:val="H1"/>') + p('正文') + p('主动公开政府信息情况', '<w:pStyle w:val="H1x"/>');
  assert.equal(textOf(readDocx(docx(body, numbering, styles))), '一、总体情况\n正文\n二、主动公开政府信息情况\n');
});

test('tables: one line per row, gridSpan cells once, vMerge continuations left out, blank cells empty', () => {
  const tc = (t: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr>${t === '' ? '<w:p/>' : p(t)}</w:tc>`;
  const body =
    '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
    `<w:tr>${tc('信息内容')}${tc('本年处理决定数量', '<w:gridSpan w:val="2"/>')}</w:tr>` +
    `<w:tr>${tc('（三）不予公开', '<w:vMerge w:val="restart"/>')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>` +
    `<w:tr>${tc('', '<w:vMerge/>')}${tc('2.其他法律行政法规禁止公开')}${tc('')}</w:tr>` +
    `<w:tr>${tc('a|b')}<w:tc><w:p><w:r><w:t>行政</w:t></w:r></w:p><w:p><w:r><w:t>复议</w:t></w:r></w:p></w:tc></w:tr>` +
    '</w:tbl>' +
    p('表后');
  assert.equal(
    textOf(readDocx(docx(body))),
    [
      '| 信息内容 | 本年处理决定数量 |',
      '| （三）不予公开 | 1.属于国家秘密 | 0 |',
      '| 2.其他法律行政法规禁止公开 |  |',
      '| a¦b | 行政复议 |',
      '表后',
      '',
    ].join('\n'),
  );
});

test('deleted text, field codes and fallback copies are not read; breaks and tabs are', () => {
  const body =
    '<w:p><w:r><w:t>收到</w:t></w:r><w:del><w:r><w:delText>17</w:delText></w:r></w:del>' +
    '<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>95</w:t></w:r></w:ins>' +
    '<w:r><w:t>件</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>&lt;&amp;&#x4E00;</w:t></w:r></w:p>' +
    '<w:p><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:r><w:t>框</w:t></w:r></mc:Choice>' +
    '<mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>';
  assert.equal(textOf(readDocx(docx(body))), '收到95件\n第二行 <&一\n框\n');
});

/** An OLE compound file header, with a directory entry name when given. */
function ole(name?: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (name) for (let i = 0; i < name.length; i++) bytes[1024 + 2 * i] = name.charCodeAt(i);
  return bytes;
}

test('.doc/.wps, encrypted, and bytes that are not a Word package give a reason, never a throw', () => {
  assert.deepEqual(readDocx(ole('WordDocument')), { ok: false, reason: 'legacy-word' });
  assert.deepEqual(readDocx(ole('EncryptionInfo')), { ok: false, reason: 'encrypted' });
  const reason = (b: Uint8Array): string => {
    const r = readDocx(b);
    return r.ok ? 'ok' : r.reason;
  };
  assert.equal(reason(new Uint8Array(0)), 'corrupt');
  assert.equal(reason(strToU8('%PDF-1.7')), 'corrupt');
  assert.equal(reason(zipSync({ 'a.txt': strToU8('x') })), 'corrupt');
  const good = readFileSync(join(made, 'seed-000.docx'));
  assert.equal(reason(good.subarray(0, good.length >> 1)), 'corrupt');
  // Damaged bytes anywhere: a reason or a reading, within a bound.
  const started = Date.now();
  for (let k = 0; k < 60; k++) {
    const b = new Uint8Array(good);
    const at = (k * 7919) % b.length;
    b[at] = b[at]! ^ 0xff;
    const r = readDocx(b);
    assert.ok(r.ok || ['corrupt', 'legacy-word', 'encrypted'].includes(r.reason));
  }
  assert.ok(Date.now() - started < 30_000, 'answers within 30 s');
});

test('a document part declared larger than the cap is not inflated', () => {
  const bytes = docx(p('正文'));
  // Patch the central directory entry of word/document.xml: uncompressed size 100 MB.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let patched = 0;
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (strFromU8(bytes.subarray(i + 46, i + 46 + nameLength)) !== 'word/document.xml') continue;
    view.setUint32(i + 24, 100 * 1024 * 1024, true);
    patched++;
  }
  assert.equal(patched, 1);
  const r = readDocx(bytes);
  assert.ok(!r.ok && r.reason === 'corrupt' && /too large/.test(r.detail ?? ''), JSON.stringify(r));
});

test('hostile XML (a huge tag, stray < and &) answers within 5 s', () => {
  const started = Date.now();
  const body = `<w:p x${'a'.repeat(1_000_000)}/>` + p('<'.repeat(50_000).replace(/</g, '&lt;') + '&'.repeat(50_000));
  const r = readDocx(docx(body + '<'.repeat(100_000) + ' a=' + 'b '.repeat(100_000)));
  assert.ok(r.ok || r.reason === 'corrupt');
  assert.ok(Date.now() - started < 5000, 'answers within 5 s');
});

test('phonetic guides (w:ruby) and hidden text (w:vanish) are not read into the text', () => {
  const ruby =
    '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>bào</w:t></w:r></w:rt>' +
    '<w:rubyBase><w:r><w:t>报</w:t></w:r></w:rubyBase></w:ruby></w:r>';
  const body =
    `<w:p><w:r><w:t>年</w:t></w:r>${ruby}<w:r><w:t>告</w:t></w:r></w:p>` +
    '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r>' +
    '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r></w:p>';
  assert.equal(textOf(readDocx(docx(body))), '年报告\n可见也可见\n');
});

test('a document part cut short keeps the text read so far', () => {
  const files = unzipSync(docx(p('第一段') + '<w:tbl><w:tr><w:tc>' + p('行政许可') + '<w:tc>' + p('3')));
  const xml = strFromU8(files['word/document.xml']!);
  files['word/document.xml'] = strToU8(xml.slice(0, xml.indexOf('</w:body>')));
  assert.equal(textOf(readDocx(zipSync(files))), '第一段\n| 行政许可 | 3 |\n');
});

test('lvlRestart: 0 never restarts a level; n restarts it only when level n or a higher one is used', () => {
  const restart = (ilvl: number, fmt: string, text: string, r: number): string =>
    lvl(ilvl, fmt, text).replace('</w:lvl>', `<w:lvlRestart w:val="${r}"/></w:lvl>`);
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}` +
    `${restart(1, 'decimal', '%2.', 0)}${restart(2, 'decimal', '(%3)', 1)}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const body = [
    p('甲', num(1)),
    p('a', num(1, 1)),
    p('x', num(1, 2)),
    p('乙', num(1)),
    p('b', num(1, 1)),
    p('y', num(1, 2)),
    p('c', num(1, 1)),
    p('z', num(1, 2)),
  ].join('');
  assert.equal(textOf(readDocx(docx(body, numbering))), '一、甲\n1.a\n(1)x\n二、乙\n2.b\n(1)y\n3.c\n(2)z\n');
});

// The PDF reader: real PDFs and PDFs made from the seeds read to the same tables and findings as
// their text copies; PDFs it cannot read say why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readPdf } from '../../server/src/readers/pdf/index';
import { LineIndex, localize, normalizeReport, openDocument } from '../../server/src/core/index';
import { FIXTURES, completeFiles } from './helpers';

const bytes = (p: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, p)));

/** The tables, format and year of every report of a rendering, as the normalized JSON has them. */
function tablesOf(text: string): unknown[] {
  const li = new LineIndex(text);
  return openDocument(text)
    .model()
    .reports.map((r) => {
      const n = normalizeReport(r, (o: number) => li.positionAt(o).line);
      return { format: n.format, year: n.year, active: n.active, applications: n.applications, review: n.review };
    });
}

function expectedTables(corpusName: string): unknown[] {
  const e = JSON.parse(readFileSync(join(FIXTURES, 'expected', corpusName.replace(/\.[a-z]+$/, '.json')), 'utf8'));
  return (e.reports as Record<string, unknown>[]).map((n) => ({
    format: n.format,
    year: n.year,
    active: n.active,
    applications: n.applications,
    review: n.review,
  }));
}

/** Findings without their line: `severity code message`, sorted. */
function findingsOf(text: string): string[] {
  const doc = openDocument(text);
  return doc
    .allFindings()
    .map((f) => `${f.severity} ${f.code} ${localize(f.message)}`)
    .sort();
}
function expectedFindings(corpusName: string): string[] {
  return readFileSync(join(FIXTURES, 'expected-findings', corpusName.replace(/\.[a-z]+$/, '.txt')), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^L\d+ /, ''))
    .sort();
}

const rendered = new Map<string, string>();
async function render(path: string): Promise<string> {
  const known = rendered.get(path);
  if (known !== undefined) return known;
  const r = await readPdf(bytes(path));
  assert.ok(r.ok, `${path}: ${r.ok ? '' : r.reason}`);
  rendered.set(path, r.rendering.text);
  return r.rendering.text;
}

for (const [pdf, copy] of [
  ['pdf/008_hongze-district-2023.pdf', 'real-008_hongze-district-2023_pdf-layout.txt'],
  ['pdf/010_hongze-district-2024.pdf', 'real-010_hongze-district-2024_pdf-layout.txt'],
] as const) {
  test(`${pdf}: every table value equals the text copy's, with the same findings`, async () => {
    const text = await render(pdf);
    assert.deepEqual(tablesOf(text), expectedTables(copy));
    assert.deepEqual(findingsOf(text), expectedFindings(copy));
  });
}

test('the real defects are found: table 四 of 008, the prose 17 against 95 of 010', async () => {
  const f8 = findingsOf(await render('pdf/008_hongze-district-2023.pdf'));
  assert.equal(f8.filter((f) => f.startsWith('error table4.total ')).length, 2);
  const f10 = openDocument(await render('pdf/010_hongze-district-2024.pdf')).allFindings();
  const m = f10.find((f) => f.code === 'narrative.mismatch');
  assert.ok(m && /17/.test(localize(m.message)) && /95/.test(localize(m.message)));
});

test('a rendering: prose one paragraph a line, tables as pipe rows, no page numbers, page starts', async () => {
  const r = await readPdf(bytes('pdf/010_hongze-district-2024.pdf'));
  assert.ok(r.ok);
  const { text, pages } = r.rendering;
  assert.equal(r.rendering.kind, 'pdf');
  const lines = text.split('\n');
  assert.ok(lines.includes('| 一、本年新收政府信息公开申请数量 | 95 | 0 | 0 | 0 | 0 | 0 | 95 |'));
  // the sentence with 17 is on one line with the rest of its paragraph
  assert.ok(lines.some((l) => l.startsWith('（二）依申请公开情况。') && l.includes('17件，均已在法定期限内')));
  assert.ok(!lines.some((l) => /^\s*-\s*\d+\s*-\s*$/.test(l)), 'page numbers dropped');
  assert.equal(pages?.length, 5);
  assert.equal(pages?.[0]?.start, 0);
  for (let i = 1; i < (pages?.length ?? 0); i++) assert.ok(pages![i]!.start >= pages![i - 1]!.start);
});

const made = existsSync(join(FIXTURES, 'made'))
  ? readdirSync(join(FIXTURES, 'made'))
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];
for (const name of made) {
  test(`made/${name}: every value equals the seed's expected tables, with the seed's findings`, async () => {
    const seed = /^seed-(\d{3})\./.exec(name)?.[1];
    const copy = completeFiles().find((f) => f.startsWith(`${seed}_`));
    assert.ok(copy, name);
    const text = await render(`made/${name}`);
    assert.deepEqual(tablesOf(text), expectedTables(copy));
    // the made pages leave out the seed's leftover pinyin annotations, and with them their findings
    const noPinyin = (fs: string[]): string[] => fs.filter((f) => !f.includes(' text.pinyin-annotation '));
    assert.deepEqual(noPinyin(findingsOf(text)), noPinyin(expectedFindings(copy)));
  });
}

const HELVETICA = ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];

/** A one-page PDF drawing `content` (Helvetica as /F1), with more trailer entries and objects. */
function makePdf(content: string, trailer = '', extra: string[] = [], size = 842, font = HELVETICA): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size} ${size}] /Contents 4 0 R ` +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...font,
    ...extra,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

test('a table drawn without lines keeps its rows apart and its cells spaced', async () => {
  const row = (y: number, cells: string[]): string =>
    `BT /F1 12 Tf 72 ${y} Td (${cells[0]}) Tj 200 0 Td (${cells[1]}) Tj 100 0 Td (${cells[2]}) Tj ET`;
  const content = [row(700, ['Alpha', '5', '6']), row(685, ['Beta', '7', '8']), 'BT /F1 12 Tf 72 650 Td (Note) Tj ET'];
  const r = await readPdf(makePdf(content.join('\n')));
  assert.ok(r.ok);
  assert.deepEqual(r.rendering.text.split('\n').filter(Boolean), ['Alpha 5 6', 'Beta 7 8', 'Note']);
});

test('a page ruled like graph paper (four million grid cells) is read within a bound, not as a table', async () => {
  const lines: string[] = ['0.1 w'];
  for (let i = 0; i < 1900; i++) {
    const p = 40 + i * 3;
    lines.push(`40 ${p} m 5740 ${p} l S`, `${p} 40 m ${p} 5740 l S`);
  }
  lines.push('BT /F1 12 Tf 72 5800 Td (Graph) Tj ET');
  const t0 = Date.now();
  const r = await readPdf(makePdf(lines.join('\n'), '', [], 6000));
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
  assert.ok(r.ok && r.rendering.text.includes('Graph'));
});

function songPdf(): Uint8Array {
  const font = [
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 ' +
      '/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return makePdf('BT /F1 12 Tf 72 700 Td <4E004E8C> Tj ET', '', [], 842, font);
}

test('a PDF whose Chinese font is not embedded (STSong-Light, UniGB-UCS2-H) is read with the character maps', async () => {
  const pdf = songPdf();
  const cMapUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps/');
  const r = await readPdf(pdf, { cMapUrl });
  assert.equal(r.ok ? r.rendering.text : r.reason, '一二\n');
});

test('the built CLI reads a PDF whose Chinese font is not embedded (its character maps ship with the readers)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmap-'));
  const file = join(dir, 'song.pdf');
  writeFileSync(file, songPdf());
  let out = '';
  try {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'check', file], {
      encoding: 'utf8',
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout);
  }
  // text was found (一二 is no report), not a page without text
  assert.match(out, /report\.not-found/);
  assert.doesNotMatch(out, /扫描件/);
});

test('a PDF that needs a password is "encrypted"', async () => {
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`;
  const id = `<${'01'.repeat(16)}>`;
  const r = await readPdf(
    makePdf('BT /F1 12 Tf 72 700 Td (Secret) Tj ET', `/Encrypt 6 0 R /ID [${id} ${id}]`, [encrypt]),
  );
  assert.deepEqual(r, { ok: false, reason: 'encrypted' });
});

test('a PDF without text is "scanned"; random bytes, an empty file and a cut PDF are "corrupt" or read', async () => {
  // a page that fills a box and writes nothing (a scan without its image)
  assert.deepEqual(await readPdf(makePdf('0 0 0 rg 100 100 395 642 re f')), { ok: false, reason: 'scanned' });
  let seed = 7;
  const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
  const r = await readPdf(random);
  assert.equal(r.ok ? 'ok' : r.reason, 'corrupt');
  const empty = await readPdf(new Uint8Array(0));
  assert.equal(empty.ok ? 'ok' : empty.reason, 'corrupt');
  const real = bytes('pdf/008_hongze-district-2023.pdf');
  const cut = await readPdf(real.slice(0, real.length >> 1));
  assert.ok(cut.ok || cut.reason === 'corrupt' || cut.reason === 'scanned');
  // the caller's bytes are not taken over by pdfjs (it detaches the buffer it is given)
  assert.equal(real.byteLength, readFileSync(join(FIXTURES, 'pdf/008_hongze-district-2023.pdf')).byteLength);
  await readPdf(real);
  assert.equal(real.byteLength, readFileSync(join(FIXTURES, 'pdf/008_hongze-district-2023.pdf')).byteLength);
});

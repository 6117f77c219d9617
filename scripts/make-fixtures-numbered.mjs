// Turns a .docx made by LibreOffice into one whose headings are Word automatic list numbering, as a
// clerk's Word file often has them: the typed numerals of the six section headings (一、) and of the
// sub-headings of 一、总体情况 (（一）) are removed from the text and given back by numbering.xml
// (chineseCounting, lvlText `%1、` at level 0 and `（%2）` at level 1, which restarts after each level 0).
// Usage: node scripts/make-fixtures-numbered.mjs in.docx out.docx
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const [input, output] = process.argv.slice(2);
const files = unzipSync(readFileSync(input));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>\
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>\
<w:lvlJc w:val="left"/></w:lvl>\
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>\
<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>\
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;

const section = /^[一二三四五六]、/;
const sub = /^[（(][一二三四五六七八九十][）)]/;
let doc = strFromU8(files['word/document.xml']);
let inOverview = false;
let count = 0;
// Paragraphs outside tables only: a table's own paragraphs keep their text.
const parts = doc.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/);
for (let i = 0; i < parts.length; i += 2) {
  parts[i] = parts[i].replace(/<w:p>([\s\S]*?)<\/w:p>/g, (whole, inner) => {
    const text = [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    let level = -1;
    if (section.test(text)) {
      level = 0;
      inOverview = text.startsWith('一、');
    } else if (inOverview && sub.test(text)) level = 1;
    if (level < 0) return whole;
    // Drop the numeral (and the spaces after it) from the runs that carry it, however they split it.
    let left = (level === 0 ? section : sub).exec(text)[0].length;
    left += /^\s*/.exec(text.slice(left))[0].length;
    const body = inner.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (m, open, t, close) => {
      if (left === 0) return m;
      const cut = Math.min(left, t.length);
      left -= cut;
      return open + t.slice(cut) + close;
    });
    count++;
    const numPr = `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="3"/></w:numPr>`;
    const withPr = /<w:pPr>/.test(body)
      ? body.replace(/<w:pPr>(<w:pStyle [^>]*\/>)?/, (m) => m + numPr)
      : `<w:pPr>${numPr}</w:pPr>` + body;
    return `<w:p>${withPr}</w:p>`;
  });
}
doc = parts.join('');
files['word/document.xml'] = strToU8(doc);
files['word/numbering.xml'] = strToU8(numbering);
const rels = strFromU8(files['word/_rels/document.xml.rels']);
if (!rels.includes('numbering.xml')) {
  const rel =
    '<Relationship Id="rIdNum1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"' +
    ' Target="numbering.xml"/>';
  files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', rel + '</Relationships>'));
}
const types = strFromU8(files['[Content_Types].xml']);
if (!types.includes('/word/numbering.xml')) {
  const o =
    '<Override PartName="/word/numbering.xml"' +
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>';
  files['[Content_Types].xml'] = strToU8(types.replace('</Types>', o + '</Types>'));
}
writeFileSync(output, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
console.log(`${output}: ${count} headings numbered by Word`);

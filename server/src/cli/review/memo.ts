/**
 * The 审核意见 of one report, in plain official Chinese (English with --locale en): a title, the
 * organ addressed, "经审核，你单位报送的《…》存在以下问题：", the numbered problems by 表 / 行 / 列,
 * the notes, a closing, the reviewing office and a date line left to fill. Written as Markdown and
 * as a minimal Word document (OOXML: three parts zipped with fflate's zipSync, office.ts).
 */
import { localize, type Locale } from '../../core';
import { clean, memoItems, type ReviewRow } from './rows';

export interface Memo {
  title: string;
  to: string;
  /** The intro, or the "nothing to correct" sentence when there is no problem. */
  intro: string;
  problems: string[];
  notesIntro: string;
  notes: string[];
  closing: string;
  signature: string;
  date: string;
}

export function memoOf(row: ReviewRow, locale: Locale): Memo {
  const t = (id: string, args?: Record<string, string | number>) => localize({ id, args }, locale);
  const reportTitle = clean(row.title ?? t('review.memo.unknown-title'));
  const { problems, notes } = memoItems(row, locale);
  return {
    title: t('review.memo.title', { title: reportTitle }),
    to: t('review.memo.to', { organ: clean(row.organ ?? t('review.memo.unknown-organ')) }),
    intro: t(problems.length ? 'review.memo.intro' : 'review.memo.clean', { title: reportTitle }),
    problems,
    notesIntro: t('review.memo.notes'),
    notes,
    closing: t('review.memo.closing'),
    signature: t('review.memo.signature'),
    date: t('review.memo.date'),
  };
}

/** Backslash before the characters Markdown would read as markup. */
const md = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);

export function memoMarkdown(m: Memo): string {
  const out = [`# ${md(m.title)}`, '', md(m.to), '', md(m.intro), ''];
  m.problems.forEach((p, i) => out.push(`${i + 1}. ${md(p)}`));
  if (m.problems.length) out.push('');
  if (m.notes.length) {
    out.push(md(m.notesIntro), '');
    m.notes.forEach((p, i) => out.push(`${i + 1}. ${md(p)}`));
    out.push('');
  }
  if (m.problems.length) out.push(md(m.closing), '');
  out.push(md(m.signature), '', md(m.date), '');
  return out.join('\n');
}

// ---- Word ---------------------------------------------------------------------------------------

const xml = (s: string) =>
  s
    // characters XML 1.0 does not allow (clean() drops the others)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Fonts of official documents: 方正小标宋 for the title, 仿宋 三号 (16 pt) for the text. */
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';

interface Para {
  text: string;
  align?: 'center' | 'right';
  indent?: boolean;
  title?: boolean;
}

function paragraph(p: Para): string {
  const font = p.title ? TITLE_FONT : BODY_FONT;
  const size = p.title ? 44 : 32;
  // in the schema's order: spacing, ind, jc
  const ppr = [
    '<w:spacing w:line="560" w:lineRule="exact"/>',
    p.indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : '',
    p.align ? `<w:jc w:val="${p.align}"/>` : '',
  ].join('');
  const rpr =
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  const run = p.text ? `<w:r><w:rPr>${rpr}</w:rPr><w:t xml:space="preserve">${xml(p.text)}</w:t></w:r>` : '';
  return `<w:p><w:pPr>${ppr}</w:pPr>${run}</w:p>`;
}

export async function memoDocx(m: Memo): Promise<Uint8Array> {
  const paras: Para[] = [{ text: m.title, align: 'center', title: true }, { text: '' }, { text: m.to }];
  paras.push({ text: m.intro, indent: true });
  m.problems.forEach((p, i) => paras.push({ text: `${i + 1}. ${p}`, indent: true }));
  if (m.notes.length) {
    paras.push({ text: m.notesIntro, indent: true });
    m.notes.forEach((p, i) => paras.push({ text: `${i + 1}. ${p}`, indent: true }));
  }
  if (m.problems.length) paras.push({ text: m.closing, indent: true });
  paras.push({ text: '' }, { text: m.signature, align: 'right' }, { text: m.date, align: 'right' });
  const body = paras.map(paragraph).join('');
  const sect =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>' +
    '</w:sectPr>';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const { zipText } = await import('./office');
  return zipText({
    '[Content_Types].xml':
      head +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
    '_rels/.rels':
      head +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      'Target="word/document.xml"/></Relationships>',
    'word/document.xml': `${head}<w:document xmlns:w="${W}"><w:body>${body}${sect}</w:body></w:document>`,
  });
}

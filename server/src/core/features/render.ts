/**
 * Writing the template back as text: rows, whole tables and a report skeleton in one of the
 * layouts the parser reads (pipe rows, tab rows, Markdown tables, one cell per line). Completion,
 * quick fixes, formatting and "new report" all write through here.
 */
import {
  activeTable,
  APPLICANT_COLUMNS,
  applicationRows,
  OVERVIEW_TOPICS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  SECTIONS,
  TABLE3_CORNER_NOTE,
  type Format,
  type TableKind,
} from '../template';
import {
  CAPTION_ARTICLE,
  NUMERALS,
  REPORT_NAME,
  SKELETON,
  TABLE3_HEADER_LINES,
  TABLE4_HEADER_LINES,
  YEAR,
} from '../template/vocabulary';

export type TextLayout = 'pipe' | 'tab' | 'markdown' | 'cell-per-line';

export function renderRow(label: string, values: string[], layout: TextLayout): string {
  switch (layout) {
    case 'tab':
      return [label, ...values].join('\t');
    case 'markdown':
      return `| ${[label, ...values].join(' | ')} |`;
    case 'cell-per-line':
      return [label, ...values].join('\n');
    default:
      return values.length ? `${label} | ${values.join(' | ')} |` : label;
  }
}

/** A line that holds only words (caption, header, group label). */
function line(cells: string[], layout: TextLayout, width: number): string {
  if (layout === 'markdown')
    return `| ${[...cells, ...Array(Math.max(0, width - cells.length)).fill('')].join(' | ')} |`;
  if (layout === 'cell-per-line') return cells.join('\n');
  if (layout === 'tab') return cells.join('\t');
  return cells.length > 1 ? `${cells.join(' | ')} |` : cells[0]!;
}

const mdSeparator = (width: number) => `|${Array(width).fill('---').join('|')}|`;

export type Values = Record<string, string[]>;

const zeros = (n: number) => Array<string>(n).fill('0');

/** Table 二 with the given values (row key → cell texts; zeros where absent). */
export function renderActive(format: Format, values: Values, layout: TextLayout): string {
  const out: string[] = [];
  const width = 4;
  activeTable(format).captions.forEach((cap, i) => {
    if (layout === 'markdown') {
      if (i === 0) out.push(line([CAPTION_ARTICLE, '', '', ''], layout, width), mdSeparator(width));
      out.push(line([cap.label], layout, width));
    } else out.push(cap.label);
    out.push(line(cap.header, layout, width));
    for (const r of cap.rows)
      out.push(renderRow(r.label, values[r.key] ?? zeros(r.values), layout === 'markdown' ? 'markdown' : layout));
  });
  return out.join('\n');
}

/** Table 三 with the given values. */
export function renderApplications(format: Format, values: Values, layout: TextLayout): string {
  const out: string[] = [];
  if (layout === 'markdown') {
    out.push(`| ${TABLE3_CORNER_NOTE} | ${APPLICANT_COLUMNS.join(' | ')} |`, mdSeparator(8));
  } else {
    for (const cells of TABLE3_HEADER_LINES) out.push(line([...cells], layout, 8));
  }
  for (const r of applicationRows(format)) {
    if (!r.values) out.push(line([r.label], layout, 8));
    else out.push(renderRow(r.label, values[r.key] ?? zeros(7), layout));
  }
  return out.join('\n');
}

/** Table 四 with the given fifteen values. */
export function renderReview(values: string[] | undefined, layout: TextLayout): string {
  const v = values ?? zeros(15);
  if (layout === 'markdown') {
    const head = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `${b.title}·${c}`));
    return [`| ${head.join(' | ')} |`, mdSeparator(15), `| ${v.join(' | ')} |`].join('\n');
  }
  const rows = [
    ...TABLE4_HEADER_LINES.map((cells) => line([...cells], layout, 15)),
    line([...REVIEW_COLUMNS, ...REVIEW_COLUMNS], layout, 15),
    layout === 'tab' ? v.join('\t') : layout === 'cell-per-line' ? v.join('\n') : `${v.join(' | ')} |`,
  ];
  return rows.join('\n');
}

export function renderTable(kind: TableKind, format: Format, layout: TextLayout): string {
  if (kind === 'active') return renderActive(format, {}, layout);
  if (kind === 'applications') return renderApplications(format, {}, layout);
  return renderReview(undefined, layout);
}

/** The year a skeleton writes when it is given none (the core reads no clock): a placeholder. */
const YEAR_PLACEHOLDER = '20XX';

/** A whole report to fill in: title, the six sections, the five topics of 一, empty tables. The year
 *  is the statistics year the clerk writes for (features/completion.ts templateYear), given by the
 *  caller: without one the title holds a placeholder. */
export function renderSkeleton(
  format: Format,
  layout: TextLayout,
  organ: string = SKELETON.organ,
  year?: number,
): string {
  const out: string[] = [`${organ}${year ?? YEAR_PLACEHOLDER}${YEAR}${REPORT_NAME}`, ''];
  for (const s of SECTIONS) {
    out.push(`${s.numeral}、${s.title}`);
    if (s.number === 1) {
      OVERVIEW_TOPICS.forEach((t, i) => out.push(`（${NUMERALS[i]}）${t.title}`, ''));
    } else if (s.number === 2) out.push(renderActive(format, {}, layout));
    else if (s.number === 3) out.push(renderApplications(format, {}, layout));
    else if (s.number === 4) out.push(renderReview(undefined, layout));
    else if (s.number === 6) out.push(SKELETON.feeSentence);
    else out.push('');
    out.push('');
  }
  return out.join('\n');
}

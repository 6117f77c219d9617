/** The title line (organ and year) and the year a report is about. */
import { forEachLine } from '../text/lines';
import type { Range } from '../model';
import { TITLE_PATTERN } from '../template';
import { STATISTICS_PERIOD, TITLE_ABOUT, TITLE_META_LABELS, YEAR, YEAR_SUFFIX } from '../template/vocabulary';
import { anyOf, escapeRegExp } from '../text/pattern';

export interface TitleInfo {
  title: string;
  range: Range;
  organ: string | null;
  year: number | null;
}

const META_PREFIX = new RegExp(`^(?:[-*•]\\s*)?(?:${anyOf(TITLE_META_LABELS)})\\s*[:：]\\s*`);
/** A title that begins with its year: the organ may stand on the line above. */
const YEAR_FIRST = new RegExp(`^\\d{4}${escapeRegExp(YEAR)}`);
/** `<organ><year>年(度)<more of the organ>政府信息公开工作年度报告`. */
const ORGAN_YEAR = new RegExp(
  `^(.*?)(\\d{4})\\s*${escapeRegExp(YEAR)}${escapeRegExp(YEAR_SUFFIX)}?(.*?)(?:${TITLE_PATTERN.source})`,
);
/** What is not the organ's name: `关于` first, book-title marks and quotes. */
const NOT_ORGAN = new RegExp(`^${escapeRegExp(TITLE_ABOUT)}|[《》“”"]`, 'g');

/** The title line: the last line before the first header that names the report. */
export function findTitle(text: string, from: number, to: number): TitleInfo | null {
  let best: TitleInfo | null = null;
  let prevLine: { s: number; e: number } | null = null;
  forEachLine(text, from, to, (pos, nl) => {
    const raw = text.slice(pos, nl);
    const line = raw.trim();
    if (
      line &&
      line.length <= 80 &&
      TITLE_PATTERN.test(line.replace(/\s+/g, '')) &&
      !/[。，,；]|https?:|\.s?html?\b|[/\\]/.test(line.replace(/[，,]\s*$/, ''))
    ) {
      // Heading marks, flip-book page labels and metadata labels (`标题:`) are not the title.
      const t = line
        .replace(/^#+\s*/, '')
        .replace(/^Page\s*\d+\s*[-–—]\s*/i, '')
        .replace(META_PREFIX, '');
      let s = pos + raw.indexOf(line) + line.length - t.length;
      let title = t.replace(/\s+/g, '');
      // `洪泽区人民政府` / `2023 年政府信息公开工作年度报告`: the organ on the line above.
      if (YEAR_FIRST.test(title) && prevLine) {
        const pl = text.slice(prevLine.s, prevLine.e).trim();
        if (pl && pl.length <= 30 && !/[。，,：:]/.test(pl) && !TITLE_PATTERN.test(pl.replace(/\s+/g, ''))) {
          title = pl.replace(/\s+/g, '') + title;
          s = prevLine.s + text.slice(prevLine.s, prevLine.e).indexOf(pl);
        }
      }
      best = {
        title,
        range: { start: s, end: pos + raw.length - (raw.length - raw.trimEnd().length) },
        ...organYear(title),
      };
    }
    if (line) prevLine = { s: pos, e: nl };
  });
  return best;
}

export function organYear(title: string): { organ: string | null; year: number | null } {
  const m = ORGAN_YEAR.exec(title);
  if (!m) return { organ: null, year: null };
  const organ = (m[1]! + m[3]!).replace(NOT_ORGAN, '').trim();
  return { organ: organ || null, year: Number(m[2]) };
}

/** `统计期限…2023年`, and any `2023年`. */
const PERIOD_YEAR = new RegExp(`${escapeRegExp(STATISTICS_PERIOD)}[^。\\n]{0,12}?(\\d{4})\\s*${escapeRegExp(YEAR)}`);
const ANY_YEAR = new RegExp(`(20\\d{2})\\s*${escapeRegExp(YEAR)}`, 'g');

export function yearFromText(text: string, range: Range): number | null {
  const slice = text.slice(range.start, Math.min(range.end, range.start + 20000));
  const period = PERIOD_YEAR.exec(slice);
  if (period) return Number(period[1]);
  const counts = new Map<number, number>();
  for (const m of slice.matchAll(ANY_YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y < best)) [best, n] = [y, c];
  return best;
}

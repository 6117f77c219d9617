/**
 * text.placeholder — a template's placeholder left in the text: （机关名称） and the like in brackets,
 * （单位）/（机关）/（部门） opening a line (elsewhere `各部门（单位）` is ordinary wording), and runs of
 * X, x or × standing for a name, a year or a figure (XX局, 20XX年, ××件) — a run next to another
 * Latin letter (`zfxxgk` in an address) is a word, not a placeholder. Range: the placeholder; one
 * finding each, at most PLACEHOLDER_MAX a report. No fix: only the author knows what goes there.
 */
import { found, type Found, type Rule } from './rule';

/** How many placeholders of one report get a finding. */
export const PLACEHOLDER_MAX = 20;

/** Bracketed placeholders (read in the analysis text: full-width brackets are half-width there). */
const NAMED = /[([【](?:机关名称|单位名称|部门名称|报送单位|填报单位|单位全称|机关全称)[)\]】]/g;

/** A bare （单位） or （机关） opening a line (the title's place in a template). */
const LEADING = /^[ \t\u3000]*([([【](?:单位|机关|部门)[)\]】])/gm;

/** A run of X, x or ×; read whole, then judged by its length and its neighbours. */
const CROSSES = /[Xx×]+/g;

const LATIN = /[A-Za-z]/;

export const textPlaceholder: Rule<'text.placeholder'> = {
  code: 'text.placeholder',
  severity: 'warning',
  // Brackets, words and runs of X beside letters: no digit changes what it finds.
  figures: [],
  description: {
    'zh-CN': '模板中的占位符未替换（（机关名称）、XX、××、（单位））',
    en: 'a placeholder of a template left in the text (（机关名称）, XX, ××, （单位）)',
  },
  messages: {
    'text.placeholder': {
      'zh-CN': '“{text}”是模板中的占位符，请替换为实际内容',
      en: '“{text}” is a placeholder from a template: replace it with the real text',
    },
  },
  check({ report, text, source }) {
    const { start, end } = report.range;
    const body = text.slice(start, end);
    const hits: { start: number; end: number }[] = [];
    for (const m of body.matchAll(NAMED)) hits.push({ start: start + m.index, end: start + m.index + m[0].length });
    for (const m of body.matchAll(LEADING)) {
      const at = start + m.index + m[0].length - m[1]!.length;
      hits.push({ start: at, end: at + m[1]!.length });
    }
    for (const m of body.matchAll(CROSSES)) {
      if (m[0].length < 2) continue;
      const before = body[m.index - 1] ?? '';
      const after = body[m.index + m[0].length] ?? '';
      if (LATIN.test(before) || LATIN.test(after)) continue;
      hits.push({ start: start + m.index, end: start + m.index + m[0].length });
    }
    hits.sort((a, b) => a.start - b.start);
    const out: Found<never>[] = [];
    for (const h of hits) {
      if (out.length >= PLACEHOLDER_MAX) break;
      out.push(found(h, 'text.placeholder', { text: source.slice(h.start, h.end) }));
    }
    return out;
  },
};

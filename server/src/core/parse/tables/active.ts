/** Table 二. */
import { compact } from '../../text/normalize';
import type { ParseNote, Table } from '../../model';
import { noConstraint } from '../split';
import { type StreamResult } from '../tokenize';
import { activeTable, FORMAT_MARKERS, type Format } from '../../template';
import { WAN_YUAN } from '../../template/vocabulary';
import { keepSlots, tokensOf } from './stream';
import { assign } from './assign';
import { toRow, tokensLayout } from './cells';
import { mapped } from '../arrays';

const MARKER_KEYS: Record<Format, Set<string>> = {
  '2021': new Set(FORMAT_MARKERS['2021'].map((w) => compact(w).text)),
  '2019': new Set(FORMAT_MARKERS['2019'].map((w) => compact(w).text)),
};

export interface ActiveResult {
  table: Table;
  /** Format shown by the header words, if any. */
  format: Format | null;
}

/** Table 二. `stream`: its tokens, when the caller has them (`tokensOf`). */
export function readActive(
  text: string,
  start: number,
  end: number,
  hint: Format,
  notes: ParseNote[],
  stream: StreamResult = tokensOf('active', text, start, end),
): ActiveResult {
  const { tokens, layout } = stream;
  const headerWords = tokens
    .filter((t) => t.kind === 'label' && t.hit!.entry.kind !== 'row')
    .map((t) => t.hit!.entry.word ?? compact(t.text).text);
  let v21 = 0;
  let v19 = 0;
  for (const t of tokens) {
    if (t.kind !== 'label') continue;
    const k = t.hit!.entry.key;
    if (MARKER_KEYS['2021'].has(k)) v21++;
    if (MARKER_KEYS['2019'].has(k)) v19++;
  }
  const format: Format | null = v21 > v19 ? '2021' : v19 > v21 ? '2019' : null;
  const fmt = format ?? hint;
  const captions = activeTable(fmt).captions;
  const defs = captions.flatMap((c) => c.rows);
  const wan = new Set(
    captions.filter((c) => c.header.some((h) => h.includes(WAN_YUAN))).flatMap((c) => c.rows.map((r) => r.key)),
  );
  const slots = assign(tokens, {
    defs,
    wan,
    table: 'active',
    notes,
    constraint: () => noConstraint,
    resolve: (t) => {
      const rows = t.hit!.entry.rows!;
      const own = rows[fmt];
      if (own) return own;
      const other = rows[fmt === '2021' ? '2019' : '2021'];
      const def = other && defs.find((d) => d.key === other.def.key);
      return def ? { def, variant: true } : null;
    },
  });
  keepSlots(stream, slots);
  return {
    table: {
      kind: 'active',
      range: { start, end },
      layout: tokensLayout(layout, tokens),
      rows: mapped(slots, toRow),
      headerWords,
    },
    format,
  };
}

/**
 * table.cell-invalid — a cell is not a number of the right kind: a negative count, a decimal count
 * (only amounts in 万元/元 may have decimals, only 本年增/减 may be negative); or not a number at all
 * (model: a 'text' cell): a word in a separated cell (`abc`, `NaN`, `½`, `①`, `٣`), more digits
 * than can be read exactly (past 2^53: the value is never rounded), a count written with a money
 * unit (`1万`: 10,000 is not guessed), an amount in 元 where the column is in 万元.
 * Range: the cell. No fix: a figure is never changed automatically.
 */
import { activeTable } from '../template';
import { found, type Found, type Rule } from './rule';

export const tableCellInvalid: Rule<'table.cell-invalid'> = {
  code: 'table.cell-invalid',
  severity: 'error',
  // It reads the values of numbers only where they are not plain counts: a figure edit keeps a plain
  // count plain (parse/tables/stream.ts patchNumber).
  figures: [],
  description: {
    'zh-CN': '单元格不是规范的数量：负数、小数、文字、位数过多、带金额单位，或万元栏中以元填写',
    en:
      'a cell that is not a plain count: negative, decimal, a word, too many digits, a unit of money, ' +
      '元 in a 万元 column',
  },
  messages: {
    'table.cell-invalid.negative': {
      'zh-CN': '“{value}”为负数，此处的数量不能为负',
      en: '“{value}” is negative; this count cannot be',
    },
    'table.cell-invalid.decimal': {
      'zh-CN': '“{value}”为小数，此处的数量应为整数',
      en: '“{value}” is a decimal; this count must be a whole number',
    },
    'table.cell-invalid.word': {
      'zh-CN': '“{value}”不是数字，此处应填写数值',
      en: '“{value}” is not a number; this cell holds a figure',
    },
    'table.cell-invalid.digits': {
      'zh-CN': '“{value}”位数过多，无法按原值精确读取',
      en: '“{value}” has too many digits to be read exactly',
    },
    'table.cell-invalid.unit': {
      'zh-CN': '“{value}”带有金额单位，此处应填写数量',
      en: '“{value}” carries a unit of money; this cell is a count',
    },
    'table.cell-invalid.yuan': {
      'zh-CN': '“{value}”以元为单位，此栏的单位为万元',
      en: '“{value}” is in 元; this column is in 万元',
    },
  },
  check({ report }) {
    const out: Found<never>[] = [];
    const { active, applications, review } = report.tables;
    const defs = activeTable(report.format).captions.flatMap((c) => c.rows);
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const kinds = t === active ? defs.find((d) => d.key === row.key)?.valueKind : undefined;
        row.cells.forEach((c, i) => {
          if (c.kind === 'text') {
            out.push(found(c.range, `table.cell-invalid.${c.invalid ?? 'word'}`, { value: c.raw }));
            return;
          }
          if (c.kind !== 'number' || c.value === null) return;
          const kind = kinds?.[i] ?? 'count';
          if (kind !== 'signed' && c.value < 0)
            out.push(found(c.range, 'table.cell-invalid.negative', { value: c.raw }));
          else if (kind !== 'amount' && !Number.isInteger(c.value))
            out.push(found(c.range, 'table.cell-invalid.decimal', { value: c.raw }));
        });
      }
    }
    return out;
  },
};

// One line per finding, as the expected-findings fixtures hold them.
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { localize } from '../../server/src/core/i18n';
import { lineIndex } from '../../server/src/core/export';

export function findingLines(text: string): string[] {
  const m = parse(text);
  const at = m.html ? text : analysisText(text).text;
  const li = lineIndex(text);
  return checkDocument(at, text, m).map(
    (f) => `L${li(f.range.start) + 1} ${f.severity} ${f.code} ${localize(f.message)}`,
  );
}

// Debug helper: prints the findings of files (zh-CN), one per line.
import { readFileSync } from 'node:fs';
import { parse } from '../server/src/core/parse';
import { analysisText } from '../server/src/core/normalize';
import { checkDocument } from '../server/src/core/check';
import { localize } from '../server/src/core/i18n';
import { lineIndex } from '../server/src/core/normalized';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const m = parse(text);
  const at = m.html ? text : analysisText(text).text;
  const li = lineIndex(text);
  const fs = checkDocument(at, text, m);
  console.log(`== ${f.split('/').pop()} (${fs.length})`);
  for (const x of fs) console.log(`  ${x.severity.padEnd(11)} ${x.code.padEnd(22)} L${li(x.range.start) + 1} ${localize(x.message)}`.slice(0, 220));
}

// The format is data in one place (issue 9): outside template/ (the format's words), i18n.ts (the
// messages) and rules/ (each rule holds its own messages; narrative-mismatch its vocabulary), no
// string, template or regex literal of the core holds a Chinese character, and no name is spelt in
// one. Comments may say anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { sourceFiles } from './helpers';

const CORE = join(import.meta.dirname, '..', '..', 'server', 'src', 'core');

/** Where Chinese words belong. */
const ALLOWED = ['template/', 'i18n.ts', 'rules/'];

const HAN = /\p{Script=Han}/u;

/** Every literal or name of `src` that holds a Han character, as `line: text`. */
function chineseLiterals(file: string, src: string): string[] {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    let value: string | null = null;
    if (ts.isStringLiteralLike(n) || ts.isIdentifier(n)) value = n.text;
    else if (ts.isTemplateExpression(n)) value = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('');
    else if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) value = n.getText();
    if (value !== null && HAN.test(value)) {
      const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      out.push(`${line}: ${n.getText()}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

test('the scan sees literals and names, not comments', () => {
  const src = [
    '// 一、总体情况',
    '/** 表二 */',
    "const a = '表';",
    'const b = `${a}二`;',
    'const c = /[况项施]/;',
    'const 一 = 1;',
  ].join('\n');
  assert.deepEqual(chineseLiterals('x.ts', src), ["3: '表'", '4: `${a}二`', '5: /[况项施]/', '6: 一']);
  assert.deepEqual(chineseLiterals('x.ts', "const d = '\\u4e00';\nconst e = /[\\u4e00-\\u9fff]/;\n"), ["1: '\\u4e00'"]);
});

test('outside template/, i18n.ts and rules/, no literal of the core holds a Chinese character', () => {
  const found: string[] = [];
  let scanned = 0;
  for (const file of sourceFiles(CORE)) {
    const rel = relative(CORE, file).split(sep).join('/');
    if (ALLOWED.some((a) => rel.startsWith(a))) continue;
    scanned++;
    for (const hit of chineseLiterals(file, readFileSync(file, 'utf8'))) found.push(`${rel}:${hit}`);
  }
  assert.ok(scanned > 20, `scanned ${scanned} files`);
  assert.deepEqual(found, []);
});

// The house's walls: the edges reach the core through its door only, and the core type-checks
// alone with no ambient types (no node, no vscode, no DOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { sourceFiles } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

const IMPORT = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

test('lsp/, cli/, node/ and the client import the core through core/index.ts only', () => {
  const bad: string[] = [];
  for (const dir of ['server/src/lsp', 'server/src/cli', 'server/src/node', 'client/src', 'shared']) {
    let files: string[] = [];
    try {
      files = sourceFiles(join(ROOT, dir));
    } catch {
      continue;
    }
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
        const spec = m[1]!;
        if (/(^|\/)core\/./.test(spec)) bad.push(`${relative(ROOT, f)}: ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('the core imports nothing from the editor, the language server or the file system', () => {
  const bad: string[] = [];
  for (const f of sourceFiles(join(ROOT, 'server/src/core'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      if (/^(vscode|vscode-languageserver|vscode-languageclient|fs|node:)/.test(m[1]!))
        bad.push(`${relative(ROOT, f)}: ${m[1]}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the core type-checks alone with "types": []', () => {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'server/src/core'), '--noEmit'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

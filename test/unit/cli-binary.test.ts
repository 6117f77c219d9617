// The built command line (dist/cli.js) on PDF and Word files: read through their text rendering
// (server/src/readers), an unreadable one is a report.not-found error saying what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const CLI = join(DIST, 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const json = (args: string[]) => {
  const r = run(['check', '--format', 'json', ...args]);
  return { status: r.status, stderr: r.stderr, out: JSON.parse(r.stdout) as { files: File[] } };
};
interface File {
  path: string;
  reports: unknown[];
  diagnostics: { code: string; message: string }[];
}

// An old Word file: the compound-file signature, then nothing a reader could use.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const tmp = () => mkdtempSync(join(tmpdir(), 'cli-binary-'));

test('a .doc named on the command line is report.not-found, saying to save it as .docx', () => {
  const dir = tmp();
  const doc = join(dir, '年报.doc');
  writeFileSync(doc, OLE);
  const r = json([doc]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.out.files.length, 1);
  const [d] = r.out.files[0]!.diagnostics;
  assert.equal(d?.code, 'report.not-found');
  assert.match(d!.message, /另存为 \.docx/);
  const en = run(['check', '--locale', 'en', doc]);
  assert.match(en.stdout, /save it as \.docx/);
});

test('an old Word file renamed .docx, and a .wps, read as legacy Word too', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.docx'), OLE);
  writeFileSync(join(dir, 'b.wps'), OLE);
  const r = json([join(dir, 'a.docx'), join(dir, 'b.wps')]);
  assert.equal(r.status, 1);
  for (const f of r.out.files) assert.match(f.diagnostics[0]!.message, /另存为 \.docx/, f.path);
});

test('folders are walked for .pdf and .docx: a damaged one is an error, never a pass', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'broken.pdf'), 'not a pdf at all');
  writeFileSync(join(dir, 'broken.docx'), 'not a zip either');
  const r = json([dir]);
  assert.equal(r.status, 1);
  const paths = r.out.files.map((f) => f.path.slice(dir.length + 1)).sort();
  assert.deepEqual(paths, ['broken.docx', 'broken.pdf']);
  for (const f of r.out.files) {
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0]!.code, 'report.not-found');
    assert.match(f.diagnostics[0]!.message, /不是有效的 PDF \/ Word 文件/);
  }
});

test('a .doc inside a folder is skipped with a note saying to save it as .docx', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'old.doc'), OLE);
  const r = run(['check', dir]);
  assert.match(r.stderr, /old\.doc：.*另存为 \.docx/);
});

test('the PDF and Word readers are not part of the startup bundles', () => {
  for (const bundle of ['cli.js', 'server.js']) {
    const text = readFileSync(join(DIST, bundle), 'utf8');
    assert.ok(!text.includes('pdfjs'), `${bundle} holds pdfjs`);
    assert.ok(!text.includes('fflate'), `${bundle} holds fflate`);
    for (const r of ['pdf', 'docx'])
      if (existsSync(join(DIST, 'readers', `${r}.js`)))
        assert.ok(text.includes(`./readers/${r}.js`), `${bundle}: ${r}`);
  }
});

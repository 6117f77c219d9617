// SARIF (issue 14, item 6): the log of the whole corpus keeps the rules Microsoft's SARIF multitool
// checks (`validate`): relative URIs with a uriBaseId defined as an absolute folder URI (SARIF1004),
// absolute informationUri and helpUri (SARIF1005), consistent regions (SARIF1007), ruleId and ruleIndex
// agreeing (SARIF1010), the tool's version (SARIF2005). With SARIF_MULTITOOL set (the path of an
// installed `sarif-multitool`), the log is also validated by the tool itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDocument, type ReportRef } from '../../server/src/core';
import { artifactLocation, sarifLog, SRCROOT } from '../../server/src/cli/sarif';
import { corpusFiles, FIXTURES } from './helpers';

const ROOT = join(FIXTURES, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function corpusLog(): { log: any; text: string } {
  const files = [];
  const refs: ReportRef[] = [];
  for (const name of corpusFiles()) {
    const doc = openDocument(readFileSync(join(FIXTURES, 'corpus', name), 'utf8'));
    for (const report of doc.model().reports)
      refs.push({ source: name, organ: report.organ, year: report.year, report });
    files.push({ path: join('test', 'fixtures', 'corpus', name), doc });
  }
  const checked = files.map(({ path, doc }) => ({
    path,
    findings: doc.allFindings({ others: refs }),
    pos: (o: number) => doc.positionAt(o),
  }));
  const text = sarifLog(checked, 'zh-CN', ROOT);
  return { log: JSON.parse(text), text };
}

const absolute = (u: string) => /^[a-z][a-z0-9+.-]*:/i.test(u) && URL.canParse(u);

test('the corpus’s SARIF keeps the multitool’s rules', () => {
  const { log } = corpusLog();
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.version, pkg.version);
  assert.ok(absolute(driver.informationUri), driver.informationUri);
  assert.ok(!driver.informationUri.includes('example.invalid'));
  for (const r of driver.rules) {
    assert.ok(absolute(r.helpUri), r.helpUri);
    assert.ok(r.shortDescription.text && r.help.text, r.id);
  }
  const base = run.originalUriBaseIds[SRCROOT].uri as string;
  assert.ok(absolute(base) && base.startsWith('file:///') && base.endsWith('/'), base);
  assert.ok(run.results.length > 100);
  for (const res of run.results) {
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, SRCROOT);
    assert.ok(!absolute(loc.artifactLocation.uri) && !loc.artifactLocation.uri.startsWith('/'));
    assert.ok(new URL(loc.artifactLocation.uri, base).href.startsWith(base));
    const g = loc.region;
    assert.ok(g.startLine >= 1 && g.startColumn >= 1 && g.endLine >= g.startLine);
    assert.ok(g.endLine > g.startLine || g.endColumn >= g.startColumn);
  }
});

test('artifact locations: relative under the root, a file: URI outside it, none for stdin', () => {
  assert.deepEqual(artifactLocation('a b#1%.txt', '/r'), { uri: 'a%20b%231%25.txt', uriBaseId: SRCROOT });
  assert.deepEqual(artifactLocation('/r/x/y.txt', '/r'), { uri: 'x/y.txt', uriBaseId: SRCROOT });
  assert.deepEqual(artifactLocation('/elsewhere/y.txt', '/r'), { uri: 'file:///elsewhere/y.txt' });
  assert.deepEqual(artifactLocation('../y.txt', '/r/s'), { uri: 'file:///r/y.txt' });
  assert.equal(artifactLocation('-', '/r'), null);
});

test('the corpus’s SARIF passes `sarif-multitool validate` with no error (when SARIF_MULTITOOL is set)', (t) => {
  const tool = process.env.SARIF_MULTITOOL;
  // `npm run test:e2e` runs this test again after setup.sh has installed the tool: there it must run.
  assert.ok(tool || !process.env.DISCLOSURE_REQUIRE_SARIF, 'SARIF_MULTITOOL not set');
  if (!tool) return t.skip('SARIF_MULTITOOL not set');
  const dir = mkdtempSync(join(tmpdir(), 'dr-sarif-'));
  writeFileSync(join(dir, 'in.sarif'), corpusLog().text);
  const r = spawnSync(tool, ['validate', join(dir, 'in.sarif'), '-o', join(dir, 'out.sarif')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const found = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).runs[0].results;
  assert.deepEqual(
    found.filter((x: { level?: string }) => x.level === 'error' || x.level === 'warning' || x.level === undefined),
    [],
  );
});

test('the documentation address is the extension’s page (publisher.name of package.json)', async () => {
  const { DOCS_URL } = await import('../../server/src/core');
  assert.equal(DOCS_URL, `https://marketplace.visualstudio.com/items?itemName=${pkg.publisher}.${pkg.name}`);
});

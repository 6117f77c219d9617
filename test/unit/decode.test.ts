/** Decoding a file's bytes (server/src/node/decode.ts): valid UTF-8 is decoded at once, anything
 *  else line by line (UTF-8 where it reads, GB18030 where it does not, the bad lines listed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../server/src/node/decode';
import { NODE_UTF8 } from '../../server/src/node/utf8';

/** Each test runs with TextDecoder alone (the web worker) and with Node's native decoder. */
const WAYS = [
  ['TextDecoder', undefined],
  ['native', NODE_UTF8],
] as const;

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('valid UTF-8 decodes whole, a BOM dropped once, text kept to the character', () => {
  const text = '一、总体情况\r\n（一）主动公开 😀 ｜ 12\n\u00a0end';
  for (const [buf, want] of [
    [bytes(text), text],
    [bytes([0xef, 0xbb, 0xbf], text), text],
    [bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], text), text], // as TextDecoder has always read it
  ] as const) {
    for (const [way, native] of WAYS) {
      const d = decodeBytes(buf, native);
      assert.ok(d.ok, way);
      assert.equal(d.text, want, way);
      assert.equal(d.encoding, 'utf-8', way);
      assert.deepEqual(d.badLines, [], way);
    }
  }
});

test('bytes that are not UTF-8 (overlong, surrogate, past U+10FFFF, cut, stray) are never read as UTF-8 at once', () => {
  const bad = [
    [0xc0, 0x80],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf5, 0x80, 0x80, 0x80],
    [0xe4, 0xb8],
    [0x80],
  ];
  for (const b of bad)
    for (const [way, native] of WAYS) {
      const d = decodeBytes(bytes('一、总体情况\n', b, '\n二、主动公开政府信息情况\n'), native);
      assert.ok(d.ok, `${way} ${JSON.stringify(b)}`);
      assert.ok(
        d.encoding !== 'utf-8' || d.badLines.length > 0,
        `${JSON.stringify(b)}: ${d.encoding} ${JSON.stringify(d.badLines)}`,
      );
      assert.ok(d.text.startsWith('一、总体情况\n') && d.text.endsWith('\n二、主动公开政府信息情况\n'));
    }
});

test('the native decoder reads every file as TextDecoder does (text, encoding, bad lines, or why not)', () => {
  const dir = join(__dirname, '..', 'fixtures', 'corpus');
  const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
  const text = Buffer.from('一、总体情况\r\n（一）主动公开 12\n', 'utf8');
  const cases: Buffer[] = [
    ...files,
    ...files.map((f) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), f])),
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
    Buffer.concat([Buffer.from([0xef, 0xbb]), text]),
    Buffer.concat([text, Buffer.from([0x01, 0x02]), text]),
    Buffer.concat([text, Buffer.from([0xe4, 0xb8])]),
    Buffer.from(' \n\t ', 'utf8'),
    Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0x0a]), // 一、 in GBK
  ];
  let native = 0;
  for (const buf of cases) {
    const a = decodeBytes(buf);
    const b = decodeBytes(buf, NODE_UTF8);
    assert.deepEqual(b, a, buf.subarray(0, 16).toString('hex'));
    if (a.ok && a.encoding === 'utf-8') native++;
  }
  assert.ok(native >= files.length, `${native} read as UTF-8`);
});

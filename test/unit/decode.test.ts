/** Decoding a file's bytes (server/src/node/decode.ts): valid UTF-8 is decoded at once, anything
 *  else line by line (UTF-8 where it reads, GB18030 where it does not, the bad lines listed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../server/src/node/decode';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('valid UTF-8 decodes whole, a BOM dropped once, text kept to the character', () => {
  const text = '一、总体情况\r\n（一）主动公开 😀 ｜ 12\n\u00a0end';
  for (const [buf, want] of [
    [bytes(text), text],
    [bytes([0xef, 0xbb, 0xbf], text), text],
    [bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], text), text], // as TextDecoder has always read it
  ] as const) {
    const d = decodeBytes(buf);
    assert.ok(d.ok);
    assert.equal(d.text, want);
    assert.equal(d.encoding, 'utf-8');
    assert.deepEqual(d.badLines, []);
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
  for (const b of bad) {
    const d = decodeBytes(bytes('一、总体情况\n', b, '\n二、主动公开政府信息情况\n'));
    assert.ok(d.ok, JSON.stringify(b));
    assert.ok(
      d.encoding !== 'utf-8' || d.badLines.length > 0,
      `${JSON.stringify(b)}: ${d.encoding} ${JSON.stringify(d.badLines)}`,
    );
    assert.ok(d.text.startsWith('一、总体情况\n') && d.text.endsWith('\n二、主动公开政府信息情况\n'));
  }
});

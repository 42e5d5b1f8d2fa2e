/**
 * Zip bombs for the tests, built with Node's zlib: a DOCX-looking zip whose `word/document.xml`
 * inflates to `inflatedMb` megabytes of XML-ish filler, and an "overlapping" bomb whose many
 * central-directory entries all point at the same compressed data (each small on its own).
 */
import { deflateRawSync } from "node:zlib";

function entry(name: string, data: Uint8Array, inflated: number, offset: number) {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(inflated, 22); // may lie: the checker counts what really comes out
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(inflated, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(offset, 42);
  return { local: Buffer.concat([local, n]), central: Buffer.concat([central, n]) };
}

function end(count: number, cdSize: number, cdOffset: number): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count, 8);
  e.writeUInt16LE(count, 10);
  e.writeUInt32LE(cdSize, 12);
  e.writeUInt32LE(cdOffset, 16);
  return e;
}

/** One entry inflating to `inflatedMb` MB; its declared size says 1 kB. */
export function zipBomb(inflatedMb: number): Uint8Array {
  const filler = Buffer.alloc(inflatedMb * 1024 * 1024, "<w:t>a</w:t>");
  const data = deflateRawSync(filler, { level: 9 });
  const e = entry("word/document.xml", data, 1024, 0);
  const body = Buffer.concat([e.local, data]);
  return new Uint8Array(Buffer.concat([body, e.central, end(1, e.central.length, body.length)]));
}

/** `count` central-directory entries over the same compressed `inflatedMb` MB: small each, huge together. */
export function overlappingZipBomb(count: number, inflatedMb: number): Uint8Array {
  const data = deflateRawSync(Buffer.alloc(inflatedMb * 1024 * 1024, "<w:t>a</w:t>"), { level: 9 });
  const first = entry("word/media/part0.xml", data, inflatedMb * 1024 * 1024, 0);
  const body = Buffer.concat([first.local, data]);
  const centrals = Array.from(
    { length: count },
    (_, i) => entry(`word/media/part${i}.xml`, data, inflatedMb * 1024 * 1024, 0).central,
  );
  const cd = Buffer.concat(centrals);
  return new Uint8Array(Buffer.concat([body, cd, end(count, cd.length, body.length)]));
}

/**
 * Zip bombs dressed as workbooks: a real .xlsx whose first sheet is padded until it unpacks to the
 * size asked for, written by a minimal zip writer that never holds the unpacked sheet in memory
 * (and can lie about the sizes in its directory, as an attacker would).
 */
import { Readable } from 'node:stream';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';

interface ZipEntry {
  name: string;
  /** the content, chunk by chunk (a padded sheet is far larger than we want to hold) */
  chunks: () => Iterable<Buffer>;
  /** the uncompressed size written in the headers: the real one unless an attacker says otherwise */
  declaredSize?: (realSize: number) => number;
}

async function deflated(entry: ZipEntry) {
  let crc = 0;
  let size = 0;
  const source = Readable.from(
    (function* () {
      for (const chunk of entry.chunks()) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    })(),
  );
  const out: Buffer[] = [];
  for await (const chunk of source.pipe(createDeflateRaw({ level: constants.Z_BEST_COMPRESSION })))
    out.push(chunk as Buffer);
  return { data: Buffer.concat(out), crc, size: entry.declaredSize?.(size) ?? size };
}

/** A ZIP of deflated entries: local headers and data, the central directory, its end record. */
async function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { data, crc, size } = await deflated(entry);
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(0, 6); // time
    common.writeUInt16LE(0x21, 8); // 1980-01-01
    common.writeUInt32LE(crc >>> 0, 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // extra field length
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, name, data]);
    const tail = Buffer.alloc(14); // comment length, disk, attributes: 0; then the local header's offset
    tail.writeUInt32LE(offset, 10);
    centrals.push(
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02]), Buffer.from([20, 0]), common, tail, name]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** whitespace between the sheet's elements: still well-formed XML, and it compresses about 1000:1 */
const PADDING = Buffer.alloc(1024 * 1024, ' ');

/**
 * `workbook` with its first sheet padded to about `unpackedBytes`, so it is still a workbook
 * exceljs opens. `lie` writes a tiny uncompressed size for the sheet instead
 * of the real one, so only inflating it tells how big it is.
 */
export async function workbookBomb(
  workbook: Buffer,
  unpackedBytes: number,
  opts: { lie?: boolean } = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files).filter((f) => !f.dir)) {
    const content = await file.async('nodebuffer');
    if (file.name !== 'xl/worksheets/sheet1.xml') {
      entries.push({ name: file.name, chunks: () => [content] });
      continue;
    }
    const at = content.indexOf('</sheetData>');
    const blocks = Math.ceil(unpackedBytes / PADDING.length);
    entries.push({
      name: file.name,
      chunks: function* () {
        yield content.subarray(0, at);
        for (let i = 0; i < blocks; i++) yield PADDING;
        yield content.subarray(at);
      },
      ...(opts.lie ? { declaredSize: () => content.length } : {}),
    });
  }
  return writeZip(entries);
}

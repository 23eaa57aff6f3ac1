import { createInflateRaw } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput, type AppError } from '../../core/errors.ts';
import { unstorableText, unstorableTextAt } from './text.ts';

/** Upload limits shared by every module that accepts files. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Text fields beside the file in one form; the largest form (a paper ballot) has six. */
export const MAX_FORM_FIELDS = 30;

export const EXCEL_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const WORD_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An .xlsx (and .docx) is a ZIP: it starts with "PK\x03\x04". */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** Content-Disposition with a UTF-8 file name (RFC 6266) and an ASCII fallback for old clients. */
export function attachment(fileName: string, asciiFallback = fileName.replace(/[^\x20-\x7e]/g, '_')) {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The same, to be shown in the browser rather than saved. */
export function inline(fileName: string) {
  return attachment(fileName).replace(/^attachment/, 'inline');
}

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
export function sendWorkbook(reply: FastifyReply, file: Buffer, fileName: string, asciiFallback: string) {
  return reply
    .header('content-type', EXCEL_MIME)
    .header('content-disposition', attachment(fileName, asciiFallback))
    .header('cache-control', 'no-store')
    .send(file);
}

// ---------------------------------------------------------------- reading uploads

export interface UploadedFile {
  name: string;
  content: Buffer;
}

/**
 * Every part of a multipart request: its text fields and the file of the field `file`, read whole
 * (the parser stops a file at MAX_UPLOAD_BYTES with 413). Every upload reads its form here, so a
 * part without a name and a file name that cannot be stored are refused once, naming the field
 * `file`; what the parser itself cannot read (no boundary, a truncated body) is answered by the
 * error handler.
 */
export async function readMultipart(
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of req.parts()) {
    if (!part.fieldname)
      throw badInput(
        'file',
        '表单中有一部分没有名称（Content-Disposition 缺少 name）',
        'A part of the form has no name (its Content-Disposition lacks name)',
      );
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const content = await part.toBuffer();
    if (part.fieldname !== 'file') continue;
    if (unstorableTextAt(part.filename)) throw unstorableText('file');
    file = { name: part.filename, content };
  }
  return { fields, file };
}

/** The one uploaded file of a multipart request, from the field `file`, within the upload limit. */
export async function uploadedFile(
  req: FastifyRequest,
  what: { zh: string; en: string } = { zh: '.xlsx 文件', en: '.xlsx file' },
): Promise<UploadedFile> {
  const missing = () =>
    badInput(
      'file',
      `请以 multipart/form-data 上传一个名为 file 的${what.zh}`,
      `Upload one ${what.en} as multipart/form-data in the field “file”`,
    );
  if (!req.isMultipart()) throw missing();
  const { file } = await readMultipart(req);
  if (!file) throw missing();
  return file;
}

// ---------------------------------------------------------------- workbooks before they are opened

/**
 * No spreadsheet unpacks to more than this many times its size (ours and Excel's: 3–15); a zip
 * bomb is made of little else (200 MB of one repeated thing packs about 1000:1).
 */
export const MAX_UNPACK_RATIO = 100;

interface ZipEntry {
  /** 0 stored, 8 deflated: all jszip (which exceljs opens workbooks with) reads */
  method: number;
  /** what the central directory says it unpacks to */
  declaredSize: number;
  data: Buffer;
}

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The entries of a ZIP from its central directory, found as jszip finds it (the last end record
 * in the file) and read strictly, so both read the same entries: the directory must end where the
 * end record begins and every entry's data lie inside the file; null otherwise. ZIP64 is not read:
 * a workbook of a few MB never needs it (of the writers tried, exceljs, LibreOffice, Python's
 * zipfile and Info-ZIP write none unless forced), and a second reading of sizes is where two
 * readers could be made to disagree. So an end record that
 * would send jszip to ZIP64 records (a saturated count or disk) is refused, and an entry's
 * saturated size or offset counts as 4 GB or points outside the file.
 */
function zipEntries(buf: Buffer): ZipEntry[] | null {
  const end = buf.lastIndexOf(END_OF_DIRECTORY);
  if (end < 0 || end + 22 > buf.length) return null;
  if (
    buf.readUInt32LE(end + 4) !== 0 ||
    buf.readUInt16LE(end + 8) === 0xffff ||
    buf.readUInt16LE(end + 10) === 0xffff
  )
    return null;
  const directoryStart = buf.readUInt32LE(end + 16);
  if (directoryStart + buf.readUInt32LE(end + 12) !== end) return null;
  const entries: ZipEntry[] = [];
  let at = directoryStart;
  while (at < end) {
    if (at + 46 > end || buf.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const compressedSize = buf.readUInt32LE(at + 20);
    const local = buf.readUInt32LE(at + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_HEADER) return null;
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compressedSize > buf.length) return null;
    entries.push({
      method: buf.readUInt16LE(at + 10),
      declaredSize: buf.readUInt32LE(at + 24),
      data: buf.subarray(dataStart, dataStart + compressedSize),
    });
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return at === end ? entries : null;
}

/** How many bytes `deflated` inflates to, counted chunk by chunk and given up past `bound`. */
async function inflatedSize(deflated: Buffer, bound: number): Promise<number> {
  const inflater = createInflateRaw();
  inflater.end(deflated);
  let size = 0;
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > bound) break; // leaving the loop destroys the stream: a bomb costs one chunk
  }
  return size;
}

/**
 * Refuses (400, naming the limit) a workbook that would unpack to more than `maxUnpackedBytes` or
 * to more than MAX_UNPACK_RATIO times its size, before exceljs inflates it all into memory. The
 * sizes the directory declares are summed first; as the declaration is the uploader's to write,
 * each entry is then inflated as a stream and counted, stopping at the size it declared.
 */
export async function assertWorkbookWithin(
  buf: Buffer,
  maxUnpackedBytes: number,
  notAWorkbook: () => AppError,
): Promise<void> {
  const entries = zipEntries(buf);
  if (!entries) throw notAWorkbook();
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  const mb = maxUnpackedBytes / 1024 / 1024;
  if (declared > maxUnpackedBytes)
    throw badInput(
      'file',
      `工作簿解压后超过 ${mb} MB 的上限，无法读取`,
      `The workbook unpacks to more than the limit of ${mb} MB and cannot be read`,
    );
  if (declared > MAX_UNPACK_RATIO * buf.length)
    throw badInput(
      'file',
      `工作簿解压后超过文件本身的 ${MAX_UNPACK_RATIO} 倍，不是正常的 Excel 文件`,
      `The workbook unpacks to more than ${MAX_UNPACK_RATIO} times its size, which no ordinary spreadsheet does`,
    );
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) throw notAWorkbook();
    // a damaged deflate stream (null) is no workbook either
    const size =
      entry.method === 0
        ? entry.data.length
        : await inflatedSize(entry.data, entry.declaredSize).catch(() => null);
    if (size === null || size > entry.declaredSize) throw notAWorkbook();
  }
}

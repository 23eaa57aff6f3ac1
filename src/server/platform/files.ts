import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput } from '../../core/errors.ts';

/** Upload limits shared by every module that accepts files. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

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

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
export function sendWorkbook(reply: FastifyReply, file: Buffer, fileName: string, asciiFallback: string) {
  return reply.header('content-type', EXCEL_MIME).header('content-disposition', attachment(fileName, asciiFallback)).header('cache-control', 'no-store').send(file);
}

/** The one uploaded file of a multipart request, from the field `file`, within the upload limit. */
export async function uploadedFile(req: FastifyRequest, what: { zh: string; en: string } = { zh: '.xlsx 文件', en: '.xlsx file' }): Promise<{ name: string; content: Buffer }> {
  const missing = () => badInput('file', `请以 multipart/form-data 上传一个名为 file 的${what.zh}`, `Upload one ${what.en} as multipart/form-data in the field “file”`);
  if (!req.isMultipart()) throw missing();
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw missing();
  // toBuffer() stops at the multipart limit (MAX_UPLOAD_BYTES) with 413
  const content = await part.toBuffer();
  if (content.length > MAX_UPLOAD_BYTES) throw badInput('file', '文件过大', 'The file is too large');
  return { name: part.filename, content };
}

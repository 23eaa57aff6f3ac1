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

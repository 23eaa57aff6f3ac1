import { createHash } from 'node:crypto';
import { badInput } from '../../../core/errors.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { EXCEL_MIME, looksLikeZip, WORD_MIME } from '../../platform/files.ts';
import { storedFiles } from './schema.ts';

export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

/** Kinds we accept for scans and photos, recognised by their first bytes, not by the name. */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
];

export function sniffScanType(buf: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(buf))?.mime ?? null;
}

/** A WebP picture: a RIFF container whose form type is "WEBP". */
const isWebp = (b: Buffer) =>
  b.length >= 12 &&
  b.subarray(0, 4).toString('latin1') === 'RIFF' &&
  b.subarray(8, 12).toString('latin1') === 'WEBP';

/** Photos (a site log's): JPEG, PNG or WebP by their first bytes, never a PDF. */
function sniffPhotoType(buf: Buffer): string | null {
  if (isWebp(buf)) return 'image/webp';
  const scan = sniffScanType(buf);
  return scan?.startsWith('image/') ? scan : null;
}

/** Office files are ZIPs; the name's extension tells which, the ZIP signature that it is one. */
function sniffDocumentType(buf: Buffer, name: string): string | null {
  const scan = sniffScanType(buf);
  if (scan) return scan;
  if (!looksLikeZip(buf)) return null;
  if (/\.docx$/i.test(name)) return WORD_MIME;
  if (/\.xlsx$/i.test(name)) return EXCEL_MIME;
  return null;
}

export type FileKind = 'scan' | 'document' | 'photo';

export interface StoredFileInput {
  name: string;
  content: Buffer;
  ownerEntity: string;
  committeeId: string;
  /** the project it belongs to, so the upload shows on the project's timeline */
  projectId: string;
}

const KIND_RULES: Record<
  FileKind,
  { sniff: (buf: Buffer, name: string) => string | null; zh: string; en: string }
> = {
  scan: {
    sniff: sniffScanType,
    zh: '只接受 PDF、JPEG 或 PNG 扫描件',
    en: 'Only PDF, JPEG or PNG scans are accepted',
  },
  document: {
    sniff: sniffDocumentType,
    zh: '只接受 PDF、JPEG、PNG、Word（.docx）或 Excel（.xlsx）文件',
    en: 'Only PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx) files are accepted',
  },
  photo: {
    sniff: sniffPhotoType,
    zh: '只接受 JPEG、PNG 或 WebP 照片',
    en: 'Only JPEG, PNG or WebP photos are accepted',
  },
};

/** Stores a scan (image or PDF); as for any file, the caller has already decided that the user may attach it. */
export function storeScan(tx: Queryable, access: Access, input: StoredFileInput) {
  return storeFile(tx, access, input, 'scan');
}

/**
 * Stores an uploaded file: its type is recognised from its bytes, its size capped. The caller
 * has already decided that the user may attach it.
 */
export async function storeFile(tx: Queryable, access: Access, input: StoredFileInput, kind: FileKind) {
  if (input.content.length === 0) throw badInput('file', '文件为空', 'The file is empty');
  if (input.content.length > SCAN_MAX_BYTES)
    throw badInput(
      'file',
      `文件超过 ${SCAN_MAX_BYTES / 1024 / 1024} MB`,
      `The file is larger than ${SCAN_MAX_BYTES / 1024 / 1024} MB`,
    );
  const rule = KIND_RULES[kind];
  const mime = rule.sniff(input.content, input.name);
  if (!mime) throw badInput('file', rule.zh, rule.en);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const [row] = await tx
    .insert(storedFiles)
    // the name cut by code points, so no character (an emoji) is split in half
    .values({
      name: [...input.name].slice(0, 200).join(''),
      mime,
      size: input.content.length,
      sha256,
      content: input.content,
      ownerEntity: input.ownerEntity,
      committeeId: input.committeeId,
      uploadedBy: access.user.id,
      uploadedAt: access.now,
    })
    .returning({
      id: storedFiles.id,
      name: storedFiles.name,
      mime: storedFiles.mime,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
    });
  await recordAudit(tx, access.actor, {
    action: 'upload',
    entity: 'file',
    entityId: row!.id,
    projectId: input.projectId,
    ...auditScope(access, input.committeeId),
    after: row,
  });
  return row!;
}

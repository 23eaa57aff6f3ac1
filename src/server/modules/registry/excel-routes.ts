import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInShanghai } from '../../../core/calendar.ts';
import { badInput } from '../../../core/errors.ts';
import type { AppContext } from '../../app.ts';
import { assertRole } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import { attachment, EXCEL_MIME, MAX_UPLOAD_BYTES } from '../../platform/files.ts';
import { exportRegistry, importRegistry, registryTemplate } from './excel.ts';

/** `attachment` with an ASCII fallback name and the real (Chinese) name per RFC 6266 / 5987. */
function sendWorkbook(reply: FastifyReply, file: Buffer, fileName: string, asciiFallback: string) {
  return reply.header('content-type', EXCEL_MIME).header('content-disposition', attachment(fileName, asciiFallback)).header('cache-control', 'no-store').send(file);
}

/** The one uploaded file of a multipart request, from the field `file`, within the upload limit. */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  const missing = () => badInput('file', '请以 multipart/form-data 上传一个名为 file 的 .xlsx 文件', 'Upload one .xlsx file as multipart/form-data in the field “file”');
  if (!req.isMultipart()) throw missing();
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw missing();
  // toBuffer() stops at the multipart limit (MAX_UPLOAD_BYTES) with 413
  const file = await part.toBuffer();
  if (file.length > MAX_UPLOAD_BYTES) throw badInput('file', '文件过大', 'The file is too large');
  return file;
}

const counts = z.object({ estates: z.number(), buildings: z.number(), stairwells: z.number(), units: z.number(), persons: z.number(), owners: z.number() });
const importResult = z.object({ ok: z.literal(true), counts, created: counts, updated: counts });

export function registryExcelRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.get('/api/v1/registry/import-template', { schema: { tags, summary: '房屋与业主导入模板 Registry import template (.xlsx)' } }, async (req, reply) => {
    await requireAccess(req, db);
    return sendWorkbook(reply, await registryTemplate(), '房屋与业主导入模板.xlsx', 'registry-import-template.xlsx');
  });

  r.post(
    '/api/v1/registry/import',
    {
      schema: {
        tags,
        summary: '导入房屋与业主 Import the registry from .xlsx (multipart field "file"); all rows or nothing',
        consumes: ['multipart/form-data'],
        response: { 200: importResult },
      },
    },
    async (req) => {
      const access = await requireAccess(req, db);
      assertRole(access, 'street_admin', 'committee_staff');
      return importRegistry(db, access, await uploadedFile(req));
    },
  );

  r.get(
    '/api/v1/registry/export',
    {
      schema: {
        tags,
        summary: '导出房屋与业主 Export the registry in scope (.xlsx); full=true shows ID numbers and phones to staff who may see them (audited)',
        querystring: z.object({ committeeId: z.uuid().optional(), full: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req, reply) => {
      const access = await requireAccess(req, db);
      const { file } = await exportRegistry(db, access, { committeeId: req.query.committeeId, full: req.query.full === 'true' });
      const date = todayInShanghai();
      return sendWorkbook(reply, file, `房屋与业主-${date}.xlsx`, `registry-${date}.xlsx`);
    },
  );
}

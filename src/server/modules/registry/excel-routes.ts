import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { assertRole } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import { sendWorkbook, uploadedFile } from '../../platform/files.ts';
import { exportRegistry, importRegistry, registryTemplate } from './excel.ts';

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
      return importRegistry(db, access, (await uploadedFile(req)).content);
    },
  );

  const exportScope = { committeeId: z.uuid().optional() };
  const sendExport = async (req: FastifyRequest, reply: FastifyReply, opts: { committeeId?: string | undefined; full: boolean }) => {
    const access = await requireAccess(req, db);
    const { file } = await exportRegistry(db, access, opts);
    return sendWorkbook(reply, file, `房屋与业主-${access.today}.xlsx`, `registry-${access.today}.xlsx`);
  };

  // strict: the old `?full=true` answers 400 rather than a masked file the caller did not ask for
  r.get(
    '/api/v1/registry/export',
    { schema: { tags, summary: '导出房屋与业主 Export the registry in scope (.xlsx), ID numbers and phones masked', querystring: z.strictObject(exportScope) } },
    async (req, reply) => sendExport(req, reply, { committeeId: req.query.committeeId, full: false }),
  );

  // full personal data is disclosed and audited, so it is a write: a POST with the CSRF token
  r.post(
    '/api/v1/registry/export',
    { schema: { tags, summary: '导出含完整身份证号和电话的房屋与业主 Export the registry in scope with full ID numbers and phones (.xlsx; staff who may see them; audited)', body: z.strictObject(exportScope) } },
    async (req, reply) => sendExport(req, reply, { committeeId: req.body.committeeId, full: true }),
  );
}

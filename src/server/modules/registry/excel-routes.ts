import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { assertRole } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import { fileResponse } from '../../platform/contract.ts';
import { EXCEL_MIME, sendWorkbook, uploadedFile } from '../../platform/files.ts';
import { exportBody, exportQuery, importResponse } from './contract.ts';
import { exportRegistry, importRegistry } from './excel.ts';
import { registryTemplate } from './excel/workbook.ts';

/** The registry in and out of Excel: the template, the import (all rows or nothing), the export. */
export function registryExcelRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  r.get(
    '/api/v1/registry/import-template',
    {
      schema: {
        tags,
        summary: '房屋与业主导入模板 Registry import template (.xlsx)',
        ...fileResponse(EXCEL_MIME, '导入模板 The import template'),
      },
    },
    async (req, reply) => {
      await requireAccess(req);
      return sendWorkbook(
        reply,
        await registryTemplate(),
        '房屋与业主导入模板.xlsx',
        'registry-import-template.xlsx',
      );
    },
  );

  r.post(
    '/api/v1/registry/import',
    {
      schema: {
        tags,
        summary:
          '导入房屋与业主 Import the registry from .xlsx (multipart field "file"); all rows or nothing',
        consumes: ['multipart/form-data'],
        response: { 200: importResponse },
      },
    },
    async (req) => {
      const access = await requireAccess(req);
      // the role before the upload is read
      assertRole(access, 'street_admin', 'committee_staff');
      return importRegistry(db, access, (await uploadedFile(req)).content);
    },
  );

  const exportFile = fileResponse(EXCEL_MIME, '房屋与业主 The registry in scope, one row per ownership');
  r.get(
    '/api/v1/registry/export',
    {
      schema: {
        tags,
        summary: '导出房屋与业主 Export the registry in scope (.xlsx), ID numbers and phones masked',
        querystring: exportQuery,
        ...exportFile,
      },
    },
    async (req, reply) => {
      const access = await requireAccess(req);
      const { file } = await exportRegistry(db, access, { committeeId: req.query.committeeId, full: false });
      return sendWorkbook(reply, file, `房屋与业主-${access.today}.xlsx`, `registry-${access.today}.xlsx`);
    },
  );

  // full personal data is disclosed and audited, so it is a write: a POST with the CSRF token
  r.post(
    '/api/v1/registry/export',
    {
      schema: {
        tags,
        summary:
          '导出含完整身份证号和电话的房屋与业主 Export the registry in scope with full ID numbers and phones (.xlsx; staff who may see them; audited)',
        body: exportBody,
        ...exportFile,
      },
    },
    async (req, reply) => {
      const access = await requireAccess(req);
      const { file } = await exportRegistry(db, access, { committeeId: req.body.committeeId, full: true });
      return sendWorkbook(reply, file, `房屋与业主-${access.today}.xlsx`, `registry-${access.today}.xlsx`);
    },
  );
}

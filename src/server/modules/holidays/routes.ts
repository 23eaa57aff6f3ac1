import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { assertRole } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import { fileResponse } from '../../platform/contract.ts';
import { EXCEL_MIME, sendWorkbook, uploadedFile } from '../../platform/files.ts';
import * as c from './contract.ts';
import { getYear, listYears, previewYear, readArrangement, saveYear, yearTemplate } from './service.ts';

/** The street's holiday arrangements (节假日安排). */
export function holidaysRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const tags = ['calendar'];
  r.get(
    '/api/v1/holiday-years',
    {
      schema: {
        tags,
        summary:
          '放假安排：各年份来源与是否确认 Holiday arrangements: each year, where it comes from, confirmed or provisional',
        querystring: c.streetQuery,
        response: { 200: c.holidayYearsResponse },
      },
    },
    async (req) => listYears(db, await requireAccess(req), req.query),
  );

  r.get(
    '/api/v1/holiday-years/:year',
    {
      schema: {
        tags,
        summary: '某年的放假安排 One year’s holidays in force, the package’s and the statutory ones',
        params: c.yearParam,
        querystring: c.streetQuery,
        response: { 200: c.holidayYearResponse },
      },
    },
    async (req) => getYear(db, await requireAccess(req), req.params.year, req.query),
  );

  r.get(
    '/api/v1/holiday-years/:year/template.xlsx',
    {
      schema: {
        tags,
        summary:
          '放假安排 Excel 模板（按法定节假日预填）The Excel template for a year, prefilled with its holidays in force',
        params: c.yearParam,
        ...fileResponse(EXCEL_MIME, '放假安排模板 The arrangement template'),
      },
    },
    async (req, reply) => {
      const { year } = req.params;
      return sendWorkbook(
        reply,
        await yearTemplate(db, await requireAccess(req), year),
        `${year}年放假安排.xlsx`,
        `holidays-${year}.xlsx`,
      );
    },
  );

  r.post(
    '/api/v1/holiday-years/:year/import',
    {
      schema: {
        tags,
        summary:
          '读取放假安排文件（.xlsx 模板或 .ics 日历；不保存）Read an arrangement from the template (.xlsx) or an iCalendar file (.ics); nothing is saved',
        params: c.yearParam,
        consumes: ['multipart/form-data'],
        response: { 200: c.holidayImportResponse },
      },
    },
    async (req) => {
      // the role before the upload is read
      assertRole(await requireAccess(req), 'street_admin');
      return readArrangement(
        req.params.year,
        await uploadedFile(req, { zh: '.xlsx 或 .ics 文件', en: '.xlsx or .ics file' }),
      );
    },
  );

  r.post(
    '/api/v1/holiday-years/:year/preview',
    {
      schema: {
        tags,
        summary:
          '预览：保存后哪些公示的期间会变化（不保存）Which notices saving this arrangement would change; nothing is saved',
        params: c.yearParam,
        body: c.previewBody,
        response: { 200: c.previewResponse },
      },
    },
    async (req) => previewYear(db, await requireAccess(req), req.params.year, req.body),
  );

  r.put(
    '/api/v1/holiday-years/:year',
    {
      schema: {
        tags,
        summary:
          '录入或更正一年的放假安排（街道管理员）Enter or correct a whole year (street admin); running and draft notices are recomputed and the moves listed',
        params: c.yearParam,
        body: c.saveBody,
        response: { 200: c.saveResponse },
      },
    },
    async (req) => saveYear(db, await requireAccess(req), req.params.year, req.body),
  );
}

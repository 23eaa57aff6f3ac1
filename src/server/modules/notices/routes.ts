import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, optionalText, pageQuery, paged, shortText } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { attachment } from '../../platform/files.ts';
import { calendarDate, dayCount, periodKind } from './inputs.ts';
import { NOTICE_KINDS, OBJECTION_STATUSES } from './schema.ts';
import * as svc from './service.ts';

const START_ON = { zh: '开始日期', en: 'start date' };
const noticeFields = {
  title: shortText(200),
  body: optionalText(20_000).optional(),
  startOn: calendarDate(START_ON),
  publicityDays: dayCount({ zh: '公示天数', en: 'publicity period' }, 1, 365).optional(),
  publicityKind: periodKind.optional(),
  feedbackDays: dayCount({ zh: '书面意见期天数', en: 'feedback period' }, 0, 365).optional(),
  feedbackKind: periodKind.optional(),
  countStartDay: z.boolean().optional(),
};
const noticeCreate = z.object({ projectId: z.uuid(), kind: z.enum(NOTICE_KINDS), ...noticeFields });
const noticePatch = z.object(noticeFields).partial();
const noticeRestart = z.object({ reason: shortText(1000), ...noticeFields, title: noticeFields.title.optional() });
const staffObjection = z.object({
  text: shortText(5000),
  fromUnitId: z.uuid().optional(),
  fromName: optionalText(100).optional(),
  receivedOn: calendarDate({ zh: '收到日期', en: 'date received' }).optional(),
});
const evidenceFields = z.object({ where: optionalText(200).optional(), note: optionalText(1000).optional() });

/** Staff routes of public notices and their objections. */
export function noticesRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  const access = (req: FastifyRequest) => requireAccess(req, db);

  r.get('/api/v1/projects/:id/notices', { schema: { tags, summary: '项目的公示 Notices of a project', params: idParam } }, async (req) => ({
    items: await svc.listNotices(db, await access(req), req.params.id),
  }));
  r.post('/api/v1/notices', { schema: { tags, summary: '新建公示（草稿）Create a notice (draft)', body: noticeCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createNotice(db, await access(req), req.body)),
  );
  r.get('/api/v1/notices/:id', { schema: { tags, summary: '公示（含张贴照片和异议）Notice with evidence and objections', params: idParam } }, async (req) => svc.getNotice(db, await access(req), req.params.id));
  r.patch('/api/v1/notices/:id', { schema: { tags, summary: '修改草稿 Edit a draft notice', params: idParam, body: noticePatch } }, async (req) => svc.updateNotice(db, await access(req), req.params.id, req.body));
  r.delete('/api/v1/notices/:id', { schema: { tags, summary: '删除草稿 Delete a draft notice', params: idParam } }, async (req) => svc.deleteNotice(db, await access(req), req.params.id));
  r.post('/api/v1/notices/:id/post', {
    schema: { tags, summary: '张贴公示 Post the notice', params: idParam, body: z.object({ postedWhere: optionalText(200).optional() }).nullish() },
  }, async (req) => svc.postNotice(db, await access(req), req.params.id, req.body ?? {}));
  r.post('/api/v1/notices/:id/evidence', {
    schema: { tags, summary: '上传张贴照片或 PDF（multipart：where、note + file）Upload posting evidence', params: idParam, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const a = await access(req);
    const { fields, file } = await multipartForm(req, evidenceFields);
    return reply.status(201).send(await svc.addEvidence(db, a, req.params.id, fields, file));
  });
  r.get('/api/v1/notices/:id/evidence/:evidenceId', {
    schema: { tags, summary: '下载张贴照片 Download posting evidence', params: z.object({ id: z.uuid(), evidenceId: z.uuid() }) },
  }, async (req, reply) => {
    const f = await svc.evidenceFile(db, await access(req), req.params.id, req.params.evidenceId);
    return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.content);
  });
  r.post('/api/v1/notices/:id/restart', {
    schema: { tags, summary: '方案变更，重新公示（原公示留档）Restart a notice after a changed plan', params: idParam, body: noticeRestart },
  }, async (req, reply) => reply.status(201).send(await svc.restartNotice(db, await access(req), req.params.id, req.body)));

  r.post('/api/v1/notices/:id/objections', {
    schema: { tags, summary: '登记书面或当面异议 Enter an objection received by staff', params: idParam, body: staffObjection },
  }, async (req, reply) => reply.status(201).send(await svc.addStaffObjection(db, await access(req), req.params.id, req.body)));
  r.get('/api/v1/objections', {
    schema: { tags, summary: '异议列表 Objections', querystring: z.object({ ...pageQuery, projectId: z.uuid().optional(), committeeId: z.uuid().optional(), status: z.enum(OBJECTION_STATUSES).optional() }) },
  }, async (req) => {
    const { items, total } = await svc.listObjections(db, await access(req), req.query);
    return paged(items, total, req.query.page, req.query.pageSize);
  });
  r.post('/api/v1/objections/:id/answer', {
    schema: { tags, summary: '答复异议 Answer an objection', params: idParam, body: z.object({ answer: shortText(5000), settled: z.boolean() }) },
  }, async (req) => svc.answerObjection(db, await access(req), req.params.id, req.body));
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { attachment } from '../../platform/files.ts';
import { idParam, okBody, paged } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import * as c from './contract.ts';
import { fileResponse } from '../../platform/contract.ts';
import * as objectionsSvc from './objections.ts';
import * as svc from './service.ts';

/** Staff routes of public notices and their objections. */
export function noticesRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  const access = (req: FastifyRequest) => requireAccess(req);

  r.get(
    '/api/v1/projects/:id/notices',
    {
      schema: {
        tags,
        summary: '项目的公示 Notices of a project',
        params: idParam,
        response: { 200: c.noticeListResponse },
      },
    },
    async (req) => ({ items: await svc.listNotices(db, await access(req), req.params.id) }),
  );
  r.post(
    '/api/v1/notices',
    {
      schema: {
        tags,
        summary: '新建公示（草稿）Create a notice (draft)',
        body: c.noticeCreate,
        response: { 201: c.notice },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createNotice(db, await access(req), req.body)),
  );
  r.get(
    '/api/v1/notices/:id',
    {
      schema: {
        tags,
        summary: '公示（含张贴照片和异议）Notice with evidence and objections',
        params: idParam,
        response: { 200: c.noticeDetailResponse },
      },
    },
    async (req) => svc.getNotice(db, await access(req), req.params.id),
  );
  r.patch(
    '/api/v1/notices/:id',
    {
      schema: {
        tags,
        summary: '修改草稿 Edit a draft notice',
        params: idParam,
        body: c.noticePatch,
        response: { 200: c.notice },
      },
    },
    async (req) => svc.updateNotice(db, await access(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/notices/:id',
    {
      schema: { tags, summary: '删除草稿 Delete a draft notice', params: idParam, response: { 200: okBody } },
    },
    async (req) => svc.deleteNotice(db, await access(req), req.params.id),
  );
  r.post(
    '/api/v1/notices/:id/post',
    {
      schema: {
        tags,
        summary: '张贴公示 Post the notice',
        params: idParam,
        body: c.noticePost,
        response: { 200: c.notice },
      },
    },
    async (req) => svc.postNotice(db, await access(req), req.params.id, req.body ?? {}),
  );
  r.post(
    '/api/v1/notices/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传张贴照片或 PDF（multipart：where、note + file）Upload posting evidence',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: c.evidenceResponse },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const { fields, file } = await multipartForm(req, c.evidenceFields);
      return reply.status(201).send(await svc.addEvidence(db, a, req.params.id, fields, file));
    },
  );
  r.get(
    '/api/v1/notices/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: '下载张贴照片 Download posting evidence',
        params: c.evidenceParams,
        ...fileResponse(
          'application/octet-stream',
          '张贴照片或 PDF（类型见 Content-Type）The photo or PDF, as Content-Type says',
        ),
      },
    },
    async (req, reply) => {
      const f = await svc.evidenceFile(db, await access(req), req.params.id, req.params.evidenceId);
      return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.content);
    },
  );
  r.post(
    '/api/v1/notices/:id/restart',
    {
      schema: {
        tags,
        summary: '方案变更，重新公示（原公示留档）Restart a notice after a changed plan',
        params: idParam,
        body: c.noticeRestart,
        response: { 201: c.notice },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.restartNotice(db, await access(req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/notices/:id/objections',
    {
      schema: {
        tags,
        summary: '登记书面或当面异议 Enter an objection received by staff',
        params: idParam,
        body: c.staffObjection,
        response: { 201: c.objection },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await objectionsSvc.addStaffObjection(db, await access(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/objections',
    {
      schema: {
        tags,
        summary: '异议列表 Objections',
        querystring: c.objectionListQuery,
        response: { 200: c.objectionListResponse },
      },
    },
    async (req) => {
      const { items, total } = await objectionsSvc.listObjections(db, await access(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.post(
    '/api/v1/objections/:id/answer',
    {
      schema: {
        tags,
        summary: '答复异议 Answer an objection',
        params: idParam,
        body: c.objectionAnswer,
        response: { 200: c.objection },
      },
    },
    async (req) => objectionsSvc.answerObjection(db, await access(req), req.params.id, req.body),
  );
}

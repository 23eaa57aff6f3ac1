import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { fileResponse } from '../../platform/contract.ts';
import { attachment } from '../../platform/files.ts';
import { idParam, paged } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import * as c from './contract.ts';
import * as svc from './service.ts';

export function mediationRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mediation'];
  const access = (req: FastifyRequest) => requireAccess(req);

  r.get(
    '/api/v1/mediation',
    {
      schema: {
        tags,
        summary: '调解案件（居委会的待办：status=open）Mediation cases',
        querystring: c.caseListQuery,
        response: { 200: c.caseListResponse },
      },
    },
    async (req) => {
      const { items, total } = await svc.listCases(db, await access(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/api/v1/projects/:id/mediation',
    {
      schema: {
        tags,
        summary: '项目的调解案件 Mediation cases of a project',
        params: idParam,
        response: { 200: c.projectCasesResponse },
      },
    },
    async (req) => ({ items: await svc.listProjectCases(db, await access(req), req.params.id) }),
  );
  r.post(
    '/api/v1/mediation',
    {
      schema: {
        tags,
        summary: '新建调解案件 Open a mediation case',
        body: c.caseCreate,
        response: { 201: c.caseResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createCase(db, await access(req), req.body)),
  );
  r.get(
    '/api/v1/mediation/:id',
    {
      schema: {
        tags,
        summary: '调解案件 Mediation case',
        params: idParam,
        response: { 200: c.caseResponse },
      },
    },
    async (req) => svc.getCase(db, await access(req), req.params.id),
  );
  r.patch(
    '/api/v1/mediation/:id',
    {
      schema: {
        tags,
        summary: '修改调解案件（当事人整体替换）Edit an open case',
        params: idParam,
        body: c.casePatch,
        response: { 200: c.caseResponse },
      },
    },
    async (req) => svc.updateCase(db, await access(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/mediation/:id/sessions',
    {
      schema: {
        tags,
        summary: '记录一次调解 Record a session',
        params: idParam,
        body: c.sessionBody,
        response: { 201: c.sessionResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addSession(db, await access(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/mediation/:id/close',
    {
      schema: {
        tags,
        summary: '结案 Close with an outcome',
        params: idParam,
        body: c.caseClose,
        response: { 200: c.caseResponse },
      },
    },
    async (req) => svc.closeCase(db, await access(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/mediation/:id/agreement',
    {
      schema: {
        tags,
        summary: '上传调解协议扫描件（multipart：file）Upload the agreement',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 200: c.caseResponse },
      },
    },
    async (req) => {
      const a = await access(req);
      const { file } = await multipartForm(req, z.object({}));
      return svc.attachAgreement(db, a, req.params.id, file);
    },
  );
  r.get(
    '/api/v1/mediation/:id/agreement',
    {
      schema: {
        tags,
        summary: '下载调解协议 Download the agreement',
        params: idParam,
        ...fileResponse(
          'application/octet-stream',
          '调解协议扫描件：PDF、JPEG 或 PNG（类型见 Content-Type）The signed agreement: PDF, JPEG or PNG, as Content-Type says',
        ),
      },
    },
    async (req, reply) => {
      const f = await svc.agreementFile(db, await access(req), req.params.id);
      return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.content);
    },
  );
  r.post(
    '/api/v1/objections/:id/escalate',
    {
      schema: {
        tags,
        summary: '异议转入调解 Escalate an objection to mediation',
        params: idParam,
        body: c.caseEscalate,
        response: { 201: c.caseResponse },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await svc.escalateObjection(db, await access(req), req.params.id, req.body ?? {})),
  );
}

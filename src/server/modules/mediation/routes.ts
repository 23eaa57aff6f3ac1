import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, optionalText, pageQuery, paged, shortText } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { attachment } from '../../platform/files.ts';
import { calendarDate } from '../notices/inputs.ts';
import { GOVERNANCES, MEDIATION_KINDS, OUTCOMES, PARTY_ROLES } from './schema.ts';
import * as svc from './service.ts';

const party = z.object({ unitId: z.uuid().optional(), name: optionalText(100).optional(), role: z.enum(PARTY_ROLES).optional() });
const caseFields = {
  kind: z.enum(MEDIATION_KINDS),
  title: shortText(200),
  description: optionalText(10_000).optional(),
  complaint: optionalText(5000).optional(),
  parties: z.array(party).max(50).optional(),
};
const caseCreate = z.object({ projectId: z.uuid(), ...caseFields, openedOn: calendarDate({ zh: '立案日期', en: 'opening date' }).optional() });
const casePatch = z.object(caseFields).partial();
const escalate = z.object({ ...caseFields, openedOn: caseCreate.shape.openedOn }).partial().nullish();
const session = z.object({
  heldOn: calendarDate({ zh: '调解日期', en: 'session date' }),
  notes: shortText(10_000),
  governance: z.array(z.enum(GOVERNANCES)).min(1).max(4),
  attendees: optionalText(500).optional(),
});
const close = z.object({
  outcome: z.enum(OUTCOMES.filter((o) => o !== 'open') as ['agreed', 'partially_agreed', 'failed', 'withdrawn']),
  note: optionalText(5000).optional(),
  closedOn: calendarDate({ zh: '结案日期', en: 'closing date' }).optional(),
});

export function mediationRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mediation'];
  const access = (req: FastifyRequest) => requireAccess(req, db);

  r.get('/api/v1/mediation', {
    schema: { tags, summary: '调解案件（居委会的待办：status=open）Mediation cases', querystring: z.object({ ...pageQuery, committeeId: z.uuid().optional(), projectId: z.uuid().optional(), status: z.enum(OUTCOMES).optional() }) },
  }, async (req) => {
    const { items, total } = await svc.listCases(db, await access(req), req.query);
    return paged(items, total, req.query.page, req.query.pageSize);
  });
  r.get('/api/v1/projects/:id/mediation', { schema: { tags, summary: '项目的调解案件 Mediation cases of a project', params: idParam } }, async (req) => ({
    items: await svc.listProjectCases(db, await access(req), req.params.id),
  }));
  r.post('/api/v1/mediation', { schema: { tags, summary: '新建调解案件 Open a mediation case', body: caseCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createCase(db, await access(req), req.body)),
  );
  r.get('/api/v1/mediation/:id', { schema: { tags, summary: '调解案件 Mediation case', params: idParam } }, async (req) => svc.getCase(db, await access(req), req.params.id));
  r.patch('/api/v1/mediation/:id', { schema: { tags, summary: '修改调解案件（当事人整体替换）Edit an open case', params: idParam, body: casePatch } }, async (req) =>
    svc.updateCase(db, await access(req), req.params.id, req.body),
  );
  r.post('/api/v1/mediation/:id/sessions', { schema: { tags, summary: '记录一次调解 Record a session', params: idParam, body: session } }, async (req, reply) =>
    reply.status(201).send(await svc.addSession(db, await access(req), req.params.id, req.body)),
  );
  r.post('/api/v1/mediation/:id/close', { schema: { tags, summary: '结案 Close with an outcome', params: idParam, body: close } }, async (req) =>
    svc.closeCase(db, await access(req), req.params.id, req.body),
  );
  r.post('/api/v1/mediation/:id/agreement', {
    schema: { tags, summary: '上传调解协议扫描件（multipart：file）Upload the agreement', params: idParam, consumes: ['multipart/form-data'] },
  }, async (req) => {
    const a = await access(req);
    const { file } = await multipartForm(req, z.object({}));
    return svc.attachAgreement(db, a, req.params.id, file);
  });
  r.get('/api/v1/mediation/:id/agreement', { schema: { tags, summary: '下载调解协议 Download the agreement', params: idParam } }, async (req, reply) => {
    const f = await svc.agreementFile(db, await access(req), req.params.id);
    return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.content);
  });
  r.post('/api/v1/objections/:id/escalate', { schema: { tags, summary: '异议转入调解 Escalate an objection to mediation', params: idParam, body: escalate } }, async (req, reply) =>
    reply.status(201).send(await svc.escalateObjection(db, await access(req), req.params.id, req.body ?? {})),
  );
}

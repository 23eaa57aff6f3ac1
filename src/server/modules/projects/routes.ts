import type { FastifyInstance, FastifyRequest } from 'fastify';
import { APPROVAL_STATUSES } from '../../../core/approvals.ts';
import { forbidden } from '../../../core/errors.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { attachment } from '../../platform/files.ts';
import { DOCUMENT_CATEGORIES } from '../../../core/documents.ts';
import { listDocuments, readDocumentVersion, replaceDocument, uploadDocument } from './documents.ts';
import { approvalBottlenecks, getApprovals, getChecklist, tickChecklistItem, updateApprovalStep } from './steps.ts';
import { saveTemplate, templateOfStreet } from './templates.ts';
import { projectTimeline } from './timeline.ts';
import { changeStage, stageStatus } from './lifecycle.ts';
import { workList } from './worklist.ts';
import { schemeInput } from '../money/tools-routes.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAGES } from '../../../core/stages.ts';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, optionalText, pageQuery, paged, shortText } from '../../platform/http.ts';
import { createProject, getProject, listProjects, updateProject } from './service.ts';

const date = z.iso.date();
const projectCreate = z.object({
  name: shortText(100),
  stairwellId: z.uuid(),
  adviserUserId: z.uuid().nullable().optional(),
  mobilisedOn: date.nullable().optional(),
  note: optionalText(2000).optional(),
});
const projectPatch = z.object({
  name: shortText(100),
  adviserUserId: z.uuid().nullable(),
  mobilisedOn: date.nullable(),
  consultationOn: date.nullable(),
  worksStartedOn: date.nullable(),
  completedOn: date.nullable(),
  note: optionalText(2000),
}).partial().strict(); // a stage in here would be silently dropped: say so instead

export function projectsRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get('/api/v1/projects', {
    schema: { tags, summary: '加装电梯项目 Lift projects', querystring: z.object({ ...pageQuery, stage: z.enum(STAGES).optional(), committeeId: z.uuid().optional() }) },
  }, async (req) => {
    const { items, total, byStage } = await listProjects(db, await requireAccess(req, db), req.query);
    return { ...paged(items, total, req.query.page, req.query.pageSize), byStage };
  });
  r.get('/api/v1/projects/:id', { schema: { tags, summary: '项目详情 Project', params: idParam } }, async (req) => getProject(db, await requireAccess(req, db), req.params.id));
  r.post('/api/v1/projects', { schema: { tags, summary: '新建项目 Create a project', body: projectCreate } }, async (req, reply) =>
    reply.status(201).send(await createProject(db, await requireAccess(req, db), req.body)),
  );
  r.patch('/api/v1/projects/:id', { schema: { tags, summary: '修改项目 Update a project', params: idParam, body: projectPatch } }, async (req) =>
    updateProject(db, await requireAccess(req, db), req.params.id, req.body),
  );
}

const approvalPatch = z.object({
  status: z.enum(APPROVAL_STATUSES),
  startedOn: date.nullable(),
  submittedOn: date.nullable(),
  doneOn: date.nullable(),
  returnedReason: optionalText(500).nullable(),
  note: optionalText(2000),
}).partial();

const bilingual = z.object({ zh: shortText(200), en: shortText(300) });
const methodTemplate = z.array(z.object({
  key: shortText(40),
  name: bilingual,
  items: z.array(z.object({ key: shortText(40), text: bilingual, stage: z.enum(STAGES) })).min(3).max(9),
})).min(1).max(20);
const approvalTemplate = z.array(z.object({
  key: shortText(40),
  name: bilingual,
  agency: shortText(100),
  documents: z.array(shortText(100)).max(20),
  limitDays: z.number().int().min(1).max(365),
  dayKind: z.enum(['natural', 'working']),
  optional: z.boolean(),
})).min(1).max(40);

const subsidyRulesTemplate = z.array(z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: bilingual,
  rate: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/),
  capFen: z.number().int().min(0).max(100_000_000_00).nullable(),
  source: optionalText(300),
})).min(1).max(20);
const schemePresetsTemplate = z.array(z.object({ key: z.string().regex(/^[a-z0-9-]{2,40}$/), name: bilingual, scheme: schemeInput })).max(20);

/** The project's checklist, approvals, documents, timeline, and the street's templates. */
export function projectWorkRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const access = (req: FastifyRequest) => requireAccess(req, db);

  r.get('/api/v1/projects/:id/checklist', { schema: { tags, summary: '工作法清单 The method checklist of a project', params: idParam } }, async (req) => getChecklist(db, await access(req), req.params.id));
  r.put('/api/v1/projects/:id/checklist/:itemId', {
    schema: { tags, summary: '勾选清单事项 Tick a checklist item', params: z.object({ id: z.uuid(), itemId: z.uuid() }), body: z.object({ done: z.boolean(), note: optionalText(500).optional() }) },
  }, async (req) => tickChecklistItem(db, await access(req), req.params.id, req.params.itemId, req.body));

  r.get('/api/v1/projects/:id/approvals', { schema: { tags, summary: '审批环节 Approval steps of a project', params: idParam } }, async (req) => getApprovals(db, await access(req), req.params.id));
  r.patch('/api/v1/approval-steps/:id', { schema: { tags, summary: '更新审批环节 Update an approval step', params: idParam, body: approvalPatch } }, async (req) => updateApprovalStep(db, await access(req), req.params.id, req.body));
  r.get('/api/v1/approvals/bottlenecks', { schema: { tags, summary: '审批瓶颈 Average and slowest days per step' } }, async (req) => approvalBottlenecks(db, await access(req)));

  r.get('/api/v1/projects/:id/timeline', {
    schema: { tags, summary: '项目时间线 Everything that happened, newest first', params: idParam, querystring: z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  }, async (req) => projectTimeline(db, await access(req), req.params.id, req.query));

  r.get('/api/v1/projects/:id/documents', { schema: { tags, summary: '项目文件 Document library', params: idParam } }, async (req) => listDocuments(db, await access(req), req.params.id));
  r.post('/api/v1/projects/:id/documents', { schema: { tags, summary: '上传文件（multipart：title, category, file）Upload a document', params: idParam, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const a = await access(req);
    const { fields, file } = await multipartForm(req, z.object({ title: shortText(100), category: z.enum(DOCUMENT_CATEGORIES).default('other') }));
    return reply.status(201).send(await uploadDocument(db, a, req.params.id, { ...fields, file }));
  });
  r.post('/api/v1/documents/:id/versions', { schema: { tags, summary: '替换文件（新版本）Replace a document (new version)', params: idParam, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const a = await access(req);
    const { file } = await multipartForm(req, z.object({}));
    return reply.status(201).send(await replaceDocument(db, a, req.params.id, file));
  });
  r.get('/api/v1/documents/:id/versions/:version', {
    schema: { tags, summary: '下载某个版本 Download a version', params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }) },
  }, async (req, reply) => {
    const f = await readDocumentVersion(db, await access(req), req.params.id, req.params.version);
    return reply.type(f.mime).header('content-disposition', attachment(f.name)).header('x-content-sha256', f.sha256).send(f.content);
  });

  r.get('/api/v1/projects/:id/stage', { schema: { tags, summary: '阶段与准入条件 Stage, what the next stage needs, history', params: idParam } }, async (req) => stageStatus(db, await access(req), req.params.id));
  r.post('/api/v1/projects/:id/stage', {
    schema: {
      tags,
      summary: '变更阶段（未满足的条件须写明理由才能越过）Change stage; unmet criteria need a written override reason',
      params: idParam,
      body: z.object({ to: z.enum(STAGES), confirmed: z.array(z.string().max(60)).max(20).optional(), reason: optionalText(1000).optional(), override: z.boolean().optional(), on: date.optional() }),
    },
  }, async (req, reply) => reply.status(201).send(await changeStage(db, await access(req), req.params.id, req.body)));

  r.get('/api/v1/worklist', { schema: { tags, summary: '待办 What needs attention now' } }, async (req) => workList(db, await access(req)));

  r.get('/api/v1/templates', { schema: { tags, summary: '街道模板：工作法与审批环节 Street templates' } }, async (req) => {
    const a = await access(req);
    const streetId = a.user.streetId ?? a.streetOf.get(a.user.committeeId ?? '') ?? null;
    if (!streetId) throw forbidden();
    return templateOfStreet(db, streetId);
  });
  r.put('/api/v1/templates', {
    schema: { tags, summary: '修改街道模板（工作法、审批环节、补贴规则、分摊方案示例）Edit the street templates (street admin)', body: z.object({ method: methodTemplate.optional(), approvalSteps: approvalTemplate.optional(), subsidyRules: subsidyRulesTemplate.optional(), schemePresets: schemePresetsTemplate.optional() }) },
  }, async (req) =>
    saveTemplate(db, await access(req), req.body),
  );
}

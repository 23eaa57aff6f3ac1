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
import { listDocuments, readDocumentVersion, replaceDocument, uploadDocument } from './documents.ts';
import { createProject, getProject, listProjects, updateProject } from './service.ts';
import {
  approvalBottlenecks,
  getApprovals,
  getChecklist,
  tickChecklistItem,
  updateApprovalStep,
} from './steps.ts';
import { saveTemplate, templateOfCaller } from './templates.ts';
import { projectTimeline } from './timeline.ts';

export function projectsRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  r.get(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: '加装电梯项目 Lift projects',
        querystring: c.projectListQuery,
        response: { 200: c.projectListResponse },
      },
    },
    async (req) => {
      const { items, total, byStage } = await listProjects(db, await requireAccess(req), req.query);
      return { ...paged(items, total, req.query.page, req.query.pageSize), byStage };
    },
  );
  r.get(
    '/api/v1/projects/:id',
    { schema: { tags, summary: '项目详情 Project', params: idParam, response: { 200: c.project } } },
    async (req) => getProject(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: '新建项目 Create a project',
        body: c.projectCreate,
        response: { 201: c.project },
      },
    },
    async (req, reply) => reply.status(201).send(await createProject(db, await requireAccess(req), req.body)),
  );
  r.patch(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        summary: '修改项目 Update a project',
        params: idParam,
        body: c.projectPatch,
        response: { 200: c.project },
      },
    },
    async (req) => updateProject(db, await requireAccess(req), req.params.id, req.body),
  );
}

/** The project's checklist, approvals, documents, timeline, and the street's templates. */
export function projectWorkRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const access = (req: FastifyRequest) => requireAccess(req);

  r.get(
    '/api/v1/projects/:id/checklist',
    {
      schema: {
        tags,
        summary: '工作法清单 The method checklist of a project',
        params: idParam,
        response: { 200: c.checklistResponse },
      },
    },
    async (req) => getChecklist(db, await access(req), req.params.id),
  );
  r.put(
    '/api/v1/projects/:id/checklist/:itemId',
    {
      schema: {
        tags,
        summary: '勾选清单事项 Tick a checklist item',
        params: c.checklistItemParams,
        body: c.checklistTick,
        response: { 200: c.checklistItem },
      },
    },
    async (req) => tickChecklistItem(db, await access(req), req.params.id, req.params.itemId, req.body),
  );

  r.get(
    '/api/v1/projects/:id/approvals',
    {
      schema: {
        tags,
        summary: '审批环节 Approval steps of a project',
        params: idParam,
        response: { 200: c.approvalsResponse },
      },
    },
    async (req) => getApprovals(db, await access(req), req.params.id),
  );
  r.patch(
    '/api/v1/approval-steps/:id',
    {
      schema: {
        tags,
        summary: '更新审批环节 Update an approval step',
        params: idParam,
        body: c.approvalPatch,
        response: { 200: c.approvalStep },
      },
    },
    async (req) => updateApprovalStep(db, await access(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/approvals/bottlenecks',
    {
      schema: {
        tags,
        summary: '审批瓶颈 Average and slowest days per step',
        response: { 200: c.bottlenecksResponse },
      },
    },
    async (req) => approvalBottlenecks(db, await access(req)),
  );

  r.get(
    '/api/v1/projects/:id/timeline',
    {
      schema: {
        tags,
        summary: '项目时间线 Everything that happened, newest first',
        params: idParam,
        querystring: c.timelineQuery,
        response: { 200: c.timelineResponse },
      },
    },
    async (req) => projectTimeline(db, await access(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/projects/:id/documents',
    {
      schema: {
        tags,
        summary: '项目文件 Document library',
        params: idParam,
        response: { 200: c.documentsResponse },
      },
    },
    async (req) => listDocuments(db, await access(req), req.params.id),
  );
  r.post(
    '/api/v1/projects/:id/documents',
    {
      schema: {
        tags,
        summary: '上传文件（multipart：title, category, file）Upload a document',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: c.documentUploadResponse },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const { fields, file } = await multipartForm(req, c.documentFields);
      return reply.status(201).send(await uploadDocument(db, a, req.params.id, { ...fields, file }));
    },
  );
  r.post(
    '/api/v1/documents/:id/versions',
    {
      schema: {
        tags,
        summary: '替换文件（新版本）Replace a document (new version)',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: c.documentUploadResponse },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const { file } = await multipartForm(req, z.object({}));
      return reply.status(201).send(await replaceDocument(db, a, req.params.id, file));
    },
  );
  r.get(
    '/api/v1/documents/:id/versions/:version',
    {
      schema: {
        tags,
        summary: '下载某个版本 Download a version',
        params: c.documentVersionParams,
        ...fileResponse(
          'application/octet-stream',
          '文件本身（PDF、图片、Word 或 Excel，类型见 Content-Type）The file as uploaded: PDF, image, Word or Excel, as Content-Type says',
        ),
      },
    },
    async (req, reply) => {
      const f = await readDocumentVersion(db, await access(req), req.params.id, req.params.version);
      return reply
        .type(f.mime)
        .header('content-disposition', attachment(f.name))
        .header('x-content-sha256', f.sha256)
        .send(f.content);
    },
  );

  r.get(
    '/api/v1/templates',
    {
      schema: {
        tags,
        summary: '街道模板：工作法与审批环节 Street templates',
        response: { 200: c.templatesResponse },
      },
    },
    async (req) => templateOfCaller(db, await access(req)),
  );
  r.put(
    '/api/v1/templates',
    {
      schema: {
        tags,
        summary:
          '修改街道模板（工作法、审批环节、补贴规则、分摊方案示例）Edit the street templates (street admin)',
        body: c.templatesPatch,
        response: { 200: c.templatesResponse },
      },
    },
    async (req) => saveTemplate(db, await access(req), req.body),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccess } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { fileResponse } from '../../platform/contract.ts';
import { inline } from '../../platform/files.ts';
import { idParam } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import * as c from './contract.ts';
import {
  addLogEntry,
  addLogPhoto,
  logPhotoFile,
  getWorks,
  saveParties,
  saveWorksTemplate,
  tickAcceptance,
  updateMilestone,
  worksTemplateOfCaller,
} from './service.ts';

/** A project's works (施工管理): milestones, contractor, site log, acceptance; the street's milestone template. */
export function worksRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['works'];
  r.get(
    '/api/v1/projects/:id/works',
    {
      schema: {
        tags,
        summary: '项目的施工：节点、施工单位、施工日志、验收移交 The project’s works',
        params: idParam,
        response: { 200: c.works },
      },
    },
    async (req) => getWorks(db, await requireAccess(req), req.params.id),
  );
  r.patch(
    '/api/v1/projects/:id/works/milestones/:key',
    {
      schema: {
        tags,
        summary: '记录施工节点的状态与日期 Record a milestone’s status and dates',
        params: c.milestoneKeyParams,
        body: c.milestonePatch,
        response: { 200: c.milestone },
      },
    },
    async (req) => updateMilestone(db, await requireAccess(req), req.params.id, req.params.key, req.body),
  );
  r.put(
    '/api/v1/projects/:id/works/parties',
    {
      schema: {
        tags,
        summary: '施工单位与监理单位 The contractor and the supervisor',
        params: idParam,
        body: c.partiesBody,
        response: { 200: c.parties },
      },
    },
    async (req) => saveParties(db, await requireAccess(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/projects/:id/works/log',
    {
      schema: {
        tags,
        summary: '新增施工日志 Add a site log entry',
        params: idParam,
        body: c.logBody,
        response: { 201: c.logEntry },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addLogEntry(db, await requireAccess(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/projects/:id/works/log/:entryId/photos',
    {
      schema: {
        tags,
        summary: '上传施工日志的现场照片（multipart：caption + file）Upload a site photo to a log entry',
        params: c.logEntryParams,
        consumes: ['multipart/form-data'],
        response: { 201: c.logPhoto },
      },
    },
    async (req, reply) => {
      const access = await requireAccess(req);
      const { fields, file } = await multipartForm(req, c.logPhotoFields);
      const { id, entryId } = req.params;
      return reply.code(201).send(await addLogPhoto(db, access, id, entryId, fields, file));
    },
  );
  r.get(
    '/api/v1/projects/:id/works/log/:entryId/photos/:photoId',
    {
      schema: {
        tags,
        summary: '施工日志的现场照片 A site photo of a log entry',
        params: c.logPhotoParams,
        ...fileResponse('application/octet-stream', 'JPEG、PNG 或 WebP 图片 A JPEG, PNG or WebP image'),
      },
    },
    async (req, reply) => {
      const { id, entryId, photoId } = req.params;
      const f = await logPhotoFile(db, await requireAccess(req), id, entryId, photoId);
      // shown in the page as a thumbnail and opened full size; private to the signed-in staff
      return reply
        .type(f.mime)
        .header('content-disposition', inline(f.name))
        .header('cache-control', 'private, max-age=3600')
        .send(f.content);
    },
  );
  r.put(
    '/api/v1/projects/:id/works/acceptance/:item',
    {
      schema: {
        tags,
        summary: '勾选验收移交事项及其文件 Tick an acceptance item with its document',
        params: c.acceptanceItemParams,
        body: c.acceptanceBody,
        response: { 200: c.acceptanceItem },
      },
    },
    async (req) => tickAcceptance(db, await requireAccess(req), req.params.id, req.params.item, req.body),
  );
  r.get(
    '/api/v1/works-template',
    {
      schema: {
        tags,
        summary: '街道施工节点模板 The street’s works milestones template',
        response: { 200: c.worksTemplate },
      },
    },
    async (req) => worksTemplateOfCaller(db, await requireAccess(req)),
  );
  r.put(
    '/api/v1/works-template',
    {
      schema: {
        tags,
        summary: '修改街道施工节点模板（街道管理员）Edit the street’s works milestones (street admin)',
        body: c.worksTemplateBody,
        response: { 200: c.worksTemplate },
      },
    },
    async (req) => saveWorksTemplate(db, await requireAccess(req), req.body.milestones),
  );
}

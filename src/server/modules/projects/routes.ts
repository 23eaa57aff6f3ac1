import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAGES } from '../../../core/stages.ts';
import type { AppContext } from '../../app.ts';
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
  stage: z.enum(STAGES),
  adviserUserId: z.uuid().nullable(),
  mobilisedOn: date.nullable(),
  consultationOn: date.nullable(),
  worksStartedOn: date.nullable(),
  completedOn: date.nullable(),
  note: optionalText(2000),
}).partial();

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

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Access } from '../../platform/access.ts';
import { requireAccess } from '../../platform/auth.ts';
import type { Db } from '../../platform/db/client.ts';
import { idParam, pageQuery, paged } from '../../platform/http.ts';
import * as inputs from './inputs.ts';
import * as svc from './service.ts';

interface CrudSpec<C extends z.ZodType, P extends z.ZodType, Q extends z.ZodRawShape> {
  path: string;
  label: string;
  filters: Q;
  create: C;
  patch: P;
  list(db: Db, access: Access, q: z.infer<z.ZodObject<Q & typeof pageQuery>>): Promise<{ items: unknown[]; total: number }>;
  get(db: Db, access: Access, id: string): Promise<unknown>;
  add(db: Db, access: Access, body: z.output<C>): Promise<unknown>;
  edit(db: Db, access: Access, id: string, body: z.output<P>): Promise<unknown>;
  remove(db: Db, access: Access, id: string): Promise<void>;
}

/** The five routes of one registry resource: routes stay thin, the service does the work. */
function crud<C extends z.ZodType, P extends z.ZodType, Q extends z.ZodRawShape>(app: FastifyInstance, db: Db, s: CrudSpec<C, P, Q>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  const query = z.object({ ...pageQuery, ...s.filters });
  r.get(s.path, { schema: { tags, summary: `${s.label} list`, querystring: query } }, async (req) => {
    const q = req.query as z.infer<typeof query> & { page: number; pageSize: number };
    const { items, total } = await s.list(db, await requireAccess(req, db), q as never);
    return paged(items, total, q.page, q.pageSize);
  });
  r.get(`${s.path}/:id`, { schema: { tags, summary: `${s.label} detail`, params: idParam } }, async (req) => s.get(db, await requireAccess(req, db), req.params.id));
  r.post(s.path, { schema: { tags, summary: `${s.label} create`, body: s.create } }, async (req, reply) => {
    const created = await s.add(db, await requireAccess(req, db), req.body as z.output<C>);
    return reply.status(201).send(created);
  });
  r.patch(`${s.path}/:id`, { schema: { tags, summary: `${s.label} update`, params: idParam, body: s.patch } }, async (req) =>
    s.edit(db, await requireAccess(req, db), req.params.id, req.body as z.output<P>),
  );
  r.delete(`${s.path}/:id`, { schema: { tags, summary: `${s.label} delete (only when nothing depends on it)`, params: idParam } }, async (req) => {
    await s.remove(db, await requireAccess(req, db), req.params.id);
    return { ok: true as const };
  });
}

export function registryRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const uuidFilter = z.uuid().optional();

  r.get('/api/v1/committees', { schema: { tags: ['registry'], summary: '居委会 Committees in scope' } }, async (req) => ({
    items: await svc.listCommittees(db, await requireAccess(req, db)),
  }));

  crud(app, db, {
    path: '/api/v1/estates', label: '小区 Estate', filters: { committeeId: uuidFilter },
    create: inputs.estateCreate, patch: inputs.estatePatch,
    list: svc.listEstates, get: svc.getEstate, add: svc.createEstate, edit: svc.updateEstate, remove: svc.deleteEstate,
  });
  crud(app, db, {
    path: '/api/v1/buildings', label: '楼幢 Building', filters: { estateId: uuidFilter, committeeId: uuidFilter },
    create: inputs.buildingCreate, patch: inputs.buildingPatch,
    list: svc.listBuildings, get: svc.getBuilding, add: svc.createBuilding, edit: svc.updateBuilding, remove: svc.deleteBuilding,
  });
  crud(app, db, {
    path: '/api/v1/stairwells', label: '单元 Stairwell (detail includes the elevation diagram data)', filters: { buildingId: uuidFilter, estateId: uuidFilter },
    create: inputs.stairwellCreate, patch: inputs.stairwellPatch,
    list: svc.listStairwells, get: svc.getStairwell, add: svc.createStairwell, edit: svc.updateStairwell, remove: svc.deleteStairwell,
  });
  crud(app, db, {
    path: '/api/v1/units', label: '房屋 Unit', filters: { stairwellId: uuidFilter },
    create: inputs.unitCreate, patch: inputs.unitPatch,
    list: svc.listUnits, get: svc.getUnit, add: svc.createUnit, edit: svc.updateUnit, remove: svc.deleteUnit,
  });

  r.post('/api/v1/units/:id/owners', { schema: { tags: ['registry'], summary: '添加业主 Add an owner to a unit', params: idParam, body: inputs.ownerAdd } }, async (req, reply) =>
    reply.status(201).send(await svc.addOwner(db, await requireAccess(req, db), req.params.id, req.body)),
  );
  r.delete('/api/v1/units/:id/owners/:personId', { schema: { tags: ['registry'], summary: '移除业主 Remove an owner from a unit', params: z.object({ id: z.uuid(), personId: z.uuid() }) } }, async (req) =>
    svc.removeOwner(db, await requireAccess(req, db), req.params.id, req.params.personId),
  );

  r.get('/api/v1/persons', { schema: { tags: ['registry'], summary: '业主 Owners in scope (masked); q is a name or a full ID number', querystring: z.object(pageQuery) } }, async (req) => {
    const { items, total } = await svc.listPersons(db, await requireAccess(req, db), req.query);
    return paged(items, total, req.query.page, req.query.pageSize);
  });
  // strict: the old `?reveal=true` answers 400 rather than being quietly dropped
  r.get('/api/v1/persons/:id', { schema: { tags: ['registry'], summary: '业主详情 Owner (masked), with their units in scope', params: idParam, querystring: z.strictObject({}) } }, async (req) =>
    svc.getPerson(db, await requireAccess(req, db), req.params.id),
  );
  // disclosing personal data is audited, so it is a write: a POST with the CSRF token, never a link
  r.post('/api/v1/persons/:id/reveal', { schema: { tags: ['registry'], summary: '显示完整身份证号和电话 Reveal an owner\'s full ID number and phone (staff who contact owners; audited)', params: idParam } }, async (req) =>
    svc.getPerson(db, await requireAccess(req, db), req.params.id, true),
  );
  r.patch('/api/v1/persons/:id', { schema: { tags: ['registry'], summary: '修改业主 Update an owner', params: idParam, body: inputs.personInput.partial() } }, async (req) =>
    svc.updatePerson(db, await requireAccess(req, db), req.params.id, req.body),
  );
}

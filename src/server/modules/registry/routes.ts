import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, okBody, paged } from '../../platform/http.ts';
import * as c from './contract.ts';
import * as svc from './service.ts';

/** The registry: committees, estates, buildings, stairwells, units and their owners. */
export function registryRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  const ok = { ok: true as const };

  r.get(
    '/api/v1/committees',
    { schema: { tags, summary: '居委会 Committees in scope', response: { 200: c.committeesResponse } } },
    async (req) => ({
      items: await svc.listCommittees(db, await requireAccess(req)),
    }),
  );

  // ---------------------------------------------------------------- estates
  r.get(
    '/api/v1/estates',
    {
      schema: {
        tags,
        summary: '小区 Estate list',
        querystring: c.estatesQuery,
        response: { 200: c.estatesResponse },
      },
    },
    async (req) => {
      const { items, total } = await svc.listEstates(db, await requireAccess(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/api/v1/estates/:id',
    { schema: { tags, summary: '小区 Estate detail', params: idParam, response: { 200: c.estateDetail } } },
    async (req) => svc.getEstate(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/estates',
    { schema: { tags, summary: '小区 Estate create', body: c.estateCreate, response: { 201: c.estate } } },
    async (req, reply) =>
      reply.status(201).send(await svc.createEstate(db, await requireAccess(req), req.body)),
  );
  r.patch(
    '/api/v1/estates/:id',
    {
      schema: {
        tags,
        summary: '小区 Estate update',
        params: idParam,
        body: c.estatePatch,
        response: { 200: c.estate },
      },
    },
    async (req) => svc.updateEstate(db, await requireAccess(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/estates/:id',
    {
      schema: {
        tags,
        summary: '小区 Estate delete (only when nothing depends on it)',
        params: idParam,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await svc.deleteEstate(db, await requireAccess(req), req.params.id);
      return ok;
    },
  );

  // ---------------------------------------------------------------- buildings
  r.get(
    '/api/v1/buildings',
    {
      schema: {
        tags,
        summary: '楼幢 Building list',
        querystring: c.buildingsQuery,
        response: { 200: c.buildingsResponse },
      },
    },
    async (req) => {
      const { items, total } = await svc.listBuildings(db, await requireAccess(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/api/v1/buildings/:id',
    {
      schema: { tags, summary: '楼幢 Building detail', params: idParam, response: { 200: c.buildingDetail } },
    },
    async (req) => svc.getBuilding(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/buildings',
    {
      schema: {
        tags,
        summary: '楼幢 Building create',
        body: c.buildingCreate,
        response: { 201: c.building },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createBuilding(db, await requireAccess(req), req.body)),
  );
  r.patch(
    '/api/v1/buildings/:id',
    {
      schema: {
        tags,
        summary: '楼幢 Building update',
        params: idParam,
        body: c.buildingPatch,
        response: { 200: c.building },
      },
    },
    async (req) => svc.updateBuilding(db, await requireAccess(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/buildings/:id',
    {
      schema: {
        tags,
        summary: '楼幢 Building delete (only when nothing depends on it)',
        params: idParam,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await svc.deleteBuilding(db, await requireAccess(req), req.params.id);
      return ok;
    },
  );

  // ---------------------------------------------------------------- stairwells
  r.get(
    '/api/v1/stairwells',
    {
      schema: {
        tags,
        summary: '单元 Stairwell list',
        querystring: c.stairwellsQuery,
        response: { 200: c.stairwellsResponse },
      },
    },
    async (req) => {
      const { items, total } = await svc.listStairwells(db, await requireAccess(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/api/v1/stairwells/:id',
    {
      schema: {
        tags,
        summary: '单元 Stairwell detail, with the elevation diagram’s data (units, owners, projects)',
        params: idParam,
        response: { 200: c.stairwellDetail },
      },
    },
    async (req) => svc.getStairwell(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/stairwells',
    {
      schema: {
        tags,
        summary: '单元 Stairwell create',
        body: c.stairwellCreate,
        response: { 201: c.stairwell },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createStairwell(db, await requireAccess(req), req.body)),
  );
  r.patch(
    '/api/v1/stairwells/:id',
    {
      schema: {
        tags,
        summary: '单元 Stairwell update',
        params: idParam,
        body: c.stairwellPatch,
        response: { 200: c.stairwell },
      },
    },
    async (req) => svc.updateStairwell(db, await requireAccess(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/stairwells/:id',
    {
      schema: {
        tags,
        summary: '单元 Stairwell delete (only when nothing depends on it)',
        params: idParam,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await svc.deleteStairwell(db, await requireAccess(req), req.params.id);
      return ok;
    },
  );

  // ---------------------------------------------------------------- units and their owners
  r.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: '房屋 Unit list',
        querystring: c.unitsQuery,
        response: { 200: c.unitsResponse },
      },
    },
    async (req) => {
      const { items, total } = await svc.listUnits(db, await requireAccess(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/api/v1/units/:id',
    { schema: { tags, summary: '房屋 Unit detail', params: idParam, response: { 200: c.unit } } },
    async (req) => svc.getUnit(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/units',
    { schema: { tags, summary: '房屋 Unit create', body: c.unitCreate, response: { 201: c.unit } } },
    async (req, reply) =>
      reply.status(201).send(await svc.createUnit(db, await requireAccess(req), req.body)),
  );
  r.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: '房屋 Unit update',
        params: idParam,
        body: c.unitPatch,
        response: { 200: c.unit },
      },
    },
    async (req) => svc.updateUnit(db, await requireAccess(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: '房屋 Unit delete (only when nothing depends on it)',
        params: idParam,
        response: { 200: okBody },
      },
    },
    async (req) => {
      await svc.deleteUnit(db, await requireAccess(req), req.params.id);
      return ok;
    },
  );
  r.post(
    '/api/v1/units/:id/owners',
    {
      schema: {
        tags,
        summary: '添加业主 Add an owner to a unit; answers the unit',
        params: idParam,
        body: c.ownerAdd,
        response: { 201: c.unit },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addOwner(db, await requireAccess(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/units/:id/owners/:personId',
    {
      schema: {
        tags,
        summary: '移除业主 Remove an owner from a unit; answers the unit',
        params: c.unitOwnerParams,
        response: { 200: c.unit },
      },
    },
    async (req) => svc.removeOwner(db, await requireAccess(req), req.params.id, req.params.personId),
  );

  // ---------------------------------------------------------------- owners
  r.get(
    '/api/v1/persons',
    {
      schema: {
        tags,
        summary: '业主 Owners in scope (masked); q is a name or a full ID number',
        querystring: c.personsQuery,
        response: { 200: c.personsResponse },
      },
    },
    async (req) => {
      const { items, total } = await svc.listPersons(db, await requireAccess(req), req.query);
      return paged(items, total, req.query.page, req.query.pageSize);
    },
  );
  r.get(
    '/api/v1/persons/:id',
    {
      schema: {
        tags,
        summary: '业主详情 Owner (masked), with their units in scope',
        params: idParam,
        querystring: c.personQuery,
        response: { 200: c.person },
      },
    },
    async (req) => svc.getPerson(db, await requireAccess(req), req.params.id),
  );
  // disclosing personal data is audited, so it is a write: a POST with the CSRF token, never a link
  r.post(
    '/api/v1/persons/:id/reveal',
    {
      schema: {
        tags,
        summary:
          '显示完整身份证号和电话 Reveal an owner’s full ID number and phone (staff who contact owners; audited)',
        params: idParam,
        response: { 200: c.person },
      },
    },
    async (req) => svc.getPerson(db, await requireAccess(req), req.params.id, true),
  );
  r.patch(
    '/api/v1/persons/:id',
    {
      schema: {
        tags,
        summary: '修改业主 Update an owner',
        params: idParam,
        body: c.personPatch,
        response: { 200: c.person },
      },
    },
    async (req) => svc.updatePerson(db, await requireAccess(req), req.params.id, req.body),
  );
}

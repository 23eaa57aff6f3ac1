import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAccess } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParam, publicRoute, visitorOf } from '../../platform/http.ts';
import { ballotResponse, consultation } from '../consent/contract.ts';
import { codeParams } from '../household/contract.ts';
import { answerFollowUp, residentFollowUp, startFollowUp } from './followup.ts';
import * as c from './contract.ts';
import { getLiftOfProject, saveLift } from './service.ts';
import { addContract, addInspection, addInsurance, addVisit, getLiftPage, listLifts } from './upkeep.ts';

/** A project's lift: its equipment record and who is responsible for its use. */
export function liftsRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lifts'];
  r.get(
    '/api/v1/projects/:id/lift',
    {
      schema: {
        tags,
        summary: '项目的电梯（设备信息）The project’s lift, its equipment record; null before it is recorded',
        params: idParam,
        response: { 200: c.liftOfProject },
      },
    },
    async (req) => ({ lift: await getLiftOfProject(db, await requireAccess(req), req.params.id) }),
  );
  r.put(
    '/api/v1/projects/:id/lift',
    {
      schema: {
        tags,
        summary: '登记或更正电梯设备信息（开工后）Record or correct the lift’s equipment (from the works on)',
        params: idParam,
        body: c.liftBody,
        response: { 200: c.lift },
      },
    },
    async (req) => saveLift(db, await requireAccess(req), req.params.id, req.body),
  );
}

/** Keeping the lift running: its page, the lifts in scope, and the records of its upkeep. */
export function upkeepRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lifts'];
  r.get(
    '/api/v1/lifts',
    {
      schema: {
        tags,
        summary: '范围内的电梯及其维保状态 Lifts in scope with where their upkeep stands',
        querystring: c.liftListQuery,
        response: { 200: c.liftList },
      },
    },
    async (req) => listLifts(db, await requireAccess(req), req.query),
  );
  r.get(
    '/api/v1/lifts/:id',
    {
      schema: {
        tags,
        summary: '电梯页：设备、维保合同、保养、检验、保险 The lift page',
        params: idParam,
        response: { 200: c.liftPage },
      },
    },
    async (req) => getLiftPage(db, await requireAccess(req), req.params.id),
  );
  r.post(
    '/api/v1/lifts/:id/contracts',
    {
      schema: {
        tags,
        summary: '登记维保合同 Record a maintenance contract',
        params: idParam,
        body: c.contractBody,
        response: { 201: c.maintenanceContract },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addContract(db, await requireAccess(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/lifts/:id/visits',
    {
      schema: {
        tags,
        summary: '记录一次维保 Record a maintenance visit',
        params: idParam,
        body: c.visitBody,
        response: { 201: c.maintenanceVisit },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addVisit(db, await requireAccess(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/lifts/:id/inspections',
    {
      schema: {
        tags,
        summary: '记录定期检验或自行检测 Record a periodic inspection or self-inspection',
        params: idParam,
        body: c.inspectionBody,
        response: { 201: c.inspection },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addInspection(db, await requireAccess(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/lifts/:id/insurance',
    {
      schema: {
        tags,
        summary: '登记电梯安全责任保险 Record the safety-liability insurance',
        params: idParam,
        body: c.insuranceBody,
        response: { 201: c.insurancePolicy },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addInsurance(db, await requireAccess(req), req.params.id, req.body)),
  );
}

/** The lift's follow-up (回访): staff start one; households answer with any of their project's codes. */
export function followUpRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/lifts/:id/follow-ups',
    {
      schema: {
        tags: ['lifts'],
        summary:
          '发起回访：向本单元各户发出满意度问卷（验收或运维阶段）Start a follow-up: a satisfaction survey of the stairwell’s households',
        params: idParam,
        body: c.followUpBody,
        response: { 201: consultation },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await startFollowUp(db, await requireAccess(req), req.params.id, req.body, codeKeys)),
  );
  const config = publicRoute(300);
  r.get(
    '/api/v1/r/:code/follow-up',
    {
      schema: {
        tags: ['resident'],
        summary: '本户的回访问卷 The follow-up survey a household’s code shows',
        params: codeParams,
        response: { 200: c.residentFollowUp },
      },
      config,
    },
    async (req) => residentFollowUp(db, codeKeys.present(req.params.code), visitorOf(req)),
  );
  r.post(
    '/api/v1/r/:code/follow-up',
    {
      schema: {
        tags: ['resident'],
        summary: '填写或修改回访问卷 Answer the follow-up survey, or change the answers',
        params: codeParams,
        body: c.followUpAnswer,
        response: { 200: ballotResponse },
      },
      config,
    },
    async (req) => answerFollowUp(db, codeKeys.present(req.params.code), visitorOf(req), req.body.answers),
  );
}

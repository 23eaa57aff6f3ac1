import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { publicRoute, visitorOf } from '../../platform/http.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import { codeParams } from '../household/contract.ts';
import * as c from './contract.ts';
import { residentFaults, residentReport } from './resident.ts';
import { publicLiftOf, reportByLiftCode, statusByRef } from './service.ts';

/**
 * Reporting a fault without logging in: through the car's QR code (the lift's public code, which
 * opens nothing personal) or the household's code; both rate-limited per address.
 */
export function faultResidentRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];

  r.get(
    '/api/v1/lift-codes/:liftCode',
    {
      schema: {
        tags,
        summary: '轿厢二维码对应的电梯 The lift of a car’s QR code',
        params: c.liftCodeParams,
        response: { 200: c.publicLift },
      },
      config: publicRoute(60),
    },
    async (req) => publicLiftOf(db, req.params.liftCode, shanghaiDate(req.now)),
  );
  r.post(
    '/api/v1/lift-codes/:liftCode/faults',
    {
      schema: {
        tags,
        summary: '扫码报修（无需登录）Report a fault from the car’s QR code, without logging in',
        params: c.liftCodeParams,
        body: c.faultReportBody,
        response: { 201: c.faultStatus },
      },
      config: publicRoute(10),
    },
    async (req, reply) =>
      reply.status(201).send(await reportByLiftCode(db, req.params.liftCode, req.now, req.body)),
  );
  r.get(
    '/api/v1/lift-codes/:liftCode/faults/:ref',
    {
      schema: {
        tags,
        summary: '凭报修单号查看进度 The status of a report, by its number',
        params: c.faultRefParams,
        response: { 200: c.faultStatus },
      },
      config: publicRoute(60),
    },
    async (req) => statusByRef(db, req.params.liftCode, req.params.ref),
  );
  r.get(
    '/api/v1/r/:code/faults',
    {
      schema: {
        tags,
        summary: '本户的电梯和报修进度 The household’s lift and its reports',
        params: codeParams,
        response: { 200: c.residentFaults },
      },
      config: publicRoute(60),
    },
    async (req) => residentFaults(db, codeKeys.present(req.params.code), visitorOf(req)),
  );
  r.post(
    '/api/v1/r/:code/faults',
    {
      schema: {
        tags,
        summary: '户码页面报修 Report a fault from the household page',
        params: codeParams,
        body: c.faultReportBody,
        response: { 201: c.faultStatus },
      },
      config: publicRoute(10),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await residentReport(db, codeKeys.present(req.params.code), visitorOf(req), req.body)),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, optionalText, shortText } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { adoptPlan, createPlan, getPlan, listPlans, paymentStatus, recordPayment, recordSignOff, whatIf } from './service.ts';
import { schemeInput } from './tools-routes.ts';

const fen = z.number().int().min(0).max(100_000_000_000);
const lines = z.array(z.object({ label: shortText(60), fen })).max(20);
const planBase = z.object({
  constructionFen: fen,
  otherCosts: lines.optional(),
  subsidy: z.union([z.object({ ruleId: z.string().max(40) }), z.object({ rate: z.string().max(20), capFen: fen.nullable() }), z.null()]).optional(),
  otherFunds: lines.optional(),
  compensations: z.array(z.object({ unitId: z.uuid(), fen, note: optionalText(200).optional() })).max(100).optional(),
  schedule: z.array(z.object({ label: shortText(40), dueOn: z.iso.date(), percent: z.string().max(10) })).max(12).optional(),
  runningCostRule: optionalText(500).optional(),
});
const planCreate = planBase.extend({ name: shortText(60), scheme: schemeInput });

export function moneyRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['money'];
  const access = (req: FastifyRequest) => requireAccess(req, db);

  r.get('/api/v1/projects/:id/cost-plans', { schema: { tags, summary: '费用方案（各版本）Cost plans, every version', params: idParam } }, async (req) => ({ items: await listPlans(db, await access(req), req.params.id) }));
  r.post('/api/v1/projects/:id/cost-plans', { schema: { tags, summary: '新建方案草稿 New draft plan', params: idParam, body: planCreate } }, async (req, reply) =>
    reply.status(201).send(await createPlan(db, await access(req), req.params.id, { ...req.body, scheme: req.body.scheme })),
  );
  r.post('/api/v1/projects/:id/cost-plans/what-if', {
    schema: { tags, summary: '方案比较（不保存）Compare 2–4 schemes on the real stairwell', params: idParam, body: planBase.extend({ schemes: z.array(z.object({ name: shortText(60), scheme: schemeInput })).min(2).max(4) }) },
  }, async (req) => {
    const { schemes, ...base } = req.body;
    return whatIf(db, await access(req), req.params.id, base, schemes.map((s) => ({ name: s.name, scheme: s.scheme })));
  });
  r.get('/api/v1/cost-plans/:id', { schema: { tags, summary: '方案详情 Plan with its shares', params: idParam } }, async (req) => getPlan(db, await access(req), req.params.id));
  r.post('/api/v1/cost-plans/:id/adopt', { schema: { tags, summary: '通过方案（冻结分摊额）Adopt: freeze the shares', params: idParam } }, async (req) => adoptPlan(db, await access(req), req.params.id));
  r.post('/api/v1/cost-plans/:id/sign-offs', { schema: { tags, summary: '登记纸质签认（multipart：unitId + file）Paper sign-off with scan', params: idParam, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const a = await access(req);
    const { fields, file } = await multipartForm(req, z.object({ unitId: z.uuid() }));
    return reply.status(201).send(await recordSignOff(db, a, req.params.id, fields.unitId, file));
  });
  r.post('/api/v1/cost-plans/:id/payments', {
    schema: {
      tags,
      summary: '登记缴款 Record a payment',
      params: idParam,
      body: z.object({ unitId: z.uuid(), amountFen: fen.min(1), paidOn: z.iso.date(), method: z.enum(['bank', 'cash', 'wechat', 'alipay', 'provident_fund', 'other']), receiptNo: shortText(40), providentFund: z.boolean().optional(), note: optionalText(200).optional() }),
    },
  }, async (req, reply) => reply.status(201).send(await recordPayment(db, await access(req), req.params.id, req.body)));
  r.get('/api/v1/cost-plans/:id/payments', { schema: { tags, summary: '缴款与欠款 Payments and arrears', params: idParam } }, async (req) => paymentStatus(db, await access(req), req.params.id));
}

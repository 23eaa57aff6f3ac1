import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { idParam, optionalText, publicRoute, shortText, visitorOf } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { adoptPlan, createPlan, getPlan, listPlans, paymentStatus, paymentsWorkbook, recordPayment, recordSignOff, whatIf } from './service.ts';
import { schemeInput } from './tools-routes.ts';
import { agreementDocx, householdAgreementDocx, residentCostShare, residentSignOff } from './agreements.ts';
import { addRunningCostYear, getSubsidyClaim, listRunningCosts, payRunningBill, saveSubsidyClaim } from './upkeep.ts';
import { attachment, EXCEL_MIME, WORD_MIME } from '../../platform/files.ts';
import { PAYMENT_METHODS } from '../../../core/money/payments.ts';

const day = z.iso.date();

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

export function moneyRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['money'];
  const access = (req: FastifyRequest) => requireAccess(req, db);

  r.get('/api/v1/projects/:id/cost-plans', { schema: { tags, summary: '费用方案（各版本）Cost plans, every version', params: idParam } }, async (req) => ({ items: await listPlans(db, await access(req), req.params.id) }));
  r.post('/api/v1/projects/:id/cost-plans', { schema: { tags, summary: '新建方案草稿 New draft plan', params: idParam, body: planCreate } }, async (req, reply) =>
    reply.status(201).send(await createPlan(db, await access(req), req.params.id, { ...req.body, scheme: req.body.scheme })),
  );
  r.post('/api/v1/projects/:id/cost-plans/what-if', {
    schema: { tags, summary: '方案比较（不保存）Compare 2–4 schemes on the real stairwell', params: idParam, body: planBase.extend({ schemes: z.array(z.object({ name: shortText(60), scheme: schemeInput })).min(2).max(4) }) },
    config: { writesNothing: true },
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
      body: z.object({ unitId: z.uuid(), amountFen: fen.min(1), paidOn: z.iso.date(), method: z.enum(PAYMENT_METHODS), receiptNo: shortText(40), providentFund: z.boolean().optional(), note: optionalText(200).optional() }),
    },
  }, async (req, reply) => reply.status(201).send(await recordPayment(db, await access(req), req.params.id, req.body)));
  r.get('/api/v1/cost-plans/:id/agreement.docx', { schema: { tags, summary: '加装电梯协议书 Word The whole agreement', params: idParam } }, async (req, reply) => {
    const { fileName, buffer } = await agreementDocx(db, await access(req), req.params.id);
    return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
  });
  r.get('/api/v1/cost-plans/:id/agreement/:unitId/docx', { schema: { tags, summary: '分户协议书 Word One household’s agreement', params: z.object({ id: z.uuid(), unitId: z.uuid() }) } }, async (req, reply) => {
    const { fileName, buffer } = await householdAgreementDocx(db, await access(req), req.params.id, req.params.unitId);
    return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
  });

  r.get('/api/v1/projects/:id/subsidy-claim', { schema: { tags, summary: '补贴申请 Subsidy claim', params: idParam } }, async (req) => getSubsidyClaim(db, await access(req), req.params.id));
  r.put('/api/v1/projects/:id/subsidy-claim', {
    schema: {
      tags,
      summary: '更新补贴申请 Update the subsidy claim',
      params: idParam,
      body: z.object({ status: z.enum(['prepared', 'submitted', 'approved', 'received']), preparedOn: day.nullable().optional(), submittedOn: day.nullable().optional(), approvedOn: day.nullable().optional(), receivedOn: day.nullable().optional(), grantedFen: fen.nullable().optional(), note: optionalText(500).optional() }),
    },
  }, async (req) => saveSubsidyClaim(db, await access(req), req.params.id, req.body));

  r.get('/api/v1/projects/:id/running-costs', { schema: { tags, summary: '年度运行费用 Running costs by year', params: idParam } }, async (req) => listRunningCosts(db, await access(req), req.params.id));
  r.post('/api/v1/projects/:id/running-costs', {
    schema: { tags, summary: '登记一年的运行费用并出账 Record a year and bill the units', params: idParam, body: z.object({ year: z.number().int().min(2000).max(2100), items: lines.min(1), scheme: schemeInput }) },
  }, async (req, reply) => reply.status(201).send(await addRunningCostYear(db, await access(req), req.params.id, req.body)));
  r.post('/api/v1/running-bills/:id/payments', {
    schema: { tags, summary: '运行费用缴款 Pay a running-cost bill', params: idParam, body: z.object({ amountFen: fen.min(1), paidOn: day, method: z.enum(PAYMENT_METHODS), receiptNo: shortText(40) }) },
  }, async (req, reply) => reply.status(201).send(await payRunningBill(db, await access(req), req.params.id, req.body)));

  // the household code page: the owner's share, explained, and online sign-off
  const code = z.object({ code: z.string().trim().min(1).max(40) });
  const residentLimit = publicRoute(300);
  r.get('/api/v1/r/:code/cost-share', { schema: { tags: ['resident'], summary: '我家的费用 The household’s share', params: code }, config: residentLimit }, async (req) => residentCostShare(db, codeKeys.present(req.params.code), visitorOf(req)));
  r.post('/api/v1/r/:code/cost-share/sign', { schema: { tags: ['resident'], summary: '签认分摊额 Sign off the share', params: code, body: z.object({ unitId: z.uuid() }) }, config: residentLimit }, async (req) =>
    residentSignOff(db, codeKeys.present(req.params.code), visitorOf(req), req.body.unitId),
  );

  r.get('/api/v1/cost-plans/:id/payments.xlsx', { schema: { tags, summary: '缴款与欠款 Excel Payments and arrears as Excel', params: idParam } }, async (req, reply) => {
    const { fileName, buffer } = await paymentsWorkbook(db, await access(req), req.params.id);
    return reply.type(EXCEL_MIME).header('content-disposition', attachment(fileName)).send(buffer);
  });
  r.get('/api/v1/cost-plans/:id/payments', { schema: { tags, summary: '缴款与欠款 Payments and arrears', params: idParam } }, async (req) => paymentStatus(db, await access(req), req.params.id));
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { fileResponse } from '../../platform/contract.ts';
import { attachment, EXCEL_MIME, WORD_MIME } from '../../platform/files.ts';
import { idParam } from '../../platform/http.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { AGREEMENT_PLACEHOLDERS } from '../../../core/agreement.ts';
import {
  agreementTemplateOfCaller,
  resetAgreementTemplate,
  saveAgreementTemplate,
  type StreetAgreement,
} from './agreement-template.ts';
import { agreementDocx, householdAgreementDocx } from './agreements.ts';
import {
  agreementTemplateBody,
  agreementTemplateResponse,
  billPaymentBody,
  billPaymentResponse,
  claimBody,
  costPlansResponse,
  payment,
  paymentBody,
  paymentStatusResponse,
  planCreate,
  planCreateResponse,
  planDetailResponse,
  planVoteBody,
  planUnitParams,
  runningCostsResponse,
  runningYear,
  runningYearBody,
  signOffFields,
  signOffResponse,
  subsidyClaimResponse,
  whatIfBody,
  whatIfResponse,
} from './contract.ts';
import {
  adoptPlan,
  putToVote,
  createPlan,
  getPlan,
  listPlans,
  paymentStatus,
  paymentsWorkbook,
  recordPayment,
  recordSignOff,
  whatIf,
} from './service.ts';
import {
  addRunningCostYear,
  getSubsidyClaim,
  listRunningCosts,
  payRunningBill,
  saveSubsidyClaim,
} from './upkeep.ts';

/** The template with the placeholders the editor offers. */
const withPlaceholders = (t: StreetAgreement) => ({
  ...t,
  placeholders: Object.entries(AGREEMENT_PLACEHOLDERS).map(([name, label]) => ({ name, label })),
});

export function moneyRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['money'];
  const access = (req: FastifyRequest) => requireAccess(req);

  r.get(
    '/api/v1/projects/:id/cost-plans',
    {
      schema: {
        tags,
        summary: '费用方案（各版本）Cost plans, every version',
        params: idParam,
        response: { 200: costPlansResponse },
      },
    },
    async (req) => ({
      items: await listPlans(db, await access(req), req.params.id),
    }),
  );
  r.post(
    '/api/v1/projects/:id/cost-plans',
    {
      schema: {
        tags,
        summary: '新建方案草稿 New draft plan',
        params: idParam,
        body: planCreate,
        response: { 201: planCreateResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPlan(db, await access(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/projects/:id/cost-plans/what-if',
    {
      schema: {
        tags,
        summary: '方案比较（不保存）Compare 2–4 schemes on the real stairwell',
        params: idParam,
        body: whatIfBody,
        response: { 200: whatIfResponse },
      },
      config: { writesNothing: true },
    },
    async (req) => {
      const { schemes, ...base } = req.body;
      return whatIf(db, await access(req), req.params.id, base, schemes);
    },
  );
  r.get(
    '/api/v1/cost-plans/:id',
    {
      schema: {
        tags,
        summary: '方案详情 Plan with its shares',
        params: idParam,
        response: { 200: planDetailResponse },
      },
    },
    async (req) => getPlan(db, await access(req), req.params.id),
  );
  r.post(
    '/api/v1/cost-plans/:id/adopt',
    {
      schema: {
        tags,
        summary: '通过方案（冻结分摊额）Adopt: freeze the shares',
        params: idParam,
        response: { 200: planDetailResponse },
      },
    },
    async (req) => adoptPlan(db, await access(req), req.params.id),
  );
  r.put(
    '/api/v1/cost-plans/:id/vote',
    {
      schema: {
        tags,
        summary: '交付表决：业主投票前可看“我家要出多少” Put the plan to a vote',
        params: idParam,
        body: planVoteBody,
        response: { 200: planDetailResponse },
      },
    },
    async (req) => putToVote(db, await access(req), req.params.id, req.body.consultationId),
  );
  r.post(
    '/api/v1/cost-plans/:id/sign-offs',
    {
      schema: {
        tags,
        summary: '登记纸质签认（multipart：unitId + file）Paper sign-off with scan',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: signOffResponse },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const { fields, file } = await multipartForm(req, signOffFields);
      return reply.status(201).send(await recordSignOff(db, a, req.params.id, fields.unitId, file));
    },
  );
  r.post(
    '/api/v1/cost-plans/:id/payments',
    {
      schema: {
        tags,
        summary: '登记缴款 Record a payment',
        params: idParam,
        body: paymentBody,
        response: { 201: payment },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordPayment(db, await access(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/cost-plans/:id/payments',
    {
      schema: {
        tags,
        summary: '缴款与欠款 Payments and arrears',
        params: idParam,
        response: { 200: paymentStatusResponse },
      },
    },
    async (req) => paymentStatus(db, await access(req), req.params.id),
  );
  r.get(
    '/api/v1/cost-plans/:id/payments.xlsx',
    {
      schema: {
        tags,
        summary: '缴款与欠款 Excel Payments and arrears as Excel',
        params: idParam,
        ...fileResponse(
          EXCEL_MIME,
          'Excel 文件：各户应缴、已缴、欠缴 An Excel workbook: each unit’s share, paid and outstanding',
        ),
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await paymentsWorkbook(db, await access(req), req.params.id);
      return reply.type(EXCEL_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );
  r.get(
    '/api/v1/cost-plans/:id/agreement.docx',
    {
      schema: {
        tags,
        summary: '加装电梯协议书 Word The whole agreement',
        params: idParam,
        ...fileResponse(
          WORD_MIME,
          'Word 文件：协议书及各户分摊 A Word file: the agreement with every household’s share',
        ),
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await agreementDocx(db, await access(req), req.params.id);
      return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );
  r.get(
    '/api/v1/cost-plans/:id/agreement/:unitId/docx',
    {
      schema: {
        tags,
        summary: '分户协议书 Word One household’s agreement',
        params: planUnitParams,
        ...fileResponse(WORD_MIME, 'Word 文件：一户的协议书 A Word file: one household’s agreement'),
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await householdAgreementDocx(
        db,
        await access(req),
        req.params.id,
        req.params.unitId,
      );
      return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );

  r.get(
    '/api/v1/agreement-template',
    {
      schema: {
        tags,
        summary: '街道协议书模板（条款与占位符）The street’s agreement clauses',
        response: { 200: agreementTemplateResponse },
      },
    },
    async (req) => withPlaceholders(await agreementTemplateOfCaller(db, await access(req))),
  );
  r.put(
    '/api/v1/agreement-template',
    {
      schema: {
        tags,
        summary: '修改协议书条款（街道管理员）Edit the agreement clauses (street admin)',
        body: agreementTemplateBody,
        response: { 200: agreementTemplateResponse },
      },
    },
    async (req) => withPlaceholders(await saveAgreementTemplate(db, await access(req), req.body)),
  );
  r.delete(
    '/api/v1/agreement-template',
    {
      schema: {
        tags,
        summary:
          '删除本街道的协议书条款，恢复默认（街道管理员）Reset the agreement clauses to the default (street admin)',
        response: { 200: agreementTemplateResponse },
      },
    },
    async (req) => withPlaceholders(await resetAgreementTemplate(db, await access(req))),
  );

  r.get(
    '/api/v1/projects/:id/subsidy-claim',
    {
      schema: {
        tags,
        summary: '补贴申请 Subsidy claim',
        params: idParam,
        response: { 200: subsidyClaimResponse },
      },
    },
    async (req) => getSubsidyClaim(db, await access(req), req.params.id),
  );
  r.put(
    '/api/v1/projects/:id/subsidy-claim',
    {
      schema: {
        tags,
        summary: '更新补贴申请 Update the subsidy claim',
        params: idParam,
        body: claimBody,
        response: { 200: subsidyClaimResponse },
      },
    },
    async (req) => saveSubsidyClaim(db, await access(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/projects/:id/running-costs',
    {
      schema: {
        tags,
        summary: '年度运行费用 Running costs by year',
        params: idParam,
        response: { 200: runningCostsResponse },
      },
    },
    async (req) => listRunningCosts(db, await access(req), req.params.id),
  );
  r.post(
    '/api/v1/projects/:id/running-costs',
    {
      schema: {
        tags,
        summary: '登记一年的运行费用并出账 Record a year and bill the units',
        params: idParam,
        body: runningYearBody,
        response: { 201: runningYear },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addRunningCostYear(db, await access(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/running-bills/:id/payments',
    {
      schema: {
        tags,
        summary: '运行费用缴款 Pay a running-cost bill',
        params: idParam,
        body: billPaymentBody,
        response: { 201: billPaymentResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await payRunningBill(db, await access(req), req.params.id, req.body)),
  );

  // the household code page (no login): registered here until app.ts registers it beside the consent side
}

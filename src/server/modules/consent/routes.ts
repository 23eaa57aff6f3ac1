import { fileResponse } from '../../platform/contract.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseFraction } from '../../../core/consent/fraction.ts';
import { RULE_IDS, type ConsentRule } from '../../../core/consent/rules.ts';
import { badInput } from '../../../core/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { bilingualIssue, idParam, optionalText, shortText } from '../../platform/http.ts';
import { attachment, WORD_MIME } from '../../platform/files.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { confirmBallot, recordStaffBallot } from './ballots.ts';
import { certificateData, certificateDocx, lettersDocx } from './documents.ts';
import { verifyLedger } from './ledger.ts';
import * as svc from './service.ts';


/** "2/3" as a proper fraction, with a bilingual message when it is not. */
export const fractionText = z.string().max(20).transform((v, ctx) => {
  const f = parseFraction(v);
  if (!f) {
    bilingualIssue(ctx, '应为真分数，如 2/3', 'must be a proper fraction such as 2/3');
    return z.NEVER;
  }
  return f;
});

export const customRuleInput = z.object({
  participation: z.object({ area: fractionText, heads: fractionText }).nullable().optional(),
  approval: z.object({ area: fractionText, heads: fractionText, strict: z.boolean().default(false), base: z.enum(['participating', 'total']).default('participating') }),
});

export function toCustomRule(r: z.output<typeof customRuleInput>): ConsentRule {
  return {
    id: 'custom',
    version: 1,
    name: { zh: '自定义规则', en: 'Custom rule' },
    source: '自定义 custom',
    participation: r.participation ?? null,
    approval: r.approval,
  };
}

const date = z.iso.date();
const ballotChoice = z.enum(['agree', 'disagree', 'abstain']);
const answers = z.record(z.string().max(40), z.union([z.string().max(1000), z.array(z.string().max(40)).max(20)]));

const bilingualText = z.object({ zh: shortText(300), en: shortText(400) });
const surveyQuestions = z.array(z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  kind: z.enum(['single', 'multi', 'text']),
  text: bilingualText,
  options: z.array(z.object({ id: z.string().regex(/^[a-z0-9_-]{1,40}$/), zh: shortText(100), en: shortText(150) })).min(2).max(12).optional(),
})).min(1).max(20);

const consultationCreate = z.object({
  projectId: z.uuid(),
  kind: z.enum(['survey', 'vote']),
  title: shortText(100),
  question: shortText(2000),
  documentsSummary: optionalText(4000).optional(),
  ruleId: z.enum(RULE_IDS as [string, ...string[]]).optional(),
  customRule: customRuleInput.optional(),
  /** survey questions; the defaults of core/consent/survey.ts when omitted */
  questions: surveyQuestions.optional(),
  scopeKind: z.enum(['stairwell', 'building', 'estate']).default('stairwell'),
  opensOn: date.optional(),
  closesOn: date.optional(),
  doubleEntry: z.boolean().optional(),
});
const consultationPatch = consultationCreate.omit({ projectId: true, kind: true }).partial();

const staffBallotFields = z.object({
  groupId: z.uuid(),
  channel: z.enum(['paper', 'assisted', 'proxy']),
  choice: ballotChoice.optional(),
  answers: z.string().max(20_000).optional(),
  witness: z.string().trim().max(50).optional(),
  proxyName: z.string().trim().max(50).optional(),
});

export function consentRoutes(app: FastifyInstance, { db, codeKeys }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consent'];
  const access = (req: FastifyRequest) => requireAccess(req, db);

  r.get('/api/v1/projects/:id/consultations', { schema: { tags, summary: '项目的征询 Consultations of a project', params: idParam } }, async (req) => ({
    items: await svc.listConsultations(db, await access(req), req.params.id),
  }));
  r.post('/api/v1/consultations', { schema: { tags, summary: '新建征询或表决（草稿）Create a survey or vote (draft)', body: consultationCreate } }, async (req, reply) => {
    const { customRule, ...body } = req.body;
    const created = await svc.createConsultation(db, await access(req), { ...body, customRule: customRule ? toCustomRule(customRule) : undefined });
    return reply.status(201).send(created);
  });
  r.get('/api/v1/consultations/:id', { schema: { tags, summary: '征询 Consultation', params: idParam } }, async (req) => svc.present(await svc.getConsultationRow(db, await access(req), req.params.id)));
  r.patch('/api/v1/consultations/:id', { schema: { tags, summary: '修改草稿 Edit a draft', params: idParam, body: consultationPatch } }, async (req) => {
    const { customRule, ...body } = req.body;
    return svc.updateDraft(db, await access(req), req.params.id, { ...body, customRule: customRule ? toCustomRule(customRule) : undefined });
  });
  r.post('/api/v1/consultations/:id/open', { schema: { tags, summary: '开始：冻结业主名册、生成户码 Open: freeze the electorate, issue codes', params: idParam } }, async (req) => svc.openConsultation(db, await access(req), req.params.id, codeKeys));
  r.post('/api/v1/consultations/:id/close', { schema: { tags, summary: '结束并计票 Close and count', params: idParam } }, async (req) => svc.closeConsultation(db, await access(req), req.params.id));
  r.get('/api/v1/consultations/:id/tally', { schema: { tags, summary: '实时计票 Live tally', params: idParam } }, async (req) => svc.getTally(db, await access(req), req.params.id));
  r.get('/api/v1/consultations/:id/survey-results', { schema: { tags, summary: '意向征询结果 Survey results', params: idParam } }, async (req) => svc.surveyResults(db, await access(req), req.params.id));

  r.get('/api/v1/consultations/:id/codes', { schema: { tags, summary: '户码（打印告知书）Household codes for letters', params: idParam } }, async (req) => {
    const { codes } = await svc.listCodes(db, await access(req), req.params.id, codeKeys);
    return { items: codes };
  });
  r.post('/api/v1/consultations/:id/codes/:groupId/reissue', {
    schema: { tags, summary: '作废并补发户码 Revoke and reissue a lost code', params: z.object({ id: z.uuid(), groupId: z.uuid() }), body: z.object({ reason: shortText(200) }) },
  }, async (req) => svc.reissueCode(db, await access(req), req.params.id, req.params.groupId, req.body.reason, codeKeys));
  r.get('/api/v1/consultations/:id/letters.docx', { schema: { tags, summary: '告知书 Word Letters (one page per household)', params: idParam, ...fileResponse(WORD_MIME, 'Word 文件：每户一页告知书 A Word file, one letter per household') } }, async (req, reply) => {
    const base = `${req.protocol}://${req.host}`;
    const { fileName, buffer } = await lettersDocx(db, await access(req), req.params.id, base, codeKeys);
    return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
  });

  r.post('/api/v1/consultations/:id/ballots', {
    schema: { tags, summary: '录入纸质/代录/委托选票（multipart：字段 + 扫描件 file）Record a paper, assisted or proxy ballot', params: idParam, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const a = await access(req);
    const { fields, file } = await multipartForm(req, staffBallotFields);
    let parsedAnswers: Record<string, string | string[]> | undefined;
    if (fields.answers) {
      const json = answers.safeParse((() => { try { return JSON.parse(fields.answers) as unknown; } catch { return null; } })());
      if (!json.success) throw badInput('answers', '问卷回答格式无效', 'The survey answers are not valid');
      parsedAnswers = json.data;
    }
    const result = await recordStaffBallot(db, a, req.params.id, { ...fields, answers: parsedAnswers, scan: file });
    return reply.status(201).send(result);
  });
  r.post('/api/v1/consultations/:id/ballots/:groupId/confirm', {
    schema: { tags, summary: '第二人核对确认纸质选票 Confirm a paper ballot (double entry)', params: z.object({ id: z.uuid(), groupId: z.uuid() }), body: z.object({ choice: ballotChoice.optional() }) },
  }, async (req) => confirmBallot(db, await access(req), req.params.id, req.params.groupId, req.body.choice));

  r.get('/api/v1/consultations/:id/ledger/verify', { schema: { tags, summary: '校验选票账本 Verify the ballot ledger', params: idParam } }, async (req) => {
    await svc.getConsultationRow(db, await access(req), req.params.id);
    return verifyLedger(db, req.params.id);
  });
  r.get('/api/v1/consultations/:id/certificate', { schema: { tags, summary: '结果证明（数据）Result certificate data', params: idParam } }, async (req) => certificateData(db, await access(req), req.params.id));
  r.get('/api/v1/consultations/:id/certificate.docx', { schema: { tags, summary: '结果证明 Word Result certificate', params: idParam } }, async (req, reply) => {
    const { fileName, buffer } = await certificateDocx(db, await access(req), req.params.id);
    return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess } from '../../platform/auth.ts';
import { fileResponse } from '../../platform/contract.ts';
import { idParam } from '../../platform/http.ts';
import { attachment, WORD_MIME } from '../../platform/files.ts';
import { multipartForm } from '../../platform/multipart.ts';
import { confirmBallot, recordStaffBallot } from './ballots.ts';
import {
  certificateResponse,
  codesResponse,
  confirmBody,
  confirmResponse,
  consultation,
  consultationCreate,
  consultationPatch,
  consultationsResponse,
  groupParams,
  ledgerPage,
  ledgerQuery,
  ledgerVerdict,
  materialsBody,
  materialsResponse,
  reissueBody,
  reissueResponse,
  staffBallotFields,
  staffBallotResponse,
  surveyResultsResponse,
  tallyResponse,
} from './contract.ts';
import { certificateData, certificateDocx, lettersDocx } from './documents.ts';
import { listMaterials, setMaterials } from './materials.ts';
import { ledgerPage as readLedgerPage } from './receipts.ts';
import * as svc from './service.ts';

export function consentRoutes(app: FastifyInstance, { db, codeKeys, publicUrl }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consent'];
  const access = (req: FastifyRequest) => requireAccess(req);

  r.get(
    '/api/v1/projects/:id/consultations',
    {
      schema: {
        tags,
        summary: '项目的征询 Consultations of a project',
        params: idParam,
        response: { 200: consultationsResponse },
      },
    },
    async (req) => ({
      items: await svc.listConsultations(db, await access(req), req.params.id),
    }),
  );
  r.post(
    '/api/v1/consultations',
    {
      schema: {
        tags,
        summary: '新建征询或表决（草稿）Create a survey or vote (draft)',
        body: consultationCreate,
        response: { 201: consultation },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createConsultation(db, await access(req), req.body)),
  );
  r.get(
    '/api/v1/consultations/:id',
    { schema: { tags, summary: '征询 Consultation', params: idParam, response: { 200: consultation } } },
    async (req) => svc.getConsultation(db, await access(req), req.params.id),
  );
  r.patch(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags,
        summary: '修改草稿 Edit a draft',
        params: idParam,
        body: consultationPatch,
        response: { 200: consultation },
      },
    },
    async (req) => svc.updateDraft(db, await access(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/consultations/:id/materials',
    {
      schema: {
        tags,
        summary: '给业主先读的材料 What the owners read first',
        params: idParam,
        response: { 200: materialsResponse },
      },
    },
    async (req) => listMaterials(db, await access(req), req.params.id),
  );
  r.put(
    '/api/v1/consultations/:id/materials',
    {
      schema: {
        tags,
        summary: '选定给业主先读的材料（草稿时）Choose what the owners read first (while a draft)',
        params: idParam,
        body: materialsBody,
        response: { 200: materialsResponse },
      },
    },
    async (req) => setMaterials(db, await access(req), req.params.id, req.body.documentIds),
  );
  r.post(
    '/api/v1/consultations/:id/open',
    {
      schema: {
        tags,
        summary: '开始：冻结业主名册、生成户码 Open: freeze the electorate, issue codes',
        params: idParam,
        response: { 200: consultation },
      },
    },
    async (req) => svc.openConsultation(db, await access(req), req.params.id, codeKeys),
  );
  r.post(
    '/api/v1/consultations/:id/close',
    {
      schema: {
        tags,
        summary: '结束并计票 Close and count',
        params: idParam,
        response: { 200: consultation },
      },
    },
    async (req) => svc.closeConsultation(db, await access(req), req.params.id),
  );
  r.get(
    '/api/v1/consultations/:id/tally',
    { schema: { tags, summary: '实时计票 Live tally', params: idParam, response: { 200: tallyResponse } } },
    async (req) => svc.getTally(db, await access(req), req.params.id),
  );
  r.get(
    '/api/v1/consultations/:id/survey-results',
    {
      schema: {
        tags,
        summary: '意向征询结果 Survey results',
        params: idParam,
        response: { 200: surveyResultsResponse },
      },
    },
    async (req) => svc.surveyResults(db, await access(req), req.params.id),
  );

  // revealing the codes is audited, so it is a write: POST with the CSRF token, never a GET a link could trigger
  r.post(
    '/api/v1/consultations/:id/codes/reveal',
    {
      schema: {
        tags,
        summary: '显示户码（打印告知书；记入审计）Reveal the household codes for letters (audited)',
        params: idParam,
        response: { 200: codesResponse },
      },
    },
    async (req) => ({
      items: (await svc.listCodes(db, await access(req), req.params.id, codeKeys)).codes,
    }),
  );
  r.post(
    '/api/v1/consultations/:id/codes/:groupId/reissue',
    {
      schema: {
        tags,
        summary: '作废并补发户码 Revoke and reissue a lost code',
        params: groupParams,
        body: reissueBody,
        response: { 200: reissueResponse },
      },
    },
    async (req) =>
      svc.reissueCode(db, await access(req), req.params.id, req.params.groupId, req.body.reason, codeKeys),
  );
  // POST like the codes' reveal: the file holds every household's code, and reading them is an
  // audited act, never something a link prefetch or a cached GET could do
  r.post(
    '/api/v1/consultations/:id/letters.docx',
    {
      schema: {
        tags,
        summary:
          '告知书 Word（含各户户码，记入审计）Letters, one page per household (reveals the codes; audited)',
        params: idParam,
        ...fileResponse(WORD_MIME, 'Word 文件：每户一页告知书 A Word file, one letter per household'),
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await lettersDocx(
        db,
        await access(req),
        req.params.id,
        publicUrl ?? `${req.protocol}://${req.host}`,
        codeKeys,
      );
      return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );

  r.post(
    '/api/v1/consultations/:id/ballots',
    {
      schema: {
        tags,
        summary:
          '录入纸质/代录/委托选票（multipart：字段 + 扫描件 file）Record a paper, assisted or proxy ballot',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: staffBallotResponse },
      },
    },
    async (req, reply) => {
      const a = await access(req);
      const { fields, file } = await multipartForm(req, staffBallotFields);
      return reply.status(201).send(await recordStaffBallot(db, a, req.params.id, { ...fields, scan: file }));
    },
  );
  r.post(
    '/api/v1/consultations/:id/ballots/:groupId/confirm',
    {
      schema: {
        tags,
        summary: '第二人核对确认纸质选票 Confirm a paper ballot (double entry)',
        params: groupParams,
        body: confirmBody,
        response: { 200: confirmResponse },
      },
    },
    async (req) => confirmBallot(db, await access(req), req.params.id, req.params.groupId, req.body.choice),
  );

  r.get(
    '/api/v1/consultations/:id/ledger',
    {
      schema: {
        tags,
        summary: '选票账本（最新在前，可按回执号查找）The ballot ledger, newest first, searchable by receipt',
        params: idParam,
        querystring: ledgerQuery,
        response: { 200: ledgerPage },
      },
    },
    async (req) => readLedgerPage(db, await access(req), req.params.id, req.query),
  );
  r.get(
    '/api/v1/consultations/:id/ledger/verify',
    {
      schema: {
        tags,
        summary: '校验选票账本 Verify the ballot ledger',
        params: idParam,
        response: { 200: ledgerVerdict },
      },
    },
    async (req) => svc.checkLedger(db, await access(req), req.params.id),
  );
  r.get(
    '/api/v1/consultations/:id/certificate',
    {
      schema: {
        tags,
        summary: '结果证明（数据）Result certificate data',
        params: idParam,
        response: { 200: certificateResponse },
      },
    },
    async (req) => certificateData(db, await access(req), req.params.id),
  );
  r.get(
    '/api/v1/consultations/:id/certificate.docx',
    {
      schema: {
        tags,
        summary: '结果证明 Word Result certificate',
        params: idParam,
        ...fileResponse(WORD_MIME, 'Word 文件：结果证明 A Word file, the result certificate'),
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await certificateDocx(db, await access(req), req.params.id);
      return reply.type(WORD_MIME).header('content-disposition', attachment(fileName)).send(buffer);
    },
  );
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { fieldName, typeName } from '../../core/fields.ts';

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  expected?: string;
  values?: unknown[];
  format?: string;
  origin?: string;
  params?: { zh?: string; en?: string };
}

/** One zod issue as a sentence in both languages, naming the field. */
export function describeIssue(issue: ZodLikeIssue, prefix = ''): { field: string; zh: string; en: string } {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body';
  const n = fieldName(field);
  const say = (zh: string, en: string) => ({ field, zh: `${n.zh}${zh}`, en: `${n.en.charAt(0).toUpperCase()}${n.en.slice(1)} ${en}` });
  const isString = issue.origin === 'string';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.message.includes('received undefined')) return say('必填', 'is required');
      const t = typeName(issue.expected);
      return say(`应为${t.zh}`, `must be ${t.en}`);
    }
    case 'too_big':
      return isString ? say(`过长（最多 ${issue.maximum} 个字符）`, `is too long (at most ${issue.maximum} characters)`) : say(`过大（最大 ${issue.maximum}）`, `is too large (at most ${issue.maximum})`);
    case 'too_small':
      if (isString && Number(issue.minimum) === 1) return say('不能为空', 'must not be empty');
      return isString ? say(`过短（至少 ${issue.minimum} 个字符）`, `is too short (at least ${issue.minimum} characters)`) : say(`过小（最小 ${issue.minimum}）`, `is too small (at least ${issue.minimum})`);
    case 'invalid_value':
      return say(`取值无效，可选：${issue.values?.join('、')}`, `must be one of: ${issue.values?.join(', ')}`);
    case 'invalid_format':
      return say(`格式无效（${issue.format}）`, `has an invalid format (${issue.format})`);
    case 'unrecognized_keys':
      return say('含有未知的键', 'has unknown keys');
    case 'custom':
      if (issue.params?.zh && issue.params.en) return say(`：${issue.params.zh}`, `: ${issue.params.en}`);
      return say(`无效：${issue.message}`, `is invalid: ${issue.message}`);
    default:
      return say(`无效：${issue.message}`, `is invalid: ${issue.message}`);
  }
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Maps every failure to the bilingual error body; nothing escapes as a bare 500. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        // fastify-type-provider-zod keeps the zod issue's own fields (less code/path/message) in params
        const issue = { ...(v.params as object), code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' } as ZodLikeIssue;
        return describeIssue(issue, err.validationContext === 'body' ? '' : err.validationContext);
      });
      const first = issues[0]!;
      return reply
        .status(400)
        .send(new AppError(400, 'bad_input', first.zh, first.en, first.field, issues).toBody());
    }
    const code = pgCode(err);
    if (code === '23505')
      return reply.status(409).send(new AppError(409, 'duplicate', '已存在同名或相同编号的记录', 'A record with the same name or number already exists').toBody());
    // 23503: a foreign key still points here; 23001: the same, from an ON DELETE RESTRICT key
    if (code === '23503' || code === '23001')
      return reply.status(409).send(new AppError(409, 'in_use', '该记录仍被其他数据引用，不能删除或修改', 'This record is still referenced by other data').toBody());
    if (err.statusCode === 429)
      return reply.status(429).send(new AppError(429, 'rate_limited', '请求过于频繁，请稍后再试', 'Too many requests, please try again later').toBody());
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError))
      return reply.status(400).send(new AppError(400, 'bad_json', '请求体不是有效的 JSON', 'The request body is not valid JSON', 'body').toBody());
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.status(415).send(new AppError(415, 'bad_media_type', '不支持的内容类型', 'Unsupported content type', 'content-type').toBody());
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE')
      return reply.status(413).send(new AppError(413, 'too_large', '上传内容过大', 'The upload is too large', 'file').toBody());
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return reply.status(err.statusCode).send(new AppError(err.statusCode, 'bad_request', `请求无效：${err.message}`, `Bad request: ${err.message}`).toBody());
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError(500, 'internal', '服务器内部错误，请稍后重试', 'Internal server error, please try again').toBody());
  });
}

/** The 404 of an unknown address, in both languages. */
export function noRoute(req: FastifyRequest, reply: FastifyReply) {
  const url = req.url.split('?')[0]!;
  return reply.status(404).send(new AppError(404, 'no_route', `没有这个地址：${req.method} ${url}`, `No such route: ${req.method} ${url}`).toBody());
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { fieldName, typeName } from '../../core/fields.ts';
import { MAX_FORM_FIELDS, MAX_UPLOAD_BYTES } from './files.ts';

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
  const say = (zh: string, en: string) => ({
    field,
    zh: `${n.zh}${zh}`,
    en: `${n.en.charAt(0).toUpperCase()}${n.en.slice(1)} ${en}`,
  });
  const isString = issue.origin === 'string';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.message.includes('received undefined')) return say('必填', 'is required');
      const t = typeName(issue.expected);
      return say(`应为${t.zh}`, `must be ${t.en}`);
    }
    case 'too_big':
      return isString
        ? say(`过长（最多 ${issue.maximum} 个字符）`, `is too long (at most ${issue.maximum} characters)`)
        : say(`过大（最大 ${issue.maximum}）`, `is too large (at most ${issue.maximum})`);
    case 'too_small':
      if (isString && Number(issue.minimum) === 1) return say('不能为空', 'must not be empty');
      return isString
        ? say(`过短（至少 ${issue.minimum} 个字符）`, `is too short (at least ${issue.minimum} characters)`)
        : say(`过小（最小 ${issue.minimum}）`, `is too small (at least ${issue.minimum})`);
    case 'invalid_value':
      return say(
        `取值无效，可选：${issue.values?.join('、')}`,
        `must be one of: ${issue.values?.join(', ')}`,
      );
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

interface UploadProblem {
  /** @fastify/multipart's error codes, or what @fastify/busboy's errors (which have none) say */
  codes?: string[];
  message?: RegExp;
  status: number;
  zh: string;
  en: string;
}

const MB = 1024 * 1024;

/** What the multipart parser can fail on, named for the uploader (field `file`). */
const UPLOAD_PROBLEMS: UploadProblem[] = [
  {
    message: /^Multipart: Boundary not found$/,
    status: 400,
    zh: 'multipart 请求的 Content-Type 缺少 boundary',
    en: 'The multipart content type has no boundary',
  },
  // busboy searches for the boundary, and its search takes at most 256 bytes (RFC 2046 allows 70)
  {
    message: /^The needle cannot have a length bigger than/,
    status: 400,
    zh: 'multipart 的 boundary 过长（最多 70 个字符）',
    en: 'The multipart boundary is too long (at most 70 characters)',
  },
  {
    codes: ['FST_MP_PREMATURE_CLOSE'],
    message: /^Unexpected end of multipart data$|terminated early due to unexpected end of multipart data$/,
    status: 400,
    zh: '上传内容不完整（multipart 请求体提前结束）',
    en: 'The upload is incomplete (the multipart body ends early)',
  },
  {
    codes: ['FST_INVALID_MULTIPART_CONTENT_TYPE'],
    status: 400,
    zh: '请以 multipart/form-data 上传',
    en: 'Upload as multipart/form-data',
  },
  {
    codes: ['FST_PROTO_VIOLATION'],
    status: 400,
    zh: '表单字段名无效（不能使用 __proto__ 等保留名称）',
    en: 'A form field has a reserved name (such as __proto__)',
  },
  {
    codes: ['FST_INVALID_JSON_FIELD_ERROR'],
    status: 400,
    zh: '表单字段声明为 JSON，但内容不是有效的 JSON',
    en: 'A form field declared as JSON is not valid JSON',
  },
  {
    codes: ['FST_FILES_LIMIT'],
    status: 413,
    zh: '每次只能上传一个文件',
    en: 'Only one file can be uploaded at a time',
  },
  {
    codes: ['FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT'],
    status: 413,
    zh: `表单字段过多（最多 ${MAX_FORM_FIELDS} 个）`,
    en: `Too many form fields (at most ${MAX_FORM_FIELDS})`,
  },
  {
    codes: ['FST_REQ_FILE_TOO_LARGE'],
    status: 413,
    zh: `文件过大（最多 ${MAX_UPLOAD_BYTES / MB} MB）`,
    en: `The file is too large (at most ${MAX_UPLOAD_BYTES / MB} MB)`,
  },
];

/** A multipart failure as the bilingual error naming the file, or null when `err` is none. */
function uploadProblem(err: FastifyError): AppError | null {
  const problem = UPLOAD_PROBLEMS.find(
    (p) => p.codes?.includes(err.code) || p.message?.test(String(err.message)),
  );
  return problem
    ? new AppError(
        problem.status,
        problem.status === 413 ? 'too_large' : 'bad_input',
        problem.zh,
        problem.en,
        'file',
      )
    : null;
}

/** Maps every failure to the bilingual error body; nothing escapes as a bare 500. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const known = err instanceof AppError ? err : uploadProblem(err);
    if (known) return reply.status(known.status).send(known.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        // fastify-type-provider-zod keeps the zod issue's own fields (less code/path/message) in params
        const issue = {
          ...(v.params as object),
          code: v.keyword,
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? '',
        } as ZodLikeIssue;
        return describeIssue(issue, err.validationContext === 'body' ? '' : err.validationContext);
      });
      const first = issues[0]!;
      return reply
        .status(400)
        .send(new AppError(400, 'bad_input', first.zh, first.en, first.field, issues).toBody());
    }
    const code = pgCode(err);
    if (code === '23505')
      return reply
        .status(409)
        .send(
          new AppError(
            409,
            'duplicate',
            '已存在同名或相同编号的记录',
            'A record with the same name or number already exists',
          ).toBody(),
        );
    // 23503: a foreign key still points here; 23001: the same, from an ON DELETE RESTRICT key
    if (code === '23503' || code === '23001')
      return reply
        .status(409)
        .send(
          new AppError(
            409,
            'in_use',
            '该记录仍被其他数据引用，不能删除或修改',
            'This record is still referenced by other data',
          ).toBody(),
        );
    if (err.statusCode === 429)
      return reply
        .status(429)
        .send(
          new AppError(
            429,
            'rate_limited',
            '请求过于频繁，请稍后再试',
            'Too many requests, please try again later',
          ).toBody(),
        );
    if (
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      (err.statusCode === 400 && err instanceof SyntaxError)
    )
      return reply
        .status(400)
        .send(
          new AppError(
            400,
            'bad_json',
            '请求体不是有效的 JSON',
            'The request body is not valid JSON',
            'body',
          ).toBody(),
        );
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply
        .status(415)
        .send(
          new AppError(
            415,
            'bad_media_type',
            '不支持的内容类型',
            'Unsupported content type',
            'content-type',
          ).toBody(),
        );
    if (err.statusCode === 413)
      return reply
        .status(413)
        .send(new AppError(413, 'too_large', '请求内容过大', 'The request is too large', 'body').toBody());
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return reply
        .status(err.statusCode)
        .send(
          new AppError(
            err.statusCode,
            'bad_request',
            `请求无效：${err.message}`,
            `Bad request: ${err.message}`,
          ).toBody(),
        );
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(
        new AppError(
          500,
          'internal',
          '服务器内部错误，请稍后重试',
          'Internal server error, please try again',
        ).toBody(),
      );
  });
}

/** The 404 of an unknown address, in both languages. */
export function noRoute(req: FastifyRequest, reply: FastifyReply) {
  const url = req.url.split('?')[0]!;
  return reply
    .status(404)
    .send(
      new AppError(
        404,
        'no_route',
        `没有这个地址：${req.method} ${url}`,
        `No such route: ${req.method} ${url}`,
      ).toBody(),
    );
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { fieldLabel, typeName, type Label } from '../../core/fields.ts';
import { say, SAY } from '../../core/sentences.ts';
import { MAX_FORM_FIELDS, MAX_UPLOAD_BYTES } from './files.ts';

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  origin?: string;
  keys?: string[];
  params?: { zh?: string; en?: string; aboutField?: boolean };
}

/** "the request" → "The request": a rule's own sentence starts with a capital. */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Why `issue` refuses the value, as one sentence in each language naming the field by its label. */
function sentenceOf(issue: ZodLikeIssue, label: Label): Label {
  const max = Number(issue.maximum);
  const min = Number(issue.minimum);
  const exclusive = issue.inclusive === false;
  const list = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return say(SAY.required, label);
      return say(SAY.notA, label, typeName(issue.expected));
    case 'too_big':
      if (issue.origin === 'string') return say(SAY.tooLong, label, max);
      if (list) return say(SAY.tooMany, label, max);
      return exclusive ? say(SAY.below, label, max) : say(SAY.atMost, label, max);
    case 'too_small':
      if (issue.origin === 'string')
        return min <= 1 ? say(SAY.required, label) : say(SAY.tooShort, label, min);
      if (list) return say(SAY.tooFew, label, min);
      return exclusive ? say(SAY.above, label, min) : say(SAY.atLeast, label, min);
    case 'invalid_value':
      return say(SAY.notAChoice, label);
    case 'invalid_format':
      if (issue.format === 'date') return say(SAY.notADate, label);
      if (issue.format === 'regex') return say(SAY.badFormat, label);
      return say(SAY.notValid, label);
    case 'unrecognized_keys':
      return say(SAY.unknownKeys, label, issue.keys ?? []);
    case 'custom': {
      const { zh, en, aboutField } = issue.params ?? {};
      if (zh && en) return aboutField ? say(SAY.rule, label, { zh, en }) : { zh, en: capital(en) };
      return say(SAY.notValid, label);
    }
    default:
      return say(SAY.notValid, label);
  }
}

/**
 * One zod issue as a sentence in both languages naming the field by its label; `prefix` is where
 * the value came from (querystring, params; none for the body). A path parameter that fails a
 * check is a wrong link, and says so, unless its check explains itself in both languages.
 */
export function describeIssue(issue: ZodLikeIssue, prefix = ''): { field: string } & Label {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean);
  const field = path.join('.') || 'body';
  const label = fieldLabel(path);
  // a parameter's own explanation (a receipt's digits) says more than "the link is wrong"
  const explained = issue.code === 'custom' && Boolean(issue.params?.zh);
  const sentence = prefix === 'params' && !explained ? say(SAY.inLink, label) : sentenceOf(issue, label);
  return { field, ...sentence };
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

/** Requests whose path had a broken %-escape ("/r/%E0%A4%A"), by their raw request. */
const badUrls = new WeakSet<object>();

/**
 * Fastify's `rewriteUrl`: a path that does not decode would fail in the router with an English
 * FST_ERR_BAD_URL before any hook runs. Its '%' become '_', so it is routed like any unknown
 * address (with the security headers and the error body of every answer), and it is remembered:
 * the API refuses it in both languages, a page path gets the app's not-found page.
 */
export function defuseBadUrl(req: { url?: string }): string {
  const url = req.url ?? '/';
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  if (!path.includes('%')) return url;
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    badUrls.add(req);
    return path.replaceAll('%', '_') + (at < 0 ? '' : url.slice(at));
  }
}

/** Whether the address asked for had a broken %-escape (see defuseBadUrl). */
export const hadBadUrl = (req: FastifyRequest) => badUrls.has(req.raw);

/** Maps every failure to the bilingual error body; nothing escapes as a bare 500. */
export function installErrorHandler(app: FastifyInstance) {
  // after every onRequest hook: the security headers are set, and a stranger gets 401 first as everywhere
  app.addHook('preParsing', async (req) => {
    if (hadBadUrl(req) && req.url.startsWith('/api/'))
      throw new AppError(
        400,
        'bad_url',
        '链接地址有误（其中的 % 编码无法识别），请检查链接',
        'The link is broken (a % escape in it cannot be read); check the link',
        'url',
      );
  });
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
      return reply.status(err.statusCode).send(
        new AppError(
          err.statusCode,
          'bad_request',
          '请求无效，请检查后重试',
          'The request is not valid; check it and try again',
          undefined,
          // what Fastify said, for whoever reads the API answer
          { reason: err.message },
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

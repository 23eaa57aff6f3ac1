/**
 * The one way the web talks to the API: the client generated from the contract, same-origin
 * with the session cookie, the CSRF header on writes, and failures as ApiError carrying both
 * languages and the field at fault.
 */
import createClient from 'openapi-fetch';
import type {
  HttpMethod,
  PathsWithMethod,
  RequestBodyJSON,
  SuccessResponseJSON,
} from 'openapi-typescript-helpers';
import type { paths } from './openapi.gen.ts';

export interface ApiErrorInfo {
  code: string;
  message: string;
  messageEn: string;
  field?: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly info: ApiErrorInfo;
  constructor(status: number, info: ApiErrorInfo) {
    super(info.messageEn);
    this.name = 'ApiError';
    this.status = status;
    this.info = info;
  }
}

/** The message of any failure in the current language. */
export function errorText(err: unknown, lang: string): string {
  if (err instanceof ApiError) return lang.startsWith('en') ? err.info.messageEn : err.info.message;
  return lang.startsWith('en') ? 'Network error, please try again' : '网络错误，请稍后重试';
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** Set by the session after login or session load; sent on every write. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request answers 401 after login (the session expired elsewhere). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function networkError(): ApiError {
  return new ApiError(0, {
    code: 'network',
    message: '网络错误，请稍后重试',
    messageEn: 'Network error, please try again',
  });
}

function toApiError(status: number, body: unknown): ApiError {
  const info = (body as { error?: ApiErrorInfo } | null)?.error;
  if (info?.code) return new ApiError(status, info);
  return new ApiError(status, {
    code: `http_${status}`,
    message: `请求失败（${status}）`,
    messageEn: `Request failed (${status})`,
  });
}

/** Query values: empty ones are left out, as the routes read a missing filter as "any". */
function queryString(params: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // every query parameter of the contract is a string, number or boolean
    if (typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean')
      search.set(key, String(value));
  }
  return search.toString();
}

/**
 * The typed client: every path, parameter, body and answer comes from the generated contract
 * (openapi.gen.ts, `npm run openapi`), so a page whose call no longer fits its route fails the
 * typecheck. Any answer but a 2xx is thrown as ApiError, so `data` is the success answer.
 */
export const api = createClient<paths>({
  credentials: 'same-origin',
  querySerializer: queryString,
  headers: { accept: 'application/json' },
});

api.use({
  onRequest({ request }) {
    if (WRITES.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
  },
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    const data: unknown = response.headers.get('content-type')?.includes('json')
      ? await response
          .clone()
          .json()
          .catch(() => null)
      : null;
    if (response.status === 401 && new URL(request.url).pathname !== '/api/v1/session') onUnauthenticated();
    throw toApiError(response.status, data);
  },
  onError({ error }) {
    return error instanceof ApiError ? error : networkError();
  },
});

/** The success answer of a call (anything else has been thrown as ApiError). */
export async function answer<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

/** What a route answers with success: `Answer<'/api/v1/projects/{id}'>`, `Answer<'/api/v1/notices', 'post'>`. */
export type Answer<P extends keyof paths, M extends HttpMethod = 'get'> = M extends keyof paths[P]
  ? SuccessResponseJSON<NonNullable<paths[P][M]> & Record<string | number, unknown>>
  : never;
/** What a route takes as its JSON body. */
export type Body<P extends keyof paths, M extends HttpMethod = 'post'> = M extends keyof paths[P]
  ? RequestBodyJSON<paths[P][M]>
  : never;
/** One item of a list answer's `items`. */
export type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

type PostPath = PathsWithMethod<paths, 'post'>;

/**
 * Uploads one file as multipart field `file` to a POST route, with XHR, which (unlike fetch)
 * reports upload progress; `onUploaded` fires once the bytes are sent and the server is working
 * on them. The route's template and path values give the URL and the answer's type.
 */
export function uploadFile<P extends PostPath>(
  route: P,
  pathValues: Record<string, string | number>,
  file: File,
  handlers: { onProgress?: (percent: number) => void; onUploaded?: () => void } = {},
): Promise<Answer<P, 'post'>> {
  const url = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathValues[name])));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) handlers.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = () => handlers.onUploaded?.();
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const data = xhr.response as unknown;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as Answer<P, 'post'>);
      else reject(toApiError(xhr.status, data));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

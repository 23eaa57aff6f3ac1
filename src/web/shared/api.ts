/**
 * The one way the web talks to the API: same-origin fetch with the session cookie, the CSRF
 * header on writes, and failures as ApiError carrying both languages and the field at fault.
 */

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

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `/api/v1/estates` + {page: 2, q: ''} → `/api/v1/estates?page=2`; empty values are left out. */
export function apiUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

function networkError(): ApiError {
  return new ApiError(0, { code: 'network', message: '网络错误，请稍后重试', messageEn: 'Network error, please try again' });
}

function toApiError(status: number, body: unknown): ApiError {
  const info = (body as { error?: ApiErrorInfo } | null)?.error;
  if (info?.code) return new ApiError(status, info);
  return new ApiError(status, { code: `http_${status}`, message: `请求失败（${status}）`, messageEn: `Request failed (${status})` });
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITES.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw networkError();
  }
  const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = toApiError(res.status, data);
    if (res.status === 401 && path !== '/api/v1/session') onUnauthenticated();
    throw err;
  }
  return data as T;
}

export const get = <T>(path: string, params?: QueryParams) => api<T>('GET', apiUrl(path, params));
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T = { ok: true }>(path: string) => api<T>('DELETE', path);

/**
 * Uploads one file as multipart field `file` with XHR, which (unlike fetch) reports upload
 * progress. `onUploaded` fires once the bytes are sent and the server is working on them.
 */
export function uploadFile<T>(path: string, file: File, handlers: { onProgress?: (percent: number) => void; onUploaded?: () => void } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(toApiError(xhr.status, data));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** A paged list as every list route answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

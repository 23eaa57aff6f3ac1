import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { ApiError, type Answer, type ApiErrorInfo } from '../../../shared/api.ts';
import type { paths } from '../../../shared/openapi.gen.ts';

type PostPath = PathsWithMethod<paths, 'post'>;

/**
 * POSTs fields and one file as multipart/form-data (fields first: the server reads them before
 * the file) to a POST route; the route's template and path values give the URL and the answer's type.
 */
export async function postForm<P extends PostPath>(
  route: P,
  pathValues: Record<string, string>,
  csrfToken: string,
  fields: Record<string, string | undefined>,
  file: File,
): Promise<Answer<P, 'post'>> {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? ''));
  const form = new FormData();
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined && value !== '') form.append(key, value);
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, {
      code: 'network',
      message: '网络错误，请稍后重试',
      messageEn: 'Network error, please try again',
    });
  }
  const data = (await res.json().catch(() => null)) as { error?: ApiErrorInfo } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error ?? {
        code: `http_${res.status}`,
        message: `请求失败（${res.status}）`,
        messageEn: `Request failed (${res.status})`,
      },
    );
  return data as Answer<P, 'post'>;
}

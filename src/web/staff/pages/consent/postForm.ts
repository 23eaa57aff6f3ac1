import { ApiError, type ApiErrorInfo } from '../../../shared/api.ts';

/** POSTs fields and one file as multipart/form-data (fields first: the server reads them before the file). */
export async function postForm<T>(path: string, csrfToken: string, fields: Record<string, string | undefined>, file: File): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') form.append(key, value);
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken, accept: 'application/json' } });
  } catch {
    throw new ApiError(0, { code: 'network', message: '网络错误，请稍后重试', messageEn: 'Network error, please try again' });
  }
  const data = (await res.json().catch(() => null)) as { error?: ApiErrorInfo } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error ?? { code: `http_${res.status}`, message: `请求失败（${res.status}）`, messageEn: `Request failed (${res.status})` });
  return data as T;
}

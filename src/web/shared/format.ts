import type { Lang } from './lang.ts';

/** Instants are shown in Shanghai time whatever the browser's zone (dates are Shanghai dates). */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang.startsWith('en') ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** "2026-05-01" → "2026年5月1日" or "1 May 2026" (resident pages and printed notices); the date is a Shanghai calendar date. */
export function formatDay(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  if (lang === 'zh-CN') return `${y}年${m}月${d}日`;
  const month = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ][m - 1];
  return `${d} ${month} ${y}`;
}

/** A file's size in KB or MB, so whoever opens it on a metered phone knows before. */
export const formatFileSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

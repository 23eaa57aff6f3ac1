/** "2026-11-20T09:30" typed in a datetime-local field, read as Shanghai time → an ISO instant with its offset. */
export const shanghaiInstant = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

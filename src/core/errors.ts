/** The error body every API answer uses: `{error: {code, message, messageEn, field}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; messageEn: string; field?: string; details?: unknown };
}

/** One wrong cell of an imported file, as a refused import lists them in `details.rows`. */
export interface RowIssue {
  /** the Excel row number */
  row: number;
  /** the Chinese header of the column */
  column: string;
  message: string;
  messageEn: string;
}

/** A failure the user can act on, always in Chinese and English, naming the field when there is one. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
    this.name = 'AppError';
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messageZh,
        messageEn: this.messageEn,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

export const badInput = (field: string, zh: string, en: string, details?: unknown) =>
  new AppError(400, 'bad_input', zh, en, field, details);
export const notFound = (what: { zh: string; en: string }) =>
  new AppError(404, 'not_found', `${what.zh}不存在或无权查看`, `${what.en} not found or not visible to you`);
export const forbidden = () =>
  new AppError(
    403,
    'forbidden',
    '您的角色或管辖范围无权进行此操作',
    'Your role or scope does not allow this',
  );
export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录', 'Please log in first');
export const conflict = (zh: string, en: string, field?: string) =>
  new AppError(409, 'conflict', zh, en, field);

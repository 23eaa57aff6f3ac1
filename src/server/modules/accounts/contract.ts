/** What the accounts routes take and answer (issue 10): one place for the module's API shapes. */
import { z } from 'zod';
import { ROLES } from '../../../core/roles.ts';
import { instant } from '../../platform/contract.ts';
import { okBody, shortText } from '../../platform/http.ts';

// ---------------------------------------------------------------- requests

/** Passwords travel as given (nothing trimmed); the rules of new passwords are the service's, so the message names the rule. */
const password = z.string().max(512);

export const loginBody = z.object({ username: shortText(64), password: z.string().min(1).max(200) });

export const newUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,32}$/),
  displayName: shortText(50),
  password,
  role: z.enum(ROLES),
  scopeId: z.uuid(),
  organisation: z.string().trim().max(100).optional(),
  /** the administrator chose the password, so by default its owner replaces it at the first login */
  mustChangePassword: z.boolean().default(true),
});

export const userChangesBody = z.object({
  displayName: shortText(50).optional(),
  role: z.enum(ROLES).optional(),
  scopeId: z.uuid().optional(),
  organisation: z.string().trim().max(100).optional(),
});

export const resetPasswordBody = z.object({ password: password.optional() });

export const ownPasswordBody = z.object({
  currentPassword: z.string().min(1).max(512),
  newPassword: password,
});

// ---------------------------------------------------------------- answers

/** The signed-in user as the pages know them (core/roles.ts SessionUser). */
export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  districtId: z.uuid().nullable(),
  streetId: z.uuid().nullable(),
  committeeId: z.uuid().nullable(),
  organisation: z.string(),
});

export const sessionResponse = z.object({
  user: sessionUser,
  csrfToken: z
    .string()
    .meta({ description: '写请求须在 X-CSRF-Token 中回传 Echo it in X-CSRF-Token on writes' }),
  committeeIds: z.array(z.uuid()).meta({ description: '可见的居委会 The committees in the caller’s scope' }),
  today: z
    .string()
    .meta({ format: 'date', description: '服务器时钟的上海日期 Today in Shanghai by the server’s clock' }),
  mustChangePassword: z.boolean(),
  publicUrl: z.string().nullable().meta({
    description:
      '住户打开的公开网址（JW_PUBLIC_URL），告知书二维码指向它；未设置为 null The address owners open (JW_PUBLIC_URL), where the letters’ QR codes point; null when not set',
  }),
});

export const demoAccountsResponse = z.object({ usernames: z.array(z.string()) });

/** An account as a street admin sees it; never its password hash. */
export const account = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisation: z.string(),
  districtId: z.uuid().nullable(),
  streetId: z.uuid().nullable(),
  committeeId: z.uuid().nullable(),
  disabled: z.boolean(),
  disabledAt: instant.nullable(),
  disabledBy: z.string().nullable(),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
  lastLoginAt: instant.nullable(),
  createdAt: instant,
});

export const listedAccount = account.extend({
  committeeName: z.string().nullable(),
  scopeName: z
    .string()
    .nullable()
    .meta({ description: '居委会、街道或区的名称 The committee’s, street’s or district’s name' }),
  sessions: z.number().int().meta({ description: '未过期的会话 Sessions not yet expired' }),
  failedLogins: z
    .number()
    .int()
    .meta({ description: '尚未遗忘的密码错误 Wrong passwords not yet forgotten' }),
  lockedSeconds: z
    .number()
    .int()
    .meta({ description: '当前须等待的秒数 The longest wait one of them imposes now' }),
});
export const accountListResponse = z.object({ items: z.array(listedAccount) });

export const disabledResponse = z.object({
  id: z.uuid(),
  username: z.string(),
  disabled: z.boolean(),
  sessionsEnded: z.number().int(),
});

export const resetResponse = z.object({
  id: z.uuid(),
  username: z.string(),
  mustChangePassword: z.literal(true),
  sessionsEnded: z.number().int(),
  password: z
    .string()
    .optional()
    .meta({ description: '服务器生成的临时密码，只显示这一次 The generated password, shown this once' }),
});

export const sessionsEndedResponse = z.object({
  id: z.uuid(),
  username: z.string(),
  sessionsEnded: z.number().int(),
});

export const unlockResponse = okBody.extend({
  addresses: z.number().int().meta({ description: '解除限制的地址数 Addresses whose hold was lifted' }),
});

export const ownPasswordResponse = okBody.extend({ otherSessionsEnded: z.number().int() });

export const ownSessionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      createdAt: instant,
      lastSeenAt: instant,
      expiresAt: instant,
      address: z.string(),
      userAgent: z.string(),
      current: z.boolean().meta({ description: '发出本请求的会话 The session asking' }),
    }),
  ),
});

export const otherSessionsEndedResponse = okBody.extend({ sessionsEnded: z.number().int() });

export const advisersResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string(), organisation: z.string() })),
});

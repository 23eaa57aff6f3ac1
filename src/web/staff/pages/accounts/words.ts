import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../core/accounts.ts';
import { defineWords, type Words } from '../../../shared/words.ts';

/** The words of the account pages (账号管理, 我的账号), Chinese first. */
const zh = {
  accounts: '账号管理',
  accountsIntro:
    '本街道及其居委会的工作人员账号。停用的账号不能登录，其会话随即结束；重设密码后，用户下次登录须先修改密码。',
  create: '新建账号',
  username: '用户名',
  usernameHelp: '3–32 位小写字母、数字或 . _ -，创建后不能修改',
  usernameRule: '用户名应为 3–32 位小写字母、数字或 . _ -',
  displayName: '显示名称',
  role: '角色',
  scope: '所属居委会',
  street: '本街道',
  organisation: '单位',
  password: '初始密码',
  mustChange: '首次登录须修改密码',
  mustChangeHelp: '密码由您设定，建议让本人登录后改成只有自己知道的密码',
  state: '状态',
  enabled: '在用',
  disabled: '已停用',
  demo: '演示账号',
  demoHelp: '演示数据自带的账号，密码公开在说明文档中。正式使用前请停用。',
  mustChangeTag: '须改密码',
  locked: (s: number) => `登录受限 ${s} 秒`,
  failed: (n: number) => `登录失败 ${n} 次`,
  lastLogin: '最近登录',
  never: '从未登录',
  sessions: '会话',
  disabledBy: (by: string, at: string) => `${by} 于 ${at} 停用`,
  actions: '操作',
  actionsOf: (name: string) => `${name} 的更多操作`,
  edit: '编辑',
  editTitle: (name: string) => `编辑账号 ${name}`,
  reset: '重设密码',
  resetTitle: (name: string) => `重设 ${name} 的密码`,
  resetIntro: '设置一个临时密码：用户下次登录须先修改。该账号的所有会话随即结束。',
  resetPassword: '临时密码',
  resetPasswordHelp: '留空则自动生成一个随机密码，只显示一次',
  resetOk: '设置临时密码',
  generatedTitle: (name: string) => `${name} 的临时密码`,
  generatedIntro: '请把这个临时密码当面或电话告诉本人。关闭后不再显示。',
  givenDone: (name: string) => `已为 ${name} 设置临时密码，下次登录须修改`,
  disable: '停用',
  disableConfirm: (name: string) => `停用 ${name}？该账号将不能登录，已登录的会话立即结束。`,
  disabledDone: (name: string, n: number) => `已停用 ${name}，结束 ${n} 个会话`,
  enable: '启用',
  enableConfirm: (name: string) => `重新启用 ${name}？`,
  enabledDone: (name: string) => `已启用 ${name}`,
  endSessions: '结束会话',
  endSessionsConfirm: (name: string) => `结束 ${name} 的所有会话？本人需要重新登录。`,
  endedDone: (n: number) => `已结束 ${n} 个会话`,
  unlock: '解除登录限制',
  unlockedDone: (name: string) => `${name} 现在可以立即登录`,
  close: '关闭',
  ok: '确定',
  cancel: '取消',
  copy: '复制',

  myAccount: '我的账号',
  profile: '账号信息',
  changePassword: '修改密码',
  mustChangeNow: '请先修改密码',
  mustChangeNowText: '管理员为您设置了临时密码（或这是新账号）。修改密码后才能使用其他功能。',
  currentPassword: '当前密码',
  newPassword: '新密码',
  confirmPassword: '再次输入新密码',
  mismatch: '两次输入的新密码不一致',
  passwordRules: `至少 ${PASSWORD_MIN_LENGTH} 个字符，最多 ${PASSWORD_MAX_LENGTH} 个。不要求大小写或符号，可以用几个不相关的词组成短语，空格也算。常见密码、泄露过的密码、用户名和姓名不能用。`,
  changed: (n: number) => (n > 0 ? `密码已修改，其他 ${n} 个会话已结束` : '密码已修改'),
  mySessions: '我的会话',
  mySessionsIntro: '在这些设备上登录着您的账号。不认识的会话请结束，并修改密码。',
  device: '设备',
  address: '地址',
  signedIn: '登录时间',
  lastSeen: '最近使用',
  thisDevice: '本机',
  end: '结束',
  endNamed: (what: string) => `结束会话：${what}`,
  endOthers: '结束其他所有会话',
  endOthersConfirm: '结束除本机以外的所有会话？',
  unknownDevice: '未知设备',
};

export type AccountWords = typeof zh;

const en: Words<AccountWords> = {
  accounts: 'Accounts',
  accountsIntro:
    'Staff accounts of the street and its committees. A disabled account cannot log in, and its sessions end at once; after a password reset the user must change the password at the next login.',
  create: 'New account',
  username: 'Username',
  usernameHelp: '3–32 lower-case letters, digits or . _ -; it cannot change later',
  usernameRule: 'The username must be 3–32 lower-case letters, digits or . _ -',
  displayName: 'Display name',
  role: 'Role',
  scope: 'Committee',
  street: 'This street',
  organisation: 'Organisation',
  password: 'Initial password',
  mustChange: 'Must change the password at the first login',
  mustChangeHelp: 'You chose this password; let its owner replace it with one only they know',
  state: 'State',
  enabled: 'Enabled',
  disabled: 'Disabled',
  demo: 'Demo account',
  demoHelp:
    'An account of the demo data, whose password is published in the documentation. Disable it before real use.',
  mustChangeTag: 'Must change password',
  locked: (s) => `Login held ${s} s`,
  failed: (n) => `${n} failed logins`,
  lastLogin: 'Last login',
  never: 'Never',
  sessions: 'Sessions',
  disabledBy: (by, at) => `Disabled by ${by} on ${at}`,
  actions: 'Actions',
  actionsOf: (name) => `More actions for ${name}`,
  edit: 'Edit',
  editTitle: (name) => `Edit account ${name}`,
  reset: 'Reset password',
  resetTitle: (name) => `Reset the password of ${name}`,
  resetIntro:
    'Sets a temporary password that must be changed at the next login. Every session of the account ends.',
  resetPassword: 'Temporary password',
  resetPasswordHelp: 'Leave empty to generate a random one, shown only once',
  resetOk: 'Set temporary password',
  generatedTitle: (name) => `Temporary password of ${name}`,
  generatedIntro: 'Tell it to the person in person or by phone. It is not shown again after closing.',
  givenDone: (name) => `${name} has a temporary password, to be changed at the next login`,
  disable: 'Disable',
  disableConfirm: (name) => `Disable ${name}? The account cannot log in, and its sessions end now.`,
  disabledDone: (name, n) => `${name} disabled; ${n} sessions ended`,
  enable: 'Enable',
  enableConfirm: (name) => `Enable ${name} again?`,
  enabledDone: (name) => `${name} enabled`,
  endSessions: 'End sessions',
  endSessionsConfirm: (name) => `End every session of ${name}? They must log in again.`,
  endedDone: (n) => `${n} sessions ended`,
  unlock: 'Lift login hold',
  unlockedDone: (name) => `${name} can log in at once`,
  close: 'Close',
  ok: 'OK',
  cancel: 'Cancel',
  copy: 'Copy',

  myAccount: 'My account',
  profile: 'Account',
  changePassword: 'Change password',
  mustChangeNow: 'Change your password first',
  mustChangeNowText:
    'An administrator set a temporary password for you (or the account is new). Change it to use everything else.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'New password again',
  mismatch: 'The two new passwords differ',
  passwordRules: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. No upper case or symbols needed: a phrase of a few unrelated words works, and spaces count. Common or breached passwords, the username and the name are refused.`,
  changed: (n) => (n > 0 ? `Password changed; ${n} other sessions ended` : 'Password changed'),
  mySessions: 'My sessions',
  mySessionsIntro:
    'Your account is logged in on these devices. End any you do not recognise, and change your password.',
  device: 'Device',
  address: 'Address',
  signedIn: 'Logged in',
  lastSeen: 'Last used',
  thisDevice: 'This device',
  end: 'End',
  endNamed: (what) => `End session: ${what}`,
  endOthers: 'End all other sessions',
  endOthersConfirm: 'End every session but this one?',
  unknownDevice: 'Unknown device',
};

export const useWords = defineWords(zh, en);

/** A browser's user agent as a person names it: "Chrome · Windows", "Safari · iPhone". */
export function deviceName(userAgent: string, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /MicroMessenger/.test(userAgent)
      ? 'WeChat 微信'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iPhone/iPad'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40);
}

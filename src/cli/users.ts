import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../core/errors.ts';
import { ROLE_LABELS, ROLES, type Role } from '../core/roles.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../server/platform/actor.ts';
import type { Database, Db } from '../server/platform/db/client.ts';
import {
  createUser,
  listUsers,
  resetPassword,
  setDisabled,
  unlockUser,
  type Manager,
} from '../server/modules/accounts/manage.ts';
import { districts, streets } from '../server/modules/registry/schema.ts';

type WithDatabase = <T>(task: (database: Database) => Promise<T>) => Promise<T>;

/** The command line acts on every account, audited as `cli:<the operating-system user>`. */
export function cliActor(at: Date): Actor {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (a container's numeric user): the audit still says it came from the command line
  }
  return { userId: null, name: `cli:${who}`, at };
}

export const cliManager = (at: Date): Manager => ({ actor: cliActor(at), streetId: null });

const say = (out: Writable, line: string) => out.write(`${line}\n`);

/** `jiangwan user list`: every account (or one street's), one line each. */
export async function printUsers(db: Db, out: Writable, now: Date, streetName?: string) {
  let streetId: string | null = null;
  if (streetName) {
    const [street] = await db.select({ id: streets.id }).from(streets).where(eq(streets.name, streetName));
    if (!street)
      throw new AppError(
        400,
        'bad_input',
        `找不到街道“${streetName}”`,
        `No street named “${streetName}”`,
        'street',
      );
    streetId = street.id;
  }
  const rows = await listUsers(db, { streetId }, now);
  const table = rows.map((u) => [
    u.username,
    u.displayName,
    ROLE_LABELS[u.role].zh,
    u.scopeName ?? '',
    u.disabled ? '停用 disabled' : '在用 enabled',
    [
      u.demo ? '演示 demo' : '',
      u.mustChangePassword ? '须改密码 must change password' : '',
      u.lockedSeconds > 0 ? `登录受限 ${u.lockedSeconds}s throttled` : '',
    ]
      .filter(Boolean)
      .join(', '),
    u.lastLoginAt ? u.lastLoginAt.toISOString() : '—',
  ]);
  const head = [
    '用户名 username',
    '显示名称 name',
    '角色 role',
    '范围 scope',
    '状态 state',
    '备注 notes',
    '最近登录 last login',
  ];
  const widths = head.map((h, i) => Math.max(width(h), ...table.map((r) => width(r[i]!))));
  for (const row of [head, ...table])
    say(
      out,
      row
        .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
        .join('  ')
        .trimEnd(),
    );
  say(out, `共 ${rows.length} 个账号 ${rows.length} accounts`);
}

/** Display width: CJK characters take two columns. */
const width = (s: string) =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

/**
 * A new password typed by the operator: asked twice without echo on a terminal, or the first
 * line of standard input when it is piped (`echo … | jiangwan user password NAME`), so it never
 * lands in the shell's history or the process list.
 */
export async function readNewPassword(input: Readable & { isTTY?: boolean }, out: Writable): Promise<string> {
  if (!input.isTTY) {
    const line = await firstLine(input);
    if (line === null || line === '')
      throw new AppError(400, 'bad_input', '标准输入中没有密码', 'No password on standard input', 'password');
    return line;
  }
  const first = await askHidden(input, out, '新密码 New password: ');
  const again = await askHidden(input, out, '再输入一次 Again: ');
  if (first !== again)
    throw new AppError(400, 'bad_input', '两次输入的密码不一致', 'The two passwords differ', 'password');
  return first;
}

function firstLine(input: Readable): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line.replace(/\r$/, ''));
    });
    rl.once('close', () => !done && resolve(null));
    input.once('error', reject);
  });
}

function askHidden(input: Readable, out: Writable, question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: out, terminal: true });
    // readline echoes what is typed through this method; after the question, echo nothing
    const echo = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    echo._writeToOutput = (s: string) => {
      if (!asked) out.write(s);
    };
    rl.question(question, (answer) => {
      out.write('\n');
      rl.close();
      resolve(answer);
    });
    asked = true;
  });
}

export function registerUserCommands(program: Command, withDatabase: WithDatabase, clock: Clock) {
  const user = program.command('user').description('账号管理 Accounts');

  user
    .command('create')
    .description('新建账号 Create an account (the first admin of an empty store creates its street)')
    .requiredOption('--username <name>')
    .option(
      '--password <password>',
      '省略时从提示或标准输入读取 Omitted: read from a prompt or standard input',
    )
    .option('--display-name <name>')
    .option('--role <role>', ROLES.join(' | '), 'street_admin')
    .option(
      '--scope-id <uuid>',
      '所属区/街道/居委会 id; omitted on an empty store: creates the district and street',
    )
    .option('--district <name>', '区名 District name for a new store', '虹口区')
    .option('--street <name>', '街道名 Street name for a new store', '江湾镇街道')
    .action(
      async (o: {
        username: string;
        password?: string;
        displayName?: string;
        role: string;
        scopeId?: string;
        district: string;
        street: string;
      }) => {
        if (!ROLES.includes(o.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
        const password = o.password ?? (await readNewPassword(process.stdin, process.stdout));
        await withDatabase(async ({ db }) => {
          const scopeId = o.scopeId ?? (await ensureStreet(db, o.district, o.street));
          const created = await createUser(
            db,
            {
              username: o.username,
              password,
              displayName: o.displayName ?? o.username,
              role: o.role as Role,
              scopeId,
            },
            cliActor(clock.now()),
          );
          console.log(`已创建账号 Created ${created.username} (${created.role})`);
        });
      },
    );

  user
    .command('list')
    .description('列出账号 List accounts: state, demo, last login')
    .option('--street <name>', '只列这个街道 Only this street')
    .action((o: { street?: string }) =>
      withDatabase(({ db }) => printUsers(db, process.stdout, clock.now(), o.street)),
    );

  user
    .command('disable <username>')
    .description('停用账号，其会话随即结束 Disable an account; its sessions end at once')
    .action((username: string) =>
      withDatabase(async ({ db }) => {
        const r = await setDisabled(db, cliManager(clock.now()), { username }, true);
        console.log(
          `已停用 ${r.username}，结束 ${r.sessionsEnded} 个会话 Disabled ${r.username}; ${r.sessionsEnded} sessions ended`,
        );
      }),
    );

  user
    .command('enable <username>')
    .description('启用账号 Enable an account again')
    .action((username: string) =>
      withDatabase(async ({ db }) => {
        const r = await setDisabled(db, cliManager(clock.now()), { username }, false);
        console.log(`已启用 ${r.username} Enabled ${r.username}`);
      }),
    );

  user
    .command('unlock <username>')
    .description(
      '解除登录限制（忘记该账号从各地址的登录失败）Lift the login hold: forget the account’s failed logins from every address',
    )
    .action((username: string) =>
      withDatabase(async ({ db }) => {
        const r = await unlockUser(db, cliManager(clock.now()), { username });
        console.log(
          `已解除 ${username} 的登录限制（${r.addresses} 个地址）${username} may log in at once (${r.addresses} addresses cleared)`,
        );
      }),
    );

  user
    .command('password <username>')
    .description(
      '设置临时密码（下次登录须修改），其会话随即结束 Set a temporary password, to be changed at the next login; its sessions end',
    )
    .option('--generate', '生成一个随机密码并显示一次 Generate a random one and show it once')
    .action(async (username: string, o: { generate?: boolean }) => {
      const given = o.generate ? undefined : await readNewPassword(process.stdin, process.stdout);
      await withDatabase(async ({ db }) => {
        const r = await resetPassword(db, cliManager(clock.now()), { username }, given);
        if (r.password) console.log(`临时密码 Temporary password: ${r.password}`);
        console.log(
          `已为 ${r.username} 设置临时密码，下次登录须修改；结束 ${r.sessionsEnded} 个会话 ${r.username} must change it at the next login; ${r.sessionsEnded} sessions ended`,
        );
      });
    });
}

async function ensureStreet(db: Db, districtName: string, streetName: string) {
  let [district] = await db.select().from(districts).where(eq(districts.name, districtName));
  district ??= (await db.insert(districts).values({ name: districtName }).returning())[0]!;
  let [street] = await db
    .select()
    .from(streets)
    .where(and(eq(streets.districtId, district.id), eq(streets.name, streetName)));
  street ??= (await db.insert(streets).values({ name: streetName, districtId: district.id }).returning())[0]!;
  return street.id;
}

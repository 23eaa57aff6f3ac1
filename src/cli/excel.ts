import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../core/errors.ts';
import type { Access } from '../server/platform/access.ts';
import { shanghaiDate, type Clock } from '../core/clock.ts';
import { systemActor } from '../server/platform/actor.ts';
import type { Database, Db } from '../server/platform/db/client.ts';
import type { RowIssue } from '../core/errors.ts';
import { exportRegistry, importRegistry, type EntityCounts } from '../server/modules/registry/excel.ts';
import { committees } from '../server/modules/registry/schema.ts';

type WithDatabase = <T>(task: (database: Database) => Promise<T>) => Promise<T>;

/**
 * The command line acts as the system: a street admin's power over the whole store, or over
 * one committee with --committee (rows of other committees are then errors, as for staff).
 */
export async function systemAccess(db: Db, committee: string | undefined, now: Date): Promise<Access> {
  const all = await db
    .select({ id: committees.id, name: committees.name, streetId: committees.streetId })
    .from(committees);
  const chosen = committee ? all.filter((c) => c.name === committee || c.id === committee) : all;
  if (committee && chosen.length !== 1)
    throw new AppError(
      400,
      'bad_input',
      `找不到唯一的居委会“${committee}”`,
      `No single residents' committee named “${committee}”`,
      'committee',
    );
  return {
    user: {
      id: 'system',
      username: 'system',
      displayName: '系统 System',
      role: 'street_admin',
      districtId: null,
      streetId: null,
      committeeId: null,
      organisation: '',
    },
    actor: systemActor(now),
    now,
    today: shanghaiDate(now),
    committeeIds: chosen.map((c) => c.id),
    streetOf: new Map(all.map((c) => [c.id, c.streetId])),
    assigned: null,
    seesPersonalData: true,
  };
}

const ENTITY_LABELS: [keyof EntityCounts, string][] = [
  ['estates', '小区 estates'],
  ['buildings', '楼幢 buildings'],
  ['stairwells', '单元 stairwells'],
  ['units', '房屋 units'],
  ['persons', '业主 persons'],
  ['owners', '产权关系 ownerships'],
];

const MAX_PRINTED_ISSUES = 200;

/** A refused import or a bad file: the reason, then each bad row, in both languages. */
function printRefusal(err: AppError) {
  console.error(`${err.messageZh}\n${err.messageEn}`);
  const issues = (err.details as { rows?: RowIssue[] } | undefined)?.rows ?? [];
  for (const issue of issues.slice(0, MAX_PRINTED_ISSUES))
    console.error(
      `  第 ${issue.row} 行 Row ${issue.row} · ${issue.column}: ${issue.message} / ${issue.messageEn}`,
    );
  const more = issues.length - MAX_PRINTED_ISSUES;
  if (more > 0) console.error(`  …… 另有 ${more} 处未列出 / ${more} more not shown`);
}

export function registerExcelCommands(program: Command, withDatabase: WithDatabase, clock: Clock) {
  program
    .command('import <file>')
    .description(
      '从 Excel 导入房屋与业主（全部行无误才写入）Import the registry from .xlsx (all rows or nothing)',
    )
    .option(
      '--committee <name>',
      '只导入这个居委会（名称或 id）Only this committee (name or id); other rows are errors',
    )
    .action((file: string, opts: { committee?: string }) =>
      withDatabase(async ({ db }) => {
        try {
          const result = await importRegistry(
            db,
            await systemAccess(db, opts.committee, clock.now()),
            await readFile(file),
          );
          console.log('已导入 Imported:');
          for (const [key, label] of ENTITY_LABELS)
            console.log(
              `  ${label}: ${result.counts[key]}（新增 created ${result.created[key]}，更新 updated ${result.updated[key]}）`,
            );
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          printRefusal(err);
          process.exitCode = 1;
        }
      }),
    );

  program
    .command('export <file>')
    .description('导出房屋与业主到 Excel（默认脱敏）Export the registry to .xlsx (masked unless --full)')
    .option('--full', '包含完整身份证号和电话（记入审计）Include full ID numbers and phones (audited)', false)
    .option('--committee <name>', '只导出这个居委会（名称或 id）Only this committee (name or id)')
    .action((file: string, opts: { full: boolean; committee?: string }) =>
      withDatabase(async ({ db }) => {
        const access = await systemAccess(db, opts.committee, clock.now());
        const exported = await exportRegistry(db, access, {
          full: opts.full,
          committeeId: opts.committee ? access.committeeIds[0] : undefined,
        });
        await writeFile(file, exported.file);
        console.log(
          `已导出 ${exported.rows} 行到 ${file} / Exported ${exported.rows} rows to ${file}${opts.full ? '（含完整个人信息 with full personal data）' : ''}`,
        );
      }),
    );
}

import { asc, eq } from 'drizzle-orm';
import { ImageRun, Paragraph, type Table } from 'docx';
import QRCode from 'qrcode';
import { formatAreaM2 } from '../../../core/area.ts';
import { formatFraction } from '../../../core/consent/fraction.ts';
import { formatReceipt, receiptOf } from '../../../core/consent/receipts.ts';
import { maskName } from '../../../core/privacy.ts';
import type { Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { heading, para, table, wordFile } from '../../platform/word.ts';
import { liftProjects } from '../projects/schema.ts';
import { ballots, electorGroups } from './schema.ts';
import { getConsultationRow, listCodes, type Consultation } from './service.ts';
import { verifyLedger } from './ledger.ts';
import type { CodeKeys } from '../../platform/code-keys.ts';
import type { Certificate } from './contract.ts';
import { shanghaiDate, shanghaiMinute } from '../../../core/clock.ts';

/** What the certificate's receipt numbers are, and where an owner checks one. */
const RECEIPT_NOTE =
  '回执号是各户投票后回执上的编号（选票账本中该条记录哈希的前 16 位），业主可在住户页面“核对回执”中查询账本记录的内容。';
const CHOICE_ZH = { agree: '同意', disagree: '不同意', abstain: '弃权' } as const;
const CHANNEL_ZH = { online: '线上', paper: '纸质', assisted: '代录（有见证人）', proxy: '委托' } as const;

async function projectName(db: Queryable, c: Consultation) {
  const [p] = await db
    .select({ name: liftProjects.name })
    .from(liftProjects)
    .where(eq(liftProjects.id, c.projectId));
  return p?.name ?? '';
}

/** One page per household: the question, dates, how to vote, the code and its QR code. */
export async function lettersDocx(
  db: Queryable,
  access: Access,
  id: string,
  baseUrl: string,
  keys: CodeKeys,
) {
  const { consultation: c, codes } = await listCodes(db, access, id, keys, 'letters');
  const project = await projectName(db, c);
  const children: Paragraph[] = [];
  for (const [i, h] of codes.entries()) {
    const url = `${baseUrl}/r/${h.code}`;
    const qr = await QRCode.toBuffer(url, { type: 'png', width: 240, margin: 1, errorCorrectionLevel: 'M' });
    children.push(
      para(`${project}`, { bold: true, size: 32, align: 'center', pageBreakBefore: i > 0 }),
      para(c.kind === 'vote' ? '加装电梯业主表决告知书' : '加装电梯意向征询告知书', {
        bold: true,
        size: 30,
        align: 'center',
      }),
      para(`致 ${h.label} 业主${h.ownersMasked.length ? `（${h.ownersMasked.join('、')}）` : ''}：`, {
        size: 26,
      }),
      para(`事项：${c.title}`, { size: 26 }),
      para(c.question, { size: 26 }),
      ...(c.documentsSummary ? [para(`请先阅读：${c.documentsSummary}`, { size: 24 })] : []),
      para(`时间：${c.opensOn ?? '即日'} 起，至 ${c.closesOn ?? '另行通知'} 止。截止前可以改票。`, {
        size: 26,
      }),
      ...(c.rule ? [para(`表决规则：${c.rule.name.zh}`, { size: 22 })] : []),
      para(
        '投票方法：用手机扫描下方二维码，或在浏览器中打开网址并输入户码；选择后确认即可。不会用手机的，可以到居委会填写纸质表决票，工作人员也可以上门协助。',
        { size: 26 },
      ),
      para(`户码：${h.code}`, { bold: true, size: 40, align: 'center' }),
      new Paragraph({
        alignment: 'center',
        children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 180, height: 180 } })],
      }),
      para(url, { size: 20, align: 'center' }),
      para('户码只属于您家，请妥善保管；遗失请联系居委会补发，原户码随即作废。', { size: 22 }),
    );
  }
  if (!children.length) children.push(para('没有可打印的户码。'));
  return { fileName: `${c.title}-告知书.docx`, buffer: await wordFile(`${c.title} 告知书`, [{ children }]) };
}

/** The closing result, defensible in court: rule, counts, thresholds, outcome, ballots, ledger head. */
export async function certificateData(db: Queryable, access: Access, id: string): Promise<Certificate> {
  const c = await getConsultationRow(db, access, id);
  const rows = await db
    .select({
      label: electorGroups.label,
      owners: electorGroups.owners,
      areaCenti: electorGroups.areaCenti,
      choice: ballots.choice,
      channel: ballots.channel,
      confirmed: ballots.confirmed,
      castAt: ballots.castAt,
      hash: ballots.ledgerHash,
    })
    .from(electorGroups)
    .leftJoin(ballots, eq(ballots.groupId, electorGroups.id))
    .where(eq(electorGroups.consultationId, id))
    .orderBy(asc(electorGroups.label));
  const ledger = await verifyLedger(db, id);
  return {
    consultation: {
      id: c.id,
      title: c.title,
      question: c.question,
      kind: c.kind,
      status: c.status,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      rule: c.rule,
      result: c.result,
    },
    project: await projectName(db, c),
    ballots: rows.map((r) => ({
      household: r.label,
      owners: r.owners.map((o) => maskName(o.name)!),
      areaM2: formatAreaM2(r.areaCenti),
      choice: r.confirmed ? (r.choice ?? (r.channel ? 'answered' : null)) : null,
      channel: r.channel,
      castAt: r.castAt,
      receipt: r.hash && r.confirmed ? receiptOf(r.hash) : null,
    })),
    ledger,
  };
}

export async function certificateDocx(db: Queryable, access: Access, id: string) {
  const d = await certificateData(db, access, id);
  const c = d.consultation;
  const result = c.result;
  const counts = result?.counts;
  const lines: (Paragraph | Table)[] = [
    heading(c.kind === 'vote' ? '加装电梯业主表决结果证明' : '加装电梯意向征询结果'),
    para(`项目：${d.project}`),
    para(`事项：${c.title}`),
    para(`表决内容：${c.question}`),
    para(
      `状态：${c.status === 'closed' ? `已于 ${c.closedAt ? shanghaiDate(new Date(c.closedAt)) : ''} 结束` : '进行中（本证明为临时统计）'}`,
    ),
  ];
  if (c.rule) {
    const p = c.rule.participation;
    const a = c.rule.approval;
    lines.push(
      para(`表决规则：${c.rule.name.zh}（${c.rule.id} 第 ${c.rule.version} 版）`),
      para(
        `参与门槛：${p ? `专有部分面积 ${formatFraction(p.area)} 以上且人数 ${formatFraction(p.heads)} 以上的业主参与表决` : '无'}`,
      ),
      para(
        `同意门槛：${a.base === 'participating' ? '参与表决' : '全体'}业主中，专有部分面积${a.strict ? '过' : ' '}${formatFraction(a.area)}${a.strict ? '' : ' 以上'}且人数${a.strict ? '过' : ' '}${formatFraction(a.heads)}${a.strict ? '' : ' 以上'}同意`,
      ),
    );
  }
  if (counts) {
    lines.push(
      table(
        ['', '人数（户）', '专有部分面积（㎡）'],
        [
          ['全体业主', String(counts.totalHeads), formatAreaM2(counts.totalArea)],
          ['参与表决', String(counts.participatingHeads), formatAreaM2(counts.participatingArea)],
          ['同意', String(counts.agreeingHeads), formatAreaM2(counts.agreeingArea)],
        ],
      ),
    );
  }
  if (result?.outcome)
    lines.push(
      para(
        `结果：${result.outcome.passed ? '通过' : '未通过'}（参与门槛${result.outcome.participationMet ? '已达到' : '未达到'}，同意门槛${result.outcome.approvalMet ? '已达到' : '未达到'}）`,
        { bold: true, size: 28 },
      ),
    );
  lines.push(
    para('选票明细（姓名已脱敏）：', { bold: true }),
    table(
      ['房屋', '业主', '面积（㎡）', '选择', '方式', '时间', '回执号'],
      d.ballots.map((b) => [
        b.household,
        b.owners.join('、'),
        b.areaM2,
        b.choice ? (CHOICE_ZH[b.choice as keyof typeof CHOICE_ZH] ?? '已答复') : '未参与',
        b.channel ? CHANNEL_ZH[b.channel] : '',
        b.castAt ? shanghaiMinute(new Date(b.castAt)) : '',
        b.receipt ? formatReceipt(b.receipt) : '',
      ]),
    ),
    para(RECEIPT_NOTE, { size: 18 }),
    para(
      `选票账本：共 ${d.ledger.events} 条记录，校验${d.ledger.ok ? '通过' : `未通过（第 ${d.ledger.firstBad?.seq} 条）`}。`,
    ),
    para(`账本末条哈希（SHA-256）：${d.ledger.headHash}`, { size: 18 }),
    para('居委会（盖章）：                    日期：', { align: 'right' }),
  );
  return {
    fileName: `${c.title}-结果证明.docx`,
    buffer: await wordFile(`${c.title} 结果证明`, [{ children: lines }]),
  };
}

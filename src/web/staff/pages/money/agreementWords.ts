import { defineWords, type Words } from '../../../shared/words.ts';

/** Words of the agreement clause editor (街道模板 page), Chinese first. */
const zh = {
  title: '加装电梯协议书条款',
  note: '各项目打印的协议书（整份与分户）和业主在户码页看到的条款，都按这里的文字填入项目数据生成。花括号中的占位符会换成各项目的数据。',
  isDefault: '当前为系统默认文本。',
  edited: (version: number, by: string, at: string) => `第 ${version} 版，${by} 于 ${at} 修改。`,
  reset: '恢复默认',
  resetConfirm: '恢复为系统默认条款？当前文字会被替换（修改记录保留在审计日志中）。',
  resetDone: '已恢复默认条款',
  quorum: '变更本协议所需的同意比例（填入“{变更表决比例}”）',
  quorumArea: '专有部分面积比例',
  quorumHeads: '人数比例',
  quorumHint: '默认为三分之二（2/3），与意愿征询的参与比例相同；可改为 3/4 等。',
  placeholders: '可用的占位符',
  clauseTitle: (n: number) => `第 ${n} 条标题`,
  clauseBody: (n: number) => `第 ${n} 条正文`,
  moveUp: (n: number) => `第 ${n} 条上移`,
  remove: (n: number) => `删除第 ${n} 条`,
  add: '添加条款',
  newTitle: '新条款',
  newBody: '条款内容',
};

const en: Words<typeof zh> = {
  title: 'Clauses of the lift agreement',
  note: 'Every project’s agreement (whole and per household) and the clauses owners read on their code page are made from this wording with the project’s data filled in. Placeholders in braces are replaced by each project’s figures.',
  isDefault: 'This is the default wording.',
  edited: (version, by, at) => `Version ${version}, changed by ${by} on ${at}.`,
  reset: 'Reset to default',
  resetConfirm:
    'Reset the clauses to the default? The current wording is replaced (its changes stay in the audit log).',
  resetDone: 'The default clauses are back',
  quorum: 'Consent needed to change the agreement (fills “{变更表决比例}”)',
  quorumArea: 'Share of the area',
  quorumHeads: 'Share of the owners',
  quorumHint:
    'Two thirds (2/3) by default, as the consultation’s participation; 3/4 and the like are possible.',
  placeholders: 'Placeholders',
  clauseTitle: (n) => `Title of clause ${n}`,
  clauseBody: (n) => `Text of clause ${n}`,
  moveUp: (n) => `Move clause ${n} up`,
  remove: (n) => `Remove clause ${n}`,
  add: 'Add a clause',
  newTitle: 'New clause',
  newBody: 'Text of the clause',
};

export const useAgreementWords = defineWords(zh, en);

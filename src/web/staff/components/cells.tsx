/** What table cells show, whatever its length: free text, names and amounts. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatYuan } from '../../shared/yuan.ts';
import './cells.css';

/**
 * Free text of any length (an objection of 2,000 characters, an answer) in a table cell or a
 * card: a few lines, wrapping within the cell instead of widening its column, then 展开 (expand).
 */
export function LongText({ text, rows = 3 }: { text: string; rows?: number }) {
  // antd's own 展开 / 收起 (from the page's locale): its button's name is that word, so a label
  // of our own would show one name and say another
  return (
    <Typography.Paragraph className="jw-long-text" ellipsis={{ rows, expandable: 'collapsible' }}>
      {text}
    </Typography.Paragraph>
  );
}

/**
 * A name or title in a table cell (up to 200 characters): at most two lines, cut with "…", never
 * wider than a readable column. The whole name stays in the text (screen readers read it), in the
 * hover title, and on the page it links to.
 */
export function NameCell({ name, children }: { name: string; children?: ReactNode }) {
  return (
    <div className="jw-name-cell" title={name}>
      {children ?? name}
    </div>
  );
}

/** An amount in yuan that never breaks across lines ("50,000.0" / "0" in a narrow column). */
export function Yuan({ fen }: { fen: number }) {
  return <span className="jw-yuan">{formatYuan(fen)}</span>;
}

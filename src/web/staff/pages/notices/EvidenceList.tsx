import { Typography } from 'antd';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import type { Notice, NoticeDetail } from './types.ts';
import { useWords } from './words.ts';

/** The photos or PDFs of a notice as posted, each with where, a note, who and when. */
export function EvidenceList({ notice, detail }: { notice: Notice; detail: NoticeDetail | undefined }) {
  const w = useWords();
  const { lang } = useLang();
  const items = detail?.evidence ?? [];
  if (!items.length) return <Typography.Paragraph type="secondary">{w.noEvidence}</Typography.Paragraph>;
  return (
    <ul className="jw-plain-list">
      {items.map((e) => (
        <li key={e.id}>
          <a href={`/api/v1/notices/${notice.id}/evidence/${e.id}`} aria-label={w.download(e.name)}>
            {e.name}
          </a>{' '}
          <Typography.Text type="secondary">
            {[e.where, e.note, e.byName, formatDateTime(e.createdAt, lang)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

import { Typography } from 'antd';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import type { PeriodChangeRecord } from './types.ts';
import { useWords } from './words.ts';

/** How holiday arrangements entered after the notice was written moved its ends, oldest first. */
export function PeriodChanges({ changes }: { changes: PeriodChangeRecord[] }) {
  const w = useWords();
  const { lang } = useLang();
  return (
    <>
      <h3 className="jw-section-title">{w.periodChanges}</h3>
      <ul className="jw-plain-list" data-testid="period-changes">
        {changes.map((c) => (
          <li key={c.id}>
            {w.periodChange(c.year, c.before.endsOn, c.after.endsOn)}
            {c.after.feedbackEnd && (
              <Typography.Text type="secondary">
                （{w.periodChangeParts(c.after.publicityEnd, c.after.feedbackEnd)}）
              </Typography.Text>
            )}{' '}
            <Typography.Text type="secondary">
              · {c.byName} · {formatDateTime(c.at, lang)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </>
  );
}

import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../data.ts';

/**
 * Keyset paging back in time (the timeline, the ledger): the first page is a cached query, older
 * pages are appended by "more" from the last page's `nextBefore`. `footer` is the error and the
 * button; a new filter is a new component (`key`), so its older pages start afresh.
 */
export function useOlderPages<Item, Before>(
  first: { items: Item[]; nextBefore: Before | null } | undefined,
  fetchOlder: (before: Before) => Promise<{ items: Item[]; nextBefore: Before | null }>,
  label: string,
) {
  const errorText = useErrorText();
  const [older, setOlder] = useState<{ items: Item[]; nextBefore: Before | null }[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pages = first ? [first, ...older] : [];
  const next = pages.length ? pages[pages.length - 1]!.nextBefore : null;
  const more = async () => {
    if (next === null) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchOlder(next);
      setOlder((list) => [...list, page]);
    } catch (err) {
      setError(errorText(err));
    }
    setLoading(false);
  };
  const footer = (
    <>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {next !== null && (
        <Button onClick={() => void more()} loading={loading} style={{ marginTop: 8 }}>
          {label}
        </Button>
      )}
    </>
  );
  return { items: pages.flatMap((p) => p.items), footer };
}

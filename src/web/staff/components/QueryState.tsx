import { Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { useErrorText } from '../data.ts';
import { useStaffWords } from '../words.ts';

/** The API's answer to an address that cannot name a record: an id in the path that is no id, a broken %-escape. */
const isBadLink = (error: unknown) =>
  error instanceof ApiError &&
  error.status === 400 &&
  (error.info.code === 'bad_url' || Boolean(error.info.field?.startsWith('params.')));

/** The not-found page: an address the app has no page for, or a link to no record. */
export function NotFound() {
  const { common } = useStaffWords();
  return (
    <Result
      status="404"
      title={<h1 className="jw-result-title">{common.notFound}</h1>}
      subTitle={common.pageMissing}
      extra={<Link to="/">{common.backHome}</Link>}
    />
  );
}

/**
 * Loading and failure of a page's main read. A record outside the user's scope answers 404 or
 * 403 from the API; the page then says so in the user's language instead of showing nothing.
 * A link that names no record (/projects/not-a-uuid) is the not-found page.
 */
export function QueryState({
  isLoading,
  error,
  children,
}: {
  isLoading: boolean;
  error: unknown;
  children: () => ReactNode;
}) {
  const { common } = useStaffWords();
  const text = useErrorText();
  if (isBadLink(error)) return <NotFound />;
  if (error) {
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={
          <h1 className="jw-result-title">
            {status === 403 ? common.forbidden : status === 404 ? common.notFound : common.loadFailed}
          </h1>
        }
        subTitle={text(error)}
        extra={<Link to="/">{common.backHome}</Link>}
      />
    );
  }
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  return <>{children()}</>;
}

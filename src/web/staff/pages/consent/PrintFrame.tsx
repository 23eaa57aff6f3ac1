import { Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useWords } from './words.ts';
import './print.css';

/** The plain frame of a printable page: a title and Print / Back buttons hidden in print. */
export function PrintFrame({
  title,
  back,
  loading,
  error,
  warning,
  children,
}: {
  title: string;
  back: string;
  loading: boolean;
  error: ReactNode;
  /** shown above the pages on screen, never printed */
  warning?: ReactNode;
  children: ReactNode;
}) {
  const w = useWords();
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  return (
    <main className="jw-print">
      <div className="jw-print__toolbar">
        <h1>{title}</h1>
        <div className="jw-print__buttons">
          <Link className="jw-print__button jw-print__button--plain" to={back}>
            {w.back}
          </Link>
          <button
            type="button"
            className="jw-print__button"
            onClick={() => window.print()}
            disabled={loading}
          >
            {w.print}
          </button>
        </div>
        {warning && (
          <p role="alert" className="jw-print__warning" data-testid="print-warning">
            {warning}
          </p>
        )}
      </div>
      {error ?? (loading ? <Spin /> : children)}
    </main>
  );
}

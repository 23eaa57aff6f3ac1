import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, uploadFile } from '../../../shared/api.ts';
import type { RowIssue } from '../../../../core/errors.ts';
import type { ImportResult } from '../../../shared/types.ts';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; file: string; percent: number }
  /** the bytes are sent; the server validates every row, then writes all or nothing */
  | { phase: 'processing'; file: string }
  | { phase: 'done'; file: string; result: ImportResult }
  | { phase: 'rejected'; file: string; error: ApiError; rows: RowIssue[] }
  | { phase: 'failed'; file: string; error: unknown };

export const IMPORT_PATH = '/api/v1/registry/import' as const;

/** Upload with progress, then the server's verdict: counts written, or every bad row. */
export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const client = useQueryClient();
  const busy = state.phase === 'uploading' || state.phase === 'processing';

  const start = async (file: File) => {
    const name = file.name;
    setState({ phase: 'uploading', file: name, percent: 0 });
    try {
      const result = await uploadFile(IMPORT_PATH, {}, file, {
        onProgress: (percent) => setState((s) => (s.phase === 'uploading' ? { ...s, percent } : s)),
        onUploaded: () => setState({ phase: 'processing', file: name }),
      });
      setState({ phase: 'done', file: name, result });
      void client.invalidateQueries();
    } catch (error) {
      const rows =
        error instanceof ApiError
          ? (error.info.details as { rows?: RowIssue[] } | undefined)?.rows
          : undefined;
      setState(
        error instanceof ApiError && rows
          ? { phase: 'rejected', file: name, error, rows }
          : { phase: 'failed', file: name, error },
      );
    }
  };
  return { state, busy, start, reset: () => setState({ phase: 'idle' }) };
}

import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatReceipt, readReceipt } from '../../../../core/consent/receipts.ts';
import { answer, api } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { useOlderPages } from '../../components/olderPages.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useErrorText } from '../../data.ts';
import { HouseholdCell } from './CodesPanel.tsx';
import type { Consultation, LedgerEntry, LedgerVerdict } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';

const PAGE = 50;

/**
 * The ballot ledger: its entries newest first, searchable by receipt number, and the check that
 * recomputes its hash chain on the server and names the first bad entry.
 */
export function LedgerPanel({ consultation: c }: { consultation: Consultation }) {
  const w = useWords();
  const errorText = useErrorText();
  const [verdict, setVerdict] = useState<LedgerVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setVerdict(
        await answer(api.GET('/api/v1/consultations/{id}/ledger/verify', { params: { path: { id: c.id } } })),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={12} align="flex-start">
      <Typography.Paragraph style={{ margin: 0 }}>{w.ledgerIntro}</Typography.Paragraph>
      <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={busy}>
        {w.verify}
      </Button>
      <div aria-live="polite" style={{ width: '100%' }}>
        {verdict && (
          <Alert
            type={verdict.ok ? 'success' : 'error'}
            showIcon
            title={
              verdict.ok
                ? w.ledgerOk(verdict.events)
                : w.ledgerBad({
                    seq: verdict.firstBad?.seq ?? 0,
                    reason: w.ledgerReasons[verdict.firstBad?.reason ?? 'gap'],
                  })
            }
            description={
              <>
                {w.headHash}: <span className="jw-consent-hash">{verdict.headHash}</span>
              </>
            }
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </div>
      <LedgerEntries consultation={c} />
    </Flex>
  );
}

/** The search by receipt number over the entries; a new search starts the pages afresh. */
function LedgerEntries({ consultation: c }: { consultation: Consultation }) {
  const w = useWords();
  const [receipt, setReceipt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const search = (typed: string) => {
    if (!typed.trim()) {
      setProblem(null);
      setReceipt('');
      return;
    }
    const check = readReceipt(typed, { whole: false });
    if (check.ok) {
      setProblem(null);
      setReceipt(check.hex);
    } else setProblem(check.reason === 'char' ? w.receiptBadChar(check.char) : w.receiptTooLong);
  };
  return (
    <section aria-labelledby="jw-ledger-entries" style={{ width: '100%' }}>
      <Typography.Title level={2} id="jw-ledger-entries" style={{ fontSize: 16 }}>
        {w.ledgerEvents}
      </Typography.Title>
      <div role="search" style={{ marginBottom: 12, maxWidth: 360 }}>
        <Input.Search
          allowClear
          aria-label={w.findReceipt}
          placeholder={w.receiptPlaceholder}
          enterButton={w.findReceipt}
          status={problem ? 'error' : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'jw-ledger-receipt-problem' : undefined}
          onSearch={search}
        />
        {problem && (
          <Typography.Text type="danger" id="jw-ledger-receipt-problem" role="alert">
            {problem}
          </Typography.Text>
        )}
      </div>
      <LedgerPages key={receipt} consultation={c} receipt={receipt} />
    </section>
  );
}

/** The entries of one search, a page at a time back in time. */
function LedgerPages({ consultation: c, receipt }: { consultation: Consultation; receipt: string }) {
  const w = useWords();
  const { lang } = useLang();
  const query = { limit: PAGE, ...(receipt ? { receipt } : {}) };
  const first = $api.useQuery('get', '/api/v1/consultations/{id}/ledger', {
    params: { path: { id: c.id }, query },
  });
  const { items, footer } = useOlderPages(
    first.data,
    (before) =>
      answer(
        api.GET('/api/v1/consultations/{id}/ledger', {
          params: { path: { id: c.id }, query: { ...query, before } },
        }),
      ),
    w.olderEvents,
  );
  const choiceOf = (e: LedgerEntry) =>
    e.choice ? w.ballot[e.choice] : c.kind === 'survey' && e.channel ? w.ballot.answered : '';
  return (
    <QueryState isLoading={first.isLoading} error={first.error}>
      {() => (
        <>
          <Table<LedgerEntry>
            rowKey="seq"
            size="small"
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <span className="jw-consent-empty">
                  {receipt ? w.noReceiptMatch(formatReceipt(receipt)) : w.noLedgerEvents}
                </span>
              ),
            }}
            expandable={{
              columnTitle: <span className="jw-visually-hidden">{w.entryDetails}</span>,
              expandedRowRender: (e) => <EntryDetails entry={e} />,
            }}
            columns={[
              { key: 'seq', title: w.seq, dataIndex: 'seq' },
              {
                key: 'receipt',
                title: w.receipt,
                render: (_, e) => (
                  <span className="jw-consent-code" data-testid="ledger-receipt">
                    {formatReceipt(e.receipt)}
                  </span>
                ),
              },
              { key: 'kind', title: w.event, render: (_, e) => w.ledgerKinds[e.kind] },
              {
                key: 'household',
                title: w.household,
                render: (_, e) =>
                  e.household && (
                    <HouseholdCell label={e.household.label} owners={e.household.ownersMasked.join('、')} />
                  ),
              },
              {
                key: 'choice',
                title: w.choice,
                render: (_, e) => (
                  <>
                    {choiceOf(e)}
                    {e.needsCheck && (
                      <div>
                        <Typography.Text type="secondary">{w.needsCheck}</Typography.Text>
                      </div>
                    )}
                  </>
                ),
              },
              {
                key: 'channel',
                title: w.channel,
                render: (_, e) => (e.channel ? w.channels[e.channel] : ''),
              },
              {
                key: 'at',
                title: w.castAt,
                render: (_, e) => <span className="jw-nowrap">{formatDateTime(e.at, lang)}</span>,
              },
            ]}
          />
          {footer}
        </>
      )}
    </QueryState>
  );
}

/** The whole hash of an entry, and the receipt it replaced or confirmed. */
function EntryDetails({ entry: e }: { entry: LedgerEntry }) {
  const w = useWords();
  return (
    <dl className="jw-ledger-details">
      <dt>{w.entryHash}</dt>
      <dd className="jw-consent-hash">{e.hash}</dd>
      {e.earlier && (
        <>
          <dt>{w.receipt}</dt>
          <dd>
            {(e.kind === 'confirmed' ? w.confirmsReceipt : w.replacesReceipt)(formatReceipt(e.earlier))}
          </dd>
        </>
      )}
    </dl>
  );
}

/** The result certificate as Word and as a printable page. */
export function CertificatePanel({ consultation: c }: { consultation: Consultation }) {
  const w = useWords();
  return (
    <Flex vertical gap={12}>
      {c.status !== 'closed' && <Alert type="info" showIcon title={w.provisional} />}
      <Flex wrap gap={8}>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={`/api/v1/consultations/${c.id}/certificate.docx`}
          download
        >
          {w.downloadCertificate}
        </Button>
        <Button icon={<PrinterOutlined />} href={`/consultations/${c.id}/certificate/print`} target="_blank">
          {w.printCertificate}
        </Button>
      </Flex>
    </Flex>
  );
}

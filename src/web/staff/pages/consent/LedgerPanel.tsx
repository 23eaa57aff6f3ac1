import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { answer, api } from '../../../shared/api.ts';
import { useErrorText } from '../../data.ts';
import type { Consultation, LedgerVerdict } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';

/** Recomputes the ballot ledger's hash chain on the server and names the first bad entry. */
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
    </Flex>
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

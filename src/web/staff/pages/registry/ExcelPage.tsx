import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Progress, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../shared/api.ts';
import { useLang } from '../../../shared/i18n.ts';
import type { ImportCounts, ImportResult, ImportRowError } from '../../../shared/types.ts';
import { CommitteeFilter } from '../../components/CommitteeFilter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useImport, type ImportState } from './useImport.ts';

/** the server's limit for an import file (about 160,000 rows) */
const MAX_MB = 10;

/** Excel in and out: the template, the all-or-nothing import with its error report, the export. */
export default function ExcelPage() {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  return (
    <>
      <PageHeader title={t('excel.title')} crumbs={[{ label: t('menu.registry'), to: '/registry' }, { label: t('excel.title') }]} />
      <Flex vertical gap={16}>
        {canWrite && <ImportCard />}
        <ExportCard />
      </Flex>
    </>
  );
}

function ImportCard() {
  const { t } = useTranslation();
  const { state, busy, start } = useImport();
  const [tooBig, setTooBig] = useState(false);
  return (
    <Card title={t('excel.importTitle')} size="small">
      <Typography.Paragraph>{t('excel.importIntro')}</Typography.Paragraph>
      <Button href="/api/v1/registry/import-template" download icon={<DownloadOutlined />} style={{ marginBottom: 16 }}>
        {t('excel.downloadTemplate')}
      </Button>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          setTooBig(file.size > MAX_MB * 1024 * 1024);
          if (file.size <= MAX_MB * 1024 * 1024) void start(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('excel.drop')}</p>
        <p className="ant-upload-hint">{t('excel.dropHint', { mb: MAX_MB })}</p>
      </Upload.Dragger>
      {tooBig && <Alert type="error" showIcon title={t('excel.tooBig', { mb: MAX_MB })} style={{ marginTop: 16 }} />}
      <div aria-live="polite" style={{ marginTop: 16 }}>
        <ImportStatus state={state} />
      </div>
    </Card>
  );
}

function ImportStatus({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const text = useErrorText();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <>
          <Typography.Text>{t('excel.uploading', { file: state.file })}</Typography.Text>
          <Progress percent={state.percent} aria-label={t('excel.uploadProgress')} />
        </>
      );
    case 'processing':
      return (
        <Flex gap={12} align="center">
          <Spin />
          <Typography.Text>{t('excel.processing', { file: state.file })}</Typography.Text>
        </Flex>
      );
    case 'done':
      return <ImportDone result={state.result} file={state.file} />;
    case 'rejected':
      return <ImportRejected message={text(state.error)} rows={state.rows} />;
    case 'failed':
      return <Alert type="error" showIcon title={t('excel.failed', { file: state.file })} description={text(state.error)} />;
  }
}

const KINDS = ['estates', 'buildings', 'stairwells', 'units', 'persons', 'owners'] as const satisfies readonly (keyof ImportCounts)[];

/** Per kind of record: how many the file names, how many were new, how many changed. */
function ImportDone({ result, file }: { result: ImportResult; file: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="success" showIcon title={t('excel.done', { file })} style={{ marginBottom: 12 }} />
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={KINDS.map((kind) => ({ kind, inFile: result.counts[kind], created: result.created[kind], updated: result.updated[kind] }))}
        columns={[
          { key: 'kind', title: t('excel.kind'), render: (_, r) => t(`excel.counts.${r.kind}`) },
          { key: 'inFile', title: t('excel.inFile'), dataIndex: 'inFile', align: 'right' },
          { key: 'created', title: t('excel.created'), dataIndex: 'created', align: 'right' },
          { key: 'updated', title: t('excel.updated'), dataIndex: 'updated', align: 'right' },
        ]}
      />
    </>
  );
}

function ImportRejected({ message, rows }: { message: string; rows: ImportRowError[] }) {
  const { t } = useTranslation();
  const { isEn } = useLang();
  return (
    <>
      <Alert type="error" showIcon title={t('excel.rejected')} description={message} style={{ marginBottom: 12 }} />
      <Table<ImportRowError>
        rowKey={(r) => `${r.row}:${r.column}:${r.messageEn}`}
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'row', title: t('excel.row'), dataIndex: 'row', align: 'right', width: 56 },
          { key: 'column', title: t('excel.column'), dataIndex: 'column', width: '30%' },
          { key: 'reason', title: t('excel.reason'), render: (_, r) => (isEn ? r.messageEn : r.message) },
        ]}
      />
    </>
  );
}

function ExportCard() {
  const { t } = useTranslation();
  const { seesPersonalData } = useSession();
  const [committeeId, setCommitteeId] = useState<string | undefined>();
  const [full, setFull] = useState(false);
  return (
    <Card title={t('excel.exportTitle')} size="small">
      <Typography.Paragraph>{t('excel.exportIntro')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center">
        <CommitteeFilter value={committeeId} onChange={setCommitteeId} placeholder={t('excel.allCommittees')} />
        {seesPersonalData && (
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
            {t('excel.exportFull')}
          </Checkbox>
        )}
        <Button type="primary" href={apiUrl('/api/v1/registry/export', { committeeId, full: full || undefined })} download icon={<DownloadOutlined />}>
          {t('excel.export')}
        </Button>
      </Flex>
    </Card>
  );
}

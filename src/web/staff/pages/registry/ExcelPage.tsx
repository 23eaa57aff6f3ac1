import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Progress, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { ImportCounts, ImportResult } from '../../../shared/types.ts';
import { CommitteeFilter } from '../../components/CommitteeFilter.tsx';
import { ImportRowErrors } from '../../components/ImportRowErrors.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { useImport, type ImportState } from './useImport.ts';
import { useWords } from './words.ts';
import { saveFile } from '../../saveFile.ts';

/** the server's limit for an import file (about 160,000 rows) */
const MAX_MB = 10;

/** Excel in and out: the template, the all-or-nothing import with its error report, the export. */
export default function ExcelPage() {
  const { menu } = useStaffWords();
  const w = useWords();
  const { canWrite } = useSession();
  return (
    <>
      <PageHeader
        title={w.excel.title}
        crumbs={[{ label: menu.registry, to: '/registry' }, { label: w.excel.title }]}
      />
      <Flex vertical gap={16}>
        {canWrite && <ImportCard />}
        <ExportCard />
      </Flex>
    </>
  );
}

function ImportCard() {
  const w = useWords();
  const { state, busy, start } = useImport();
  const [tooBig, setTooBig] = useState(false);
  return (
    <Card title={w.excel.importTitle} size="small">
      <Typography.Paragraph>{w.excel.importIntro}</Typography.Paragraph>
      <Button
        href="/api/v1/registry/import-template"
        download
        icon={<DownloadOutlined />}
        style={{ marginBottom: 16 }}
      >
        {w.excel.downloadTemplate}
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
        <p className="ant-upload-text">{w.excel.drop}</p>
        <p className="ant-upload-hint">{w.excel.dropHint(MAX_MB)}</p>
      </Upload.Dragger>
      {tooBig && <Alert type="error" showIcon title={w.excel.tooBig(MAX_MB)} style={{ marginTop: 16 }} />}
      <div aria-live="polite" style={{ marginTop: 16 }}>
        <ImportStatus state={state} />
      </div>
    </Card>
  );
}

function ImportStatus({ state }: { state: ImportState }) {
  const w = useWords();
  const text = useErrorText();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <>
          <Typography.Text>{w.excel.uploading(state.file)}</Typography.Text>
          <Progress percent={state.percent} aria-label={w.excel.uploadProgress} />
        </>
      );
    case 'processing':
      return (
        <Flex gap={12} align="center">
          <Spin />
          <Typography.Text>{w.excel.processing(state.file)}</Typography.Text>
        </Flex>
      );
    case 'done':
      return <ImportDone result={state.result} file={state.file} />;
    case 'rejected':
      return <ImportRowErrors title={w.excel.rejected} message={text(state.error)} rows={state.rows} />;
    case 'failed':
      return (
        <Alert type="error" showIcon title={w.excel.failed(state.file)} description={text(state.error)} />
      );
  }
}

const KINDS = [
  'estates',
  'buildings',
  'stairwells',
  'units',
  'persons',
  'owners',
] as const satisfies readonly (keyof ImportCounts)[];

/** Per kind of record: how many the file names, how many were new, how many changed. */
function ImportDone({ result, file }: { result: ImportResult; file: string }) {
  const w = useWords();
  return (
    <>
      <Alert type="success" showIcon title={w.excel.done(file)} style={{ marginBottom: 12 }} />
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={KINDS.map((kind) => ({
          kind,
          inFile: result.counts[kind],
          created: result.created[kind],
          updated: result.updated[kind],
        }))}
        columns={[
          { key: 'kind', title: w.excel.kind, render: (_, r) => w.excel.counts[r.kind] },
          { key: 'inFile', title: w.excel.inFile, dataIndex: 'inFile', align: 'right' },
          { key: 'created', title: w.excel.created, dataIndex: 'created', align: 'right' },
          { key: 'updated', title: w.excel.updated, dataIndex: 'updated', align: 'right' },
        ]}
      />
    </>
  );
}

/**
 * The export with full ID numbers and phones discloses personal data and is audited, so it is a
 * POST carrying the CSRF token (never a link another site could make the browser follow).
 */
async function downloadFullExport(committeeId: string | undefined) {
  const { data, response } = await api.POST('/api/v1/registry/export', {
    body: committeeId ? { committeeId } : {},
    parseAs: 'blob',
  });
  saveFile(data!, response, 'registry.xlsx');
}

function ExportCard() {
  const w = useWords();
  const { seesPersonalData } = useSession();
  const { message } = App.useApp();
  const text = useErrorText();
  const [committeeId, setCommitteeId] = useState<string | undefined>();
  const [full, setFull] = useState(false);
  const [saving, setSaving] = useState(false);
  const exportFull = () => {
    setSaving(true);
    downloadFullExport(committeeId)
      .catch((err: unknown) => message.error(text(err)))
      .finally(() => setSaving(false));
  };
  return (
    <Card title={w.excel.exportTitle} size="small">
      <Typography.Paragraph>{w.excel.exportIntro}</Typography.Paragraph>
      <Flex wrap gap={8} align="center">
        <CommitteeFilter value={committeeId} onChange={setCommitteeId} placeholder={w.excel.allCommittees} />
        {seesPersonalData && (
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
            {w.excel.exportFull}
          </Checkbox>
        )}
        {full ? (
          <Button type="primary" loading={saving} onClick={exportFull} icon={<DownloadOutlined />}>
            {w.excel.export}
          </Button>
        ) : (
          <Button
            type="primary"
            href={
              committeeId
                ? `/api/v1/registry/export?committeeId=${encodeURIComponent(committeeId)}`
                : '/api/v1/registry/export'
            }
            download
            icon={<DownloadOutlined />}
          >
            {w.excel.export}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

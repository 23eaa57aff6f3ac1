import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { DOCUMENT_CATEGORIES, type DocumentCategory as Category } from '../../../../core/documents.ts';
import { formatDateTime, formatFileSize } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { postForm } from '../consent/postForm.ts';
import { useWords } from './words.ts';
import type { ProjectDocument } from './work-types.ts';
import { useRules } from '../../components/rules.ts';

/**
 * The project's document library: upload with title and category, versions, download, replace.
 * With `category`, only that part of it (the subsidy claim's papers on the money page).
 */
export function DocumentsPanel({
  projectId,
  canEdit,
  category,
}: {
  projectId: string;
  canEdit: boolean;
  category?: Category;
}) {
  const w = useWords();
  const query = $api.useQuery('get', '/api/v1/projects/{id}/documents', {
    params: { path: { id: projectId } },
  });
  const items = (query.data?.items ?? []).filter((d) => !category || d.category === category);
  return (
    <Flex vertical gap={16}>
      {canEdit && <UploadForm projectId={projectId} category={category} />}
      <QueryState isLoading={query.isLoading} error={query.error}>
        {() =>
          items.length ? (
            <ul className="jw-plain-list jw-docs">
              {items.map((d) => (
                <DocumentRow key={d.id} doc={d} canEdit={canEdit} />
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{w.noDocuments}</Typography.Text>
          )
        }
      </QueryState>
    </Flex>
  );
}

function UploadForm({ projectId, category }: { projectId: string; category?: Category | undefined }) {
  const w = useWords();
  const rules = useRules();
  const fileId = useId();
  const { csrfToken } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ title: string; category: Category }>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useApiMutation((v: { title: string; category: Category; file: File }) =>
    postForm(
      '/api/v1/projects/{id}/documents',
      { id: projectId },
      csrfToken,
      { title: v.title, category: v.category },
      v.file,
    ),
  );
  const submit = async (v: { title: string; category: Category }) => {
    const file = fileRef.current?.files?.[0];
    setError(null);
    if (!file) return setError(w.chooseFile);
    try {
      await upload.mutateAsync({ ...v, file });
      void message.success(w.uploaded);
      form.resetFields();
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Card size="small" title={<h3 className="jw-card-title">{w.upload}</h3>}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ category: category ?? 'other' }}
      >
        <Flex wrap gap={12} align="end">
          <Form.Item
            name="title"
            label={w.docTitle}
            rules={rules.text(w.docTitle, { required: true, max: 100 })}
            style={{ flex: '1 1 200px', marginBottom: 8 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="category"
            label={w.category}
            hidden={Boolean(category)}
            style={{ flex: '0 1 160px', marginBottom: 8 }}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: w.categories[c] }))}
            />
          </Form.Item>
          <Form.Item label={w.file} htmlFor={fileId} style={{ flex: '1 1 200px', marginBottom: 8 }}>
            <input id={fileId} ref={fileRef} type="file" className="jw-file-input" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            style={{ marginBottom: 8 }}
          >
            {w.upload}
          </Button>
        </Flex>
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}

function DocumentRow({ doc: d, canEdit }: { doc: ProjectDocument; canEdit: boolean }) {
  const w = useWords();
  const { lang } = useLang();
  const { csrfToken } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const ref = useRef<HTMLInputElement>(null);
  const replace = useApiMutation((file: File) =>
    postForm('/api/v1/documents/{id}/versions', { id: d.id }, csrfToken, {}, file),
  );
  const latest = d.versions[0];
  const onFile = async () => {
    const file = ref.current?.files?.[0];
    if (!file) return;
    try {
      await replace.mutateAsync(file);
      void message.success(w.replaced);
    } catch (err) {
      void message.error(errorText(err));
    }
    if (ref.current) ref.current.value = '';
  };
  return (
    <li className="jw-doc">
      <Flex wrap gap={8} justify="space-between" align="center">
        <div>
          <Typography.Text strong>{d.title}</Typography.Text>{' '}
          <span className="jw-muted">· {w.categories[d.category]}</span>
        </div>
        {canEdit && (
          <>
            <input
              ref={ref}
              type="file"
              hidden
              onChange={() => void onFile()}
              aria-label={w.replaceNamed(d.title)}
            />
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={replace.isPending}
              onClick={() => ref.current?.click()}
            >
              {w.replace}
            </Button>
          </>
        )}
      </Flex>
      <ol className="jw-plain-list jw-versions" aria-label={w.versionsOf(d.title)}>
        {d.versions.map((v) => (
          <li key={v.version}>
            <a href={`/api/v1/documents/${d.id}/versions/${v.version}`} download>
              <DownloadOutlined aria-hidden /> v{v.version} {v.name}
            </a>{' '}
            <span className="jw-muted">
              {formatFileSize(v.size)} · {v.uploadedByName} · {formatDateTime(v.uploadedAt, lang)}
              {v === latest && d.versions.length > 1 ? ` · ${w.latest}` : ''}
            </span>
            <span className="jw-sha" title="SHA-256">
              SHA-256 {v.sha256.slice(0, 12)}…
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}

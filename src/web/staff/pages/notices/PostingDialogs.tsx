/** Posting a notice on the board, and the photo or PDF that shows it posted. */
import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { answer, api, ApiError, type Body } from '../../../shared/api.ts';
import { FileInput, formBody, WriteModal } from '../../components/WriteModal.tsx';
import { useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { postForm } from '../consent/postForm.ts';
import type { NoticeDialogProps } from './types.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

export function PostModal({ notice, open, onClose }: NoticeDialogProps) {
  const w = useWords();
  const rules = useRules();
  const postIt = useApiMutation((body: Body<'/api/v1/notices/{id}/post'>) =>
    answer(api.POST('/api/v1/notices/{id}/post', { params: { path: { id: notice.id } }, body })),
  );
  return (
    <WriteModal
      open={open}
      title={w.postTitle}
      okText={w.post}
      fieldNames={['postedWhere']}
      initialValues={{ postedWhere: notice.postedWhere ?? '' }}
      submit={(v) => postIt.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Typography.Paragraph>{notice.title}</Typography.Paragraph>
      <Form.Item name="postedWhere" label={w.postedWhere} rules={rules.text(w.postedWhere, { max: 200 })}>
        <Input maxLength={200} placeholder={w.postedWhereExample} />
      </Form.Item>
    </WriteModal>
  );
}

export function EvidenceModal({ notice, open, onClose }: NoticeDialogProps) {
  const w = useWords();
  const rules = useRules();
  const { csrfToken } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useApiMutation((v: { fields: Record<string, string | undefined>; file: File }) =>
    postForm('/api/v1/notices/{id}/evidence', { id: notice.id }, csrfToken, v.fields, v.file),
  );
  return (
    <WriteModal
      open={open}
      title={w.uploadEvidence}
      fieldNames={['where', 'note', 'file']}
      initialValues={{ where: notice.postedWhere ?? '' }}
      submit={(v) => {
        if (!file)
          return Promise.reject(
            new ApiError(400, { code: 'bad_input', message: w.fileRequired, messageEn: w.fileRequired }),
          );
        return upload.mutateAsync({ fields: formBody(v) as Record<string, string>, file });
      }}
      onClose={onClose}
    >
      <Form.Item name="where" label={w.evidenceWhere} rules={rules.text(w.evidenceWhere, { max: 200 })}>
        <Input maxLength={200} placeholder={w.postedWhereExample} />
      </Form.Item>
      <Form.Item name="note" label={w.evidenceNote} rules={rules.text(w.evidenceNote, { max: 1000 })}>
        <Input maxLength={1000} />
      </Form.Item>
      {open && <FileInput label={w.evidenceFile} required onFile={setFile} />}
    </WriteModal>
  );
}

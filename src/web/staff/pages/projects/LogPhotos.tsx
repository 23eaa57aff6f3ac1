/** The photos of a site log entry as thumbnails (each opens full size), and the dialog that adds one. */
import { Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, type Answer } from '../../../shared/api.ts';
import { FileInput, formBody, WriteModal } from '../../components/WriteModal.tsx';
import { useRules } from '../../components/rules.ts';
import { useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { postForm } from '../consent/postForm.ts';
import { useWorksWords } from './worksWords.ts';

type LogEntry = Answer<'/api/v1/projects/{id}/works'>['log'][number];

const photoUrl = (projectId: string, e: LogEntry, photoId: string) =>
  `/api/v1/projects/${projectId}/works/log/${e.id}/photos/${photoId}`;

export function LogPhotos({ projectId, entry }: { projectId: string; entry: LogEntry }) {
  const w = useWorksWords();
  if (!entry.photos.length) return null;
  return (
    <ul className="jw-log-photos" aria-label={w.photos}>
      {entry.photos.map((p) => (
        <li key={p.id}>
          <a href={photoUrl(projectId, entry, p.id)} target="_blank" rel="noreferrer">
            <img
              src={photoUrl(projectId, entry, p.id)}
              alt={w.photoOf(entry.on, p.caption)}
              width={96}
              height={72}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Adds a photo (JPEG, PNG or WebP; the server checks the bytes) to a log entry. */
export function LogPhotoModal({
  projectId,
  entry,
  onClose,
}: {
  projectId: string;
  entry: LogEntry | null;
  onClose: () => void;
}) {
  const w = useWorksWords();
  const rules = useRules();
  const { csrfToken } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useApiMutation((v: { fields: Record<string, string | undefined>; file: File }) =>
    postForm(
      '/api/v1/projects/{id}/works/log/{entryId}/photos',
      { id: projectId, entryId: entry!.id },
      csrfToken,
      v.fields,
      v.file,
    ),
  );
  return (
    <WriteModal
      open={entry !== null}
      title={entry ? w.addPhotoOf(entry.on) : w.addPhoto}
      fieldNames={['caption', 'file']}
      initialValues={{ caption: '' }}
      submit={(v) => {
        if (!file)
          return Promise.reject(
            new ApiError(400, {
              code: 'bad_input',
              message: w.photoRequired,
              messageEn: w.photoRequired,
              field: 'file',
            }),
          );
        return upload.mutateAsync({ fields: formBody(v) as Record<string, string>, file });
      }}
      onClose={onClose}
    >
      <Form.Item name="caption" label={w.caption} rules={rules.text(w.caption, { max: 200 })}>
        <Input maxLength={200} placeholder={w.captionExample} />
      </Form.Item>
      {entry && (
        <FileInput label={w.photoFile} required onFile={setFile} accept="image/jpeg,image/png,image/webp" />
      )}
    </WriteModal>
  );
}

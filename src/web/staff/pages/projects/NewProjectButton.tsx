import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { StairwellDetail } from '../../../shared/types.ts';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { useApiMutation } from '../../data.ts';
import { datesToBody, useProjectFields } from './fields.ts';
import { useWords } from './words.ts';

/** Starts the lift project of a stairwell (one per stairwell) and opens it. */
export function NewProjectButton({ stairwell }: { stairwell: StairwellDetail }) {
  const w = useWords();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const fields = useProjectFields(true);
  const create = useApiMutation((values: Record<string, unknown>) =>
    // the form's values are untyped (antd): cast to the route's body here, checked by its schema
    answer(
      api.POST('/api/v1/projects', {
        body: { ...datesToBody(values), stairwellId: stairwell.id } as Body<'/api/v1/projects'>,
      }),
    ),
  );
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {w.create}
      </Button>
      <RecordFormModal
        open={open}
        title={w.create}
        fields={[fields.name, fields.adviser, fields.dates[0]!, fields.note]}
        initialValues={{
          name: w.defaultName({
            estate: stairwell.estateName,
            building: stairwell.buildingName,
            stairwell: stairwell.name,
          }),
        }}
        submit={async (values) => navigate(`/projects/${(await create.mutateAsync(values)).id}`)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

import { FormFields, type FieldSpec } from './FormFields.tsx';
import { WriteModal } from './WriteModal.tsx';

export interface RecordFormModalProps {
  open: boolean;
  title: string;
  fields: FieldSpec[];
  initialValues?: Record<string, unknown>;
  /** sends the values; a rejected promise shows its API error on the field it names */
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
}

/** A create or edit form in a dialog. */
export function RecordFormModal({ fields, ...props }: RecordFormModalProps) {
  return (
    <WriteModal {...props} fieldNames={fields.map((f) => f.name)}>
      <FormFields fields={fields} />
    </WriteModal>
  );
}

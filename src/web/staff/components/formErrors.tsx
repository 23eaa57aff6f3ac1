import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { useErrorText } from '../data.ts';

/**
 * Puts an API failure where the user looks: under the field it names when the form has that
 * field, otherwise in an alert above the buttons. Returns the alert and the handler. Apart from
 * FormFields and its date picker: the login page loads only this.
 */
export function useFormErrors(form: FormInstance, fieldNames: string[]) {
  const [formError, setFormError] = useState<string | null>(null);
  const text = useErrorText();
  const show = (err: unknown) => {
    const field = err instanceof ApiError ? err.info.field : undefined;
    if (field && fieldNames.includes(field)) {
      form.setFields([{ name: field, errors: [text(err)] }]);
      setFormError(null);
    } else {
      setFormError(text(err));
    }
  };
  const alert = formError ? (
    <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
  ) : null;
  return { show, clear: () => setFormError(null), alert };
}

import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker } from '../../components/DatePicker.ts';
import { useState } from 'react';
import type { ArrangementProblem } from '../../../../core/calendar.ts';
import type { RowIssue } from '../../../../core/errors.ts';
import { ApiError, answer, api, uploadFile, type Body } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { useFormErrors } from '../../components/formErrors.tsx';
import { ImportRowErrors } from '../../components/ImportRowErrors.tsx';
import { FileInput } from '../../components/WriteModal.tsx';
import { useApiMutation, useErrorText } from '../../data.ts';
import { PeriodChangesTable } from './parts.tsx';
import type { Holiday, HolidayYear, PeriodChange, SavedYear } from './types.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

/** A holiday as the form holds it: the days off as one range, the make-up days as several dates. */
interface Row {
  name?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  workdays?: Dayjs[] | null;
}

interface Values {
  source?: string;
  holidays?: Row[];
}

const toRows = (holidays: Holiday[]): Row[] =>
  holidays.map((h) => ({
    name: h.name,
    range: [dayjs(h.start), dayjs(h.end)],
    workdays: h.workdays.map((d) => dayjs(d)),
  }));
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
// an empty date stays '' so the shared validator names it, as the server would
const fromRows = (rows: Row[] | undefined): Holiday[] =>
  (rows ?? []).map((r) => ({
    name: r.name ?? '',
    start: iso(r.range?.[0]),
    end: iso(r.range?.[1]),
    workdays: (r.workdays ?? []).map(iso),
  }));

type RowField = 'name' | 'range' | 'workdays';
const ROW_FIELDS: readonly RowField[] = ['name', 'range', 'workdays'];

/** 'holidays.2.end' → the row's date range; 'holidays.0.workdays.1' → its make-up days; 'holidays' → none (shown above the buttons). */
function formFieldOf(path: string): { row: number; field: RowField } | null {
  const m = /^holidays\.(\d+)\.(name|start|end|workdays)/.exec(path);
  if (!m) return null;
  return { row: Number(m[1]), field: m[2] === 'start' || m[2] === 'end' ? 'range' : (m[2] as RowField) };
}

/** The validator's problems from a 400 (preview or save), when the server sent them. */
function problemsOf(err: unknown): ArrangementProblem[] | null {
  const details = err instanceof ApiError ? err.info.details : undefined;
  return Array.isArray(details) &&
    details.every((d) => typeof d === 'object' && d && 'field' in d && 'zh' in d)
    ? (details as ArrangementProblem[])
    : null;
}

type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; file: string }
  | { phase: 'done'; file: string; count: number }
  | { phase: 'rejected'; file: string; error: ApiError; rows: RowIssue[] }
  | { phase: 'failed'; file: string; error: unknown };

/**
 * One year's arrangement as the street admin enters it: a row per holiday (name, days off,
 * make-up working days) prefilled with the year in force, the notice it comes from, the Excel
 * template and a file import that fill the form; the shared validator runs here before anything
 * is sent; then the notices whose periods would change are previewed, and saving confirms.
 */
export function ArrangementForm({
  year,
  onSaved,
  onCancel,
}: {
  year: HolidayYear;
  onSaved: (saved: SavedYear) => void;
  onCancel?: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const { pick } = useLang();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form, ['source']);
  const [problems, setProblems] = useState<ArrangementProblem[]>([]);
  const [preview, setPreview] = useState<{ holidays: Holiday[]; changes: PeriodChange[] } | null>(null);
  const [stale, setStale] = useState(false);
  const [imported, setImported] = useState<ImportState>({ phase: 'idle' });
  // a preview writes nothing: no cached read is refreshed after it (useApiMutation would)
  const previewing = useMutation({
    mutationFn: (holidays: Holiday[]) =>
      answer(
        api.POST('/api/v1/holiday-years/{year}/preview', {
          params: { path: { year: year.year } },
          body: { holidays },
        }),
      ),
  });
  const saving = useApiMutation((body: Body<'/api/v1/holiday-years/{year}', 'put'>) =>
    answer(api.PUT('/api/v1/holiday-years/{year}', { params: { path: { year: year.year } }, body })),
  );
  const outsideYear = (d: Dayjs) => d.year() !== year.year;
  const firstOfYear = dayjs(`${year.year}-01-01`);
  const formId = `holidays-${year.year}`;

  /** Problems under their fields and, all of them, in the list above the buttons; the old ones cleared. */
  const showProblems = (found: ArrangementProblem[]) => {
    const rows = form.getFieldValue('holidays') as Row[] | undefined;
    const byField = new Map<string, { name: ['holidays', number, RowField]; errors: string[] }>();
    (rows ?? []).forEach((_, i) =>
      ROW_FIELDS.forEach((f) => byField.set(`${i}.${f}`, { name: ['holidays', i, f], errors: [] })),
    );
    for (const p of found) {
      const at = formFieldOf(p.field);
      if (at) byField.get(`${at.row}.${at.field}`)?.errors.push(pick(p));
    }
    form.setFields([...byField.values()]);
    setProblems(found);
  };

  const runPreview = async () => {
    errors.clear();
    const holidays = fromRows(form.getFieldValue('holidays') as Row[] | undefined);
    // the shared validator, loaded when first needed: its module carries the holiday package and the lunar calendar
    const { arrangementProblems } = await import('../../../../core/calendar.ts');
    const found = arrangementProblems(year.year, holidays);
    showProblems(found);
    if (found.length) return;
    try {
      const { changes } = await previewing.mutateAsync(holidays);
      setPreview({ holidays, changes });
      setStale(false);
    } catch (err) {
      const fromServer = problemsOf(err);
      if (fromServer) showProblems(fromServer);
      else errors.show(err);
    }
  };

  const save = async () => {
    if (!preview) return;
    const values = await form.validateFields(['source']).catch(() => null);
    if (!values) return;
    try {
      onSaved(await saving.mutateAsync({ source: (values.source ?? '').trim(), holidays: preview.holidays }));
    } catch (err) {
      const fromServer = problemsOf(err);
      if (fromServer) {
        showProblems(fromServer);
        setPreview(null);
      } else errors.show(err);
    }
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImported({ phase: 'reading', file: file.name });
    try {
      const r = await uploadFile('/api/v1/holiday-years/{year}/import', { year: year.year }, file);
      form.setFieldsValue({ holidays: toRows(r.holidays), ...(r.source ? { source: r.source } : {}) });
      showProblems([]);
      setPreview(null);
      setImported({ phase: 'done', file: file.name, count: r.holidays.length });
    } catch (error) {
      const rows =
        error instanceof ApiError
          ? (error.info.details as { rows?: RowIssue[] } | undefined)?.rows
          : undefined;
      setImported(
        error instanceof ApiError && rows
          ? { phase: 'rejected', file: file.name, error, rows }
          : { phase: 'failed', file: file.name, error },
      );
    }
  };

  return (
    <Card size="small" title={<h2 className="jw-card-title">{w.formTitle(year.year)}</h2>}>
      <Typography.Paragraph>
        {w.formIntro(year.confirmed ? w.prefillInForce : w.prefillStatutory)}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name={formId}
        layout="vertical"
        requiredMark
        initialValues={{ source: year.entered?.source ?? '', holidays: toRows(year.holidays) }}
        onValuesChange={(changed: Values) => {
          // a changed arrangement needs a fresh preview before it is saved
          if ('holidays' in changed && preview) {
            setPreview(null);
            setStale(true);
          }
        }}
      >
        <section className="jw-holidays__files" aria-label={w.files}>
          <Flex wrap gap={8} align="center">
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/holiday-years/${year.year}/template.xlsx`}
              download
            >
              {w.downloadTemplate}
            </Button>
            <Button onClick={() => form.setFieldsValue({ holidays: toRows(year.statutoryHolidays) })}>
              {w.resetStatutory}
            </Button>
          </Flex>
          <FileInput
            label={w.importFile}
            accept=".xlsx,.ics,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/calendar"
            onFile={(f) => void importFile(f)}
          />
          <Typography.Paragraph type="secondary" className="jw-holidays__hint">
            {w.importHint}
          </Typography.Paragraph>
          <div aria-live="polite">
            <ImportStatus state={imported} />
          </div>
        </section>
        <Form.Item
          name="source"
          label={w.source}
          extra={w.sourceHelp(year.year - 1)}
          rules={rules.text(w.source, { required: true, max: 300 })}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              <ol className="jw-holiday-rows">
                {fields.map((field, i) => (
                  <li key={field.key}>
                    <div
                      className="jw-holiday-row"
                      role="group"
                      aria-labelledby={`${formId}-row-${field.key}`}
                    >
                      <div className="jw-holiday-row__title" id={`${formId}-row-${field.key}`}>
                        {w.row(i + 1)}
                      </div>
                      <Flex wrap gap={12} align="start">
                        <Form.Item
                          name={[field.name, 'name']}
                          label={w.holidayName}
                          className="jw-holiday-row__name"
                        >
                          <Input maxLength={30} autoComplete="off" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'range']}
                          label={w.holidayRange}
                          className="jw-holiday-row__range"
                        >
                          <DatePicker.RangePicker
                            placeholder={[w.firstDay, w.lastDay]}
                            disabledDate={outsideYear}
                            defaultPickerValue={[firstOfYear, firstOfYear]}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'workdays']}
                          label={w.holidayWorkdays}
                          className="jw-holiday-row__workdays"
                        >
                          <DatePicker
                            multiple
                            placeholder={w.pickDates}
                            // only the year's Saturdays and Sundays can be make-up working days
                            disabledDate={(d) => outsideYear(d) || (d.day() !== 0 && d.day() !== 6)}
                            defaultPickerValue={firstOfYear}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                        <Button
                          className="jw-holiday-row__remove"
                          icon={<DeleteOutlined />}
                          aria-label={w.removeRow(i + 1)}
                          onClick={() => remove(field.name)}
                        />
                      </Flex>
                    </div>
                  </li>
                ))}
              </ol>
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', range: null, workdays: [] })}>
                {w.addRow}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="jw-holidays__problems"
          title={w.problems}
          description={
            <ul className="jw-plain-list" data-testid="arrangement-problems">
              {problems.map((p) => (
                <li key={`${p.field}:${p.en}`}>{pick(p)}</li>
              ))}
            </ul>
          }
        />
      )}
      {errors.alert}
      {stale && <Alert type="info" showIcon title={w.previewStale} className="jw-holidays__problems" />}
      <Flex wrap gap={8} className="jw-holidays__buttons">
        <Button
          type={preview ? 'default' : 'primary'}
          loading={previewing.isPending}
          onClick={() => void runPreview()}
        >
          {w.preview}
        </Button>
        {onCancel && <Button onClick={onCancel}>{w.cancel}</Button>}
      </Flex>
      {preview && (
        <section
          className="jw-holidays__preview"
          aria-labelledby="jw-holidays-preview"
          data-testid="holiday-preview"
        >
          <h3 id="jw-holidays-preview" className="jw-holidays__subtitle">
            {w.previewTitle}
            {preview.changes.length > 0 && (
              <span className="jw-muted"> · {w.changesCount(preview.changes.length)}</span>
            )}
          </h3>
          {preview.changes.length ? (
            <PeriodChangesTable changes={preview.changes} caption={w.previewTitle} />
          ) : (
            <Typography.Paragraph>{w.previewNone}</Typography.Paragraph>
          )}
          <Button
            type="primary"
            loading={saving.isPending}
            onClick={() => void save()}
            className="jw-holidays__save"
          >
            {w.save}
          </Button>
        </section>
      )}
    </Card>
  );
}

function ImportStatus({ state }: { state: ImportState }) {
  const w = useWords();
  const text = useErrorText();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'failed':
      return (
        <Alert type="error" showIcon title={w.importRejected(state.file)} description={text(state.error)} />
      );
    case 'reading':
      return (
        <Flex gap={8} align="center">
          <Spin size="small" />
          <Typography.Text>{w.importing(state.file)}</Typography.Text>
        </Flex>
      );
    case 'done':
      return <Alert type="success" showIcon title={w.imported({ file: state.file, n: state.count })} />;
    case 'rejected':
      return (
        <ImportRowErrors title={w.importRejected(state.file)} message={text(state.error)} rows={state.rows} />
      );
  }
}

import { PlusOutlined, PrinterOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { INSPECTION_PLAN_LABELS, USE_UNIT_KIND_LABELS } from '../../../../core/lifts.ts';
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_KINDS,
  INSPECTION_RESULT_LABELS,
  INSPECTION_RESULTS,
  itemsOfVisit,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
  type VisitKind,
} from '../../../../core/upkeep.ts';
import { answer, api, type Answer, type Body } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { parseYuan } from '../../../shared/yuan.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { Yuan } from '../../components/cells.tsx';
import type { FieldSpec } from '../../components/FormFields.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { EquipmentFormModal } from './EquipmentForm.tsx';
import { LiftCostsCard, LiftFaultsCard, LiftHistoryCard, useLiftRecord } from './LiftRecord.tsx';
import { FollowUpCard } from './FollowUpCard.tsx';
import { LateTag, NextInspectionTag, NextVisitTag, TermTag } from './UpkeepTags.tsx';
import { useWords } from './words.ts';
// .jw-empty: the empty tables' sentence in a colour that reads
import '../notices/notices.css';

type LiftPageData = Answer<'/api/v1/lifts/{id}'>;
type Form = 'equipment' | 'visit' | 'inspection' | 'contract' | 'insurance';
/** the forms of this page's own records; the equipment's is shared with the works tab */
type RecordForm = Exclude<Form, 'equipment'>;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const day = (v: unknown) => (v ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const YUAN = /^\s*[¥￥]?\d[\d,，]*(\.\d{1,2})?\s*元?\s*$/;

/**
 * One page per lift in service: what is due, its fault reports, the visits, inspections, contract,
 * insurance, running costs, equipment and history.
 */
export default function LiftPage() {
  const { id = '' } = useParams();
  const query = $api.useQuery('get', '/api/v1/lifts/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {() => <LiftView data={query.data!} />}
    </QueryState>
  );
}

function LiftView({ data }: { data: LiftPageData }) {
  const w = useWords();
  const { common } = useStaffWords();
  const { pick } = useLang();
  const session = useSession();
  // an adviser sees only the lifts of the projects assigned to them, which they may work on
  const canEdit = session.canWrite || session.user.role === 'adviser';
  const { lift, status } = data;
  const record = useLiftRecord(lift);
  const [form, setForm] = useState<Form | null>(null);
  const path = { params: { path: { id: lift.id } } };
  const save = useApiMutation(async (v: { form: RecordForm; values: Record<string, unknown> }) => {
    const x = v.values;
    if (v.form === 'visit')
      return answer(
        api.POST('/api/v1/lifts/{id}/visits', {
          ...path,
          body: {
            ...(x as Body<'/api/v1/lifts/{id}/visits'>),
            on: day(x.on)!,
            itemsDone: itemsOfVisit(x.kind as VisitKind).map((i) => i.key),
          },
        }),
      );
    if (v.form === 'inspection')
      return answer(
        api.POST('/api/v1/lifts/{id}/inspections', {
          ...path,
          body: {
            ...(x as Body<'/api/v1/lifts/{id}/inspections'>),
            on: day(x.on)!,
            nextDueOn: day(x.nextDueOn) ?? null,
          },
        }),
      );
    if (v.form === 'contract')
      return answer(
        api.POST('/api/v1/lifts/{id}/contracts', {
          ...path,
          body: {
            ...(x as Body<'/api/v1/lifts/{id}/contracts'>),
            startsOn: day(x.startsOn)!,
            endsOn: day(x.endsOn)!,
            yearlyFeeFen: parseYuan(text(x.yearlyFee)) ?? -1,
          },
        }),
      );
    return answer(
      api.POST('/api/v1/lifts/{id}/insurance', {
        ...path,
        body: {
          ...(x as Body<'/api/v1/lifts/{id}/insurance'>),
          startsOn: day(x.startsOn)!,
          endsOn: day(x.endsOn)!,
          premiumFen: parseYuan(text(x.premium)) ?? -1,
        },
      }),
    );
  });

  const yuanField = (name: string, label: string): FieldSpec => ({
    name,
    label,
    required: true,
    max: 20,
    pattern: { regex: YUAN, message: label },
  });
  const fields: Record<RecordForm, FieldSpec[]> = {
    visit: [
      { name: 'on', label: w.visitOn, kind: 'date', required: true },
      {
        name: 'kind',
        label: w.visitKind,
        kind: 'select',
        required: true,
        options: VISIT_KINDS.map((k) => ({ value: k, label: pick(VISIT_KIND_LABELS[k]) })),
        help: w.itemsHelp,
      },
      { name: 'technician', label: w.technician, required: true, max: 50 },
      { name: 'signedBy', label: w.signedBy, max: 50 },
      { name: 'findings', label: w.findings, kind: 'textarea', max: 1000 },
    ],
    inspection: [
      {
        name: 'kind',
        label: w.inspectionKind,
        kind: 'select',
        required: true,
        options: INSPECTION_KINDS.map((k) => ({ value: k, label: pick(INSPECTION_KIND_LABELS[k]) })),
      },
      { name: 'on', label: w.inspectionOn, kind: 'date', required: true },
      { name: 'inspector', label: w.inspector, required: true, max: 100 },
      { name: 'reportNo', label: w.reportNo, max: 60 },
      {
        name: 'result',
        label: w.result,
        kind: 'select',
        required: true,
        options: INSPECTION_RESULTS.map((k) => ({ value: k, label: pick(INSPECTION_RESULT_LABELS[k]) })),
      },
      { name: 'nextDueOn', label: w.nextDueOn, kind: 'date' },
    ],
    contract: [
      { name: 'company', label: w.company, required: true, max: 100 },
      { name: 'companyPhone', label: w.companyPhone, max: 30 },
      { name: 'licence', label: w.licence, max: 60 },
      { name: 'startsOn', label: w.startsOn, kind: 'date', required: true },
      { name: 'endsOn', label: w.endsOn, kind: 'date', required: true },
      yuanField('yearlyFee', w.yearlyFee),
      {
        name: 'faultResponseMinutes',
        label: w.faultResponse,
        kind: 'number',
        required: true,
        min: 5,
        max: 10080,
      },
      {
        name: 'entrapmentResponseMinutes',
        label: w.entrapmentResponse,
        kind: 'number',
        required: true,
        min: 5,
        max: 1440,
      },
    ],
    insurance: [
      { name: 'insurer', label: w.insurer, required: true, max: 100 },
      { name: 'policyNo', label: w.policyNo, required: true, max: 60 },
      { name: 'startsOn', label: w.startsOn, kind: 'date', required: true },
      { name: 'endsOn', label: w.endsOn, kind: 'date', required: true },
      yuanField('premium', w.premium),
    ],
  };
  const initial: Record<RecordForm, Record<string, unknown>> = {
    visit: { kind: status.nextVisit?.kind ?? 'half_monthly', signedBy: lift.useUnitContact },
    inspection: { kind: status.nextInspection?.kind ?? 'periodic', result: 'pass' },
    contract: { entrapmentResponseMinutes: 30 },
    insurance: {},
  };
  const titles: Record<Form, string> = {
    equipment: w.editEquipment,
    visit: w.addVisit,
    inspection: w.addInspection,
    contract: w.addContract,
    insurance: w.addInsurance,
  };
  const add = (f: Form, label: string) =>
    canEdit && (
      <Button icon={f === 'equipment' ? <EditOutlined /> : <PlusOutlined />} onClick={() => setForm(f)}>
        {label}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={lift.projectName}
        crumbs={[{ label: w.lifts, to: '/lifts' }, { label: lift.projectName }]}
        actions={
          <ButtonLink to={`/lifts/${lift.id}/car-notice`} icon={<PrinterOutlined />}>
            {w.carNotice}
          </ButtonLink>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'visit', label: w.nextVisit, children: <NextVisitTag status={status} /> },
              { key: 'inspection', label: w.nextInspection, children: <NextInspectionTag status={status} /> },
              { key: 'contract', label: w.contract, children: <TermTag state={status.contract} /> },
              { key: 'insurance', label: w.insurance, children: <TermTag state={status.insurance} /> },
            ]}
          />
        </Card>

        <LiftFaultsCard faults={record.faults} />
        <FollowUpCard liftId={lift.id} followUp={data.followUp} />

        <Card
          size="small"
          title={<h2 className="jw-card-title">{w.visits}</h2>}
          extra={add('visit', w.addVisit)}
        >
          <Typography.Paragraph type="secondary">{w.latestVisits}</Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            dataSource={data.visits}
            locale={{ emptyText: <span className="jw-empty">{w.noVisits}</span> }}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { key: 'on', title: w.visitOn, render: (_, v) => <span className="jw-nowrap">{v.on}</span> },
              { key: 'kind', title: w.visitKind, render: (_, v) => pick(VISIT_KIND_LABELS[v.kind]) },
              {
                key: 'gap',
                title: w.gap,
                render: (_, v) => (
                  <>
                    {w.gapDays(v.gapDays)} {v.late && <LateTag />}
                  </>
                ),
              },
              { key: 'tech', title: w.technician, dataIndex: 'technician' },
              { key: 'findings', title: w.findings, render: (_, v) => v.findings || '—' },
            ]}
          />
        </Card>

        <Card
          size="small"
          title={<h2 className="jw-card-title">{w.inspections}</h2>}
          extra={add('inspection', w.addInspection)}
        >
          <Table
            rowKey="id"
            size="small"
            dataSource={data.inspections}
            locale={{ emptyText: <span className="jw-empty">{w.noInspections}</span> }}
            pagination={false}
            columns={[
              {
                key: 'on',
                title: w.inspectionOn,
                render: (_, i) => <span className="jw-nowrap">{i.on}</span>,
              },
              {
                key: 'kind',
                title: w.inspectionKind,
                render: (_, i) => pick(INSPECTION_KIND_LABELS[i.kind]),
              },
              { key: 'result', title: w.result, render: (_, i) => pick(INSPECTION_RESULT_LABELS[i.result]) },
              { key: 'inspector', title: w.inspector, dataIndex: 'inspector' },
              { key: 'report', title: w.reportNo, render: (_, i) => i.reportNo || '—' },
            ]}
          />
        </Card>

        <Card
          size="small"
          title={<h2 className="jw-card-title">{w.contracts}</h2>}
          extra={add('contract', w.addContract)}
        >
          <Table
            rowKey="id"
            size="small"
            dataSource={data.contracts}
            locale={{ emptyText: <span className="jw-empty">{w.noContracts}</span> }}
            pagination={false}
            columns={[
              { key: 'company', title: w.company, dataIndex: 'company' },
              {
                key: 'term',
                title: `${w.startsOn} – ${w.endsOn}`,
                render: (_, k) => <Term from={k.startsOn} to={k.endsOn} />,
              },
              {
                key: 'fee',
                title: w.yearlyFee,
                align: 'right',
                render: (_, k) => <Yuan fen={k.yearlyFeeFen} />,
              },
              { key: 'state', title: w.state, render: (_, k) => <TermTag state={k.state} /> },
            ]}
          />
        </Card>

        <Card
          size="small"
          title={<h2 className="jw-card-title">{w.policies}</h2>}
          extra={add('insurance', w.addInsurance)}
        >
          <Table
            rowKey="id"
            size="small"
            dataSource={data.insurance}
            locale={{ emptyText: <span className="jw-empty">{w.noPolicies}</span> }}
            pagination={false}
            columns={[
              { key: 'insurer', title: w.insurer, dataIndex: 'insurer' },
              { key: 'policy', title: w.policyNo, dataIndex: 'policyNo' },
              {
                key: 'term',
                title: `${w.startsOn} – ${w.endsOn}`,
                render: (_, p) => <Term from={p.startsOn} to={p.endsOn} />,
              },
              {
                key: 'premium',
                title: w.premium,
                align: 'right',
                render: (_, p) => <Yuan fen={p.premiumFen} />,
              },
              { key: 'state', title: w.state, render: (_, p) => <TermTag state={p.state} /> },
            ]}
          />
        </Card>

        <LiftCostsCard projectId={lift.projectId} years={record.years} />

        <Card
          size="small"
          title={<h2 className="jw-card-title">{w.equipment}</h2>}
          extra={add('equipment', common.edit)}
        >
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'project',
                label: w.project,
                children: <Link to={`/projects/${lift.projectId}`}>{lift.projectName}</Link>,
              },
              { key: 'reg', label: w.registrationCode, children: lift.registrationCode ?? '—' },
              { key: 'use', label: w.useRegistrationNo, children: lift.useRegistrationNo ?? '—' },
              {
                key: 'maker',
                label: w.maker,
                children: [lift.maker, lift.model].filter(Boolean).join(' ') || '—',
              },
              { key: 'load', label: w.ratedLoadKg, children: lift.ratedLoadKg ?? '—' },
              { key: 'speed', label: w.speed, children: lift.speed ?? '—' },
              { key: 'stops', label: w.stops, children: lift.stops ?? '—' },
              { key: 'floors', label: w.floors, children: lift.floorsServed.join('、') || '—' },
              {
                key: 'unit',
                label: w.useUnitName,
                children:
                  [lift.useUnitKind && pick(USE_UNIT_KIND_LABELS[lift.useUnitKind]), lift.useUnitName]
                    .filter(Boolean)
                    .join('：') || '—',
              },
              {
                key: 'contact',
                label: w.useUnitContact,
                children: [lift.useUnitContact, lift.useUnitPhone].filter(Boolean).join(' ') || '—',
              },
              { key: 'since', label: w.enteredUseOn, children: lift.enteredUseOn ?? '—' },
              {
                key: 'plan',
                label: w.inspectionPlan,
                children: pick(INSPECTION_PLAN_LABELS[lift.inspectionPlan]),
              },
              {
                key: 'code',
                label: w.publicCode,
                children: <span className="jw-nowrap">{lift.publicCode}</span>,
              },
            ]}
          />
        </Card>

        <LiftHistoryCard data={data} faults={record.faults} years={record.years} />
      </Flex>
      {form === 'equipment' && <EquipmentFormModal lift={lift} open onClose={() => setForm(null)} />}
      {form && form !== 'equipment' && (
        <RecordFormModal
          open
          title={titles[form]}
          fields={fields[form]}
          initialValues={initial[form]}
          submit={(values) => save.mutateAsync({ form, values })}
          onClose={() => setForm(null)}
        />
      )}
    </>
  );
}

/** A term on two lines that fit a phone: each date whole. */
function Term({ from, to }: { from: string; to: string }) {
  return (
    <>
      <span className="jw-nowrap">{from}</span> – <span className="jw-nowrap">{to}</span>
    </>
  );
}

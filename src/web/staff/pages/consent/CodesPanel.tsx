import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../../shared/api.ts';
import { useFormErrors } from '../../components/FormFields.tsx';
import { $api, useApiMutation } from '../../data.ts';
import type { Consultation, HouseholdCode } from './types.ts';
import './consent.css';

/** Household codes with reissue, the Word letters and the printable letters. */
export function CodesPanel({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const codes = $api.useQuery('post', '/api/v1/consultations/{id}/codes/reveal', {
    params: { path: { id: c.id } },
  });
  const [reissuing, setReissuing] = useState<HouseholdCode | null>(null);
  // the last reissued code stays on screen with its own letter to print (the others' letters are unchanged)
  const [reissued, setReissued] = useState<HouseholdCode | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={`/api/v1/consultations/${c.id}/letters.docx`}
          download
        >
          {t('consent.downloadLetters')}
        </Button>
        <Button icon={<PrinterOutlined />} href={`/consultations/${c.id}/letters/print`} target="_blank">
          {t('consent.printLetters')}
        </Button>
      </Flex>
      {reissued && (
        <Alert
          type="success"
          showIcon
          title={`${reissued.label}：${t('consent.reissued', { code: reissued.code })}`}
          action={
            <Button
              size="small"
              icon={<PrinterOutlined />}
              href={`/consultations/${c.id}/letters/print?group=${reissued.groupId}`}
              target="_blank"
            >
              {t('consent.printNewLetter')}
            </Button>
          }
        />
      )}
      <Table<HouseholdCode>
        rowKey="groupId"
        size="small"
        loading={codes.isLoading}
        dataSource={codes.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="jw-consent-empty">{t('consent.noCodes')}</span> }}
        columns={[
          // the owners under the household: the code and its button still fit a 360 px phone
          {
            key: 'label',
            title: `${t('consent.household')} / ${t('consent.owners')}`,
            render: (_, h) => (
              <HouseholdCell label={h.label} owners={h.ownersMasked.join('、') || t('consent.unsold')} />
            ),
          },
          {
            key: 'code',
            title: t('consent.code'),
            render: (_, h) => (
              <span className="jw-consent-code" data-testid="household-code">
                {h.code}
              </span>
            ),
          },
          ...(c.status === 'open'
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, h: HouseholdCode) => (
                    <Button
                      size="small"
                      onClick={() => setReissuing(h)}
                      aria-label={t('consent.reissueNamed', { label: h.label })}
                    >
                      {t('consent.reissue')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ReissueModal
        consultation={c}
        household={reissuing}
        onClose={() => setReissuing(null)}
        onReissued={setReissued}
      />
    </Flex>
  );
}

/** A household and, under it, its owners (masked). */
export function HouseholdCell({ label, owners }: { label: string; owners: string }) {
  return (
    <>
      <div>{label}</div>
      <Typography.Text type="secondary">{owners}</Typography.Text>
    </>
  );
}

function ReissueModal({
  consultation,
  household,
  onClose,
  onReissued,
}: {
  consultation: Consultation;
  household: HouseholdCode | null;
  onClose: () => void;
  onReissued: (h: HouseholdCode) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form, ['reason']);
  const reissue = useApiMutation((v: { groupId: string; reason: string }) =>
    answer(
      api.POST('/api/v1/consultations/{id}/codes/{groupId}/reissue', {
        params: { path: { id: consultation.id, groupId: v.groupId } },
        body: { reason: v.reason },
      }),
    ),
  );
  useEffect(() => {
    if (!household) return;
    form.resetFields();
    errors.clear();
  }, [household]);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !household) return;
    try {
      const res = await reissue.mutateAsync({ groupId: household.groupId, reason: values.reason });
      onReissued({ ...household, code: res.code });
      onClose();
    } catch (err) {
      errors.show(err);
    }
  };
  return (
    <Modal
      open={household !== null}
      title={household ? t('consent.reissueTitle', { label: household.label }) : ''}
      onOk={onOk}
      onCancel={onClose}
      okText={t('consent.reissue')}
      cancelText={t('common.cancel')}
      confirmLoading={reissue.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('consent.reissueHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={t('consent.reason')}
          rules={[{ required: true, whitespace: true }, { max: 200 }]}
        >
          <Input maxLength={200} placeholder={t('consent.reasonExample')} />
        </Form.Item>
      </Form>
      {errors.alert}
    </Modal>
  );
}

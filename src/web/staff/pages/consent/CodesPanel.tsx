import { DownloadOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { answer, api } from '../../../shared/api.ts';
import { useFormErrors } from '../../components/formErrors.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import type { Consultation, HouseholdCode } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';
import { useConfirmDiscard } from '../../components/confirmDiscard.ts';
import { useRules } from '../../components/rules.ts';
import { residentUrl, useQrCodes, useResidentBase } from './residentLink.ts';
import { saveFile } from '../../saveFile.ts';

/** Household codes with reissue, the Word letters and the printable letters. */
export function CodesPanel({ consultation: c }: { consultation: Consultation }) {
  const { common } = useStaffWords();
  const w = useWords();
  const codes = $api.useQuery('post', '/api/v1/consultations/{id}/codes/reveal', {
    params: { path: { id: c.id } },
  });
  // the letters hold every code: a POST (audited, with the CSRF token), saved from memory
  const { message } = App.useApp();
  const errorText = useErrorText();
  const letters = useApiMutation(async () => {
    const { data, response } = await api.POST('/api/v1/consultations/{id}/letters.docx', {
      params: { path: { id: c.id } },
      parseAs: 'blob',
    });
    saveFile(data!, response, 'letters.docx');
  });
  const [reissuing, setReissuing] = useState<HouseholdCode | null>(null);
  // the last reissued code stays on screen with its own letter to print (the others' letters are unchanged)
  const [reissued, setReissued] = useState<HouseholdCode | null>(null);
  // each code opens its household's page, as the owner would from the letter; staff can try the
  // vote without typing /r/… and show the QR to an owner at the desk
  const { base } = useResidentBase();
  const [showingQr, setShowingQr] = useState<HouseholdCode | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          loading={letters.isPending}
          onClick={() => letters.mutate(undefined, { onError: (e) => void message.error(errorText(e)) })}
        >
          {w.downloadLetters}
        </Button>
        <Button icon={<PrinterOutlined />} href={`/consultations/${c.id}/letters/print`} target="_blank">
          {w.printLetters}
        </Button>
      </Flex>
      {reissued && (
        <Alert
          type="success"
          showIcon
          title={`${reissued.label}：${w.reissued(reissued.code)}`}
          action={
            <Button
              size="small"
              icon={<PrinterOutlined />}
              href={`/consultations/${c.id}/letters/print?group=${reissued.groupId}`}
              target="_blank"
            >
              {w.printNewLetter}
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
        locale={{ emptyText: <span className="jw-consent-empty">{w.noCodes}</span> }}
        columns={[
          // the owners under the household: the code and its button still fit a 360 px phone
          {
            key: 'label',
            title: `${w.household} / ${w.owners}`,
            render: (_, h) => (
              <HouseholdCell label={h.label} owners={h.ownersMasked.join('、') || w.unsold} />
            ),
          },
          {
            key: 'code',
            title: w.code,
            render: (_, h) => (
              <Flex wrap align="center" gap={4}>
                <a
                  className="jw-consent-code"
                  data-testid="household-code"
                  href={residentUrl(base, h.code)}
                  target="_blank"
                  rel="noopener"
                  aria-label={w.openResidentPage(h.label, h.code)}
                >
                  {h.code}
                </a>
                <Button
                  size="small"
                  type="text"
                  icon={<QrcodeOutlined />}
                  onClick={() => setShowingQr(h)}
                  aria-label={w.qrNamed(h.label)}
                />
              </Flex>
            ),
          },
          ...(c.status === 'open'
            ? [
                {
                  key: 'actions',
                  title: common.actions,
                  render: (_: unknown, h: HouseholdCode) => (
                    <Button size="small" onClick={() => setReissuing(h)} aria-label={w.reissueNamed(h.label)}>
                      {w.reissue}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <QrModal
        household={showingQr}
        url={showingQr ? residentUrl(base, showingQr.code) : ''}
        onClose={() => setShowingQr(null)}
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

/** One household's code as a QR code an owner scans at the desk, with the address it opens. */
function QrModal({
  household,
  url,
  onClose,
}: {
  household: HouseholdCode | null;
  url: string;
  onClose: () => void;
}) {
  const w = useWords();
  const { common } = useStaffWords();
  const qr = useQrCodes(url ? [url] : []);
  return (
    <Modal
      open={household !== null}
      title={household ? w.qrAlt(household.label) : ''}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{common.close}</Button>}
      width={360}
    >
      {household && (
        <Flex vertical align="center" gap={8}>
          {qr?.[0] ? (
            <img src={qr[0]} alt={w.qrAlt(household.label)} width={240} height={240} data-testid="code-qr" />
          ) : (
            <div style={{ width: 240, height: 240 }} aria-busy="true" />
          )}
          <span className="jw-consent-code">{household.code}</span>
          <Typography.Text className="jw-consent-hash" copyable>
            {url}
          </Typography.Text>
          <Typography.Text type="secondary">{w.qrHelp}</Typography.Text>
        </Flex>
      )}
    </Modal>
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
  const { common } = useStaffWords();
  const w = useWords();
  const rules = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  const errors = useFormErrors(form, ['reason']);
  const close = useConfirmDiscard(onClose);
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
      title={household ? w.reissueTitle(household.label) : ''}
      onOk={onOk}
      onCancel={() => close(form.isFieldsTouched())}
      okText={w.reissue}
      cancelText={common.cancel}
      confirmLoading={reissue.isPending}
    >
      <Typography.Paragraph type="secondary">{w.reissueHelp}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="reason" label={w.reason} rules={rules.text(w.reason, { required: true, max: 200 })}>
          <Input maxLength={200} placeholder={w.reasonExample} />
        </Form.Item>
      </Form>
      {errors.alert}
    </Modal>
  );
}

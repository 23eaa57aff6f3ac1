import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Typography } from 'antd';
import { ROLE_LABELS } from '../../../../core/roles.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { useFormErrors } from '../../components/formErrors.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useSession, useSessionState } from '../../session.tsx';
import { AccountTag } from './AccountTag.tsx';
import { deviceName, useWords } from './words.ts';
import './accounts.css';
import { useRules } from '../../components/rules.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 我的账号: one's own password and sessions; the only page reachable while a new password is due. */
export default function MyAccountPage() {
  const w = useWords();
  const { pick } = useLang();
  const session = useSession();
  const { user } = session;
  return (
    <>
      <PageHeader title={w.myAccount} />
      {session.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={w.mustChangeNow}
          description={w.mustChangeNowText}
          style={{ marginBottom: 16 }}
        />
      )}
      <div className="jw-account__grid">
        <div>
          <Card
            size="small"
            title={<h2 className="jw-account__title">{w.profile}</h2>}
            style={{ marginBottom: 16 }}
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'u', label: w.username, children: <span className="jw-mono">{user.username}</span> },
                { key: 'n', label: w.displayName, children: user.displayName },
                { key: 'r', label: w.role, children: pick(ROLE_LABELS[user.role]) },
                ...(user.organisation
                  ? [{ key: 'o', label: w.organisation, children: user.organisation }]
                  : []),
              ]}
            />
          </Card>
          <ChangePassword />
        </div>
        <MySessions />
      </div>
    </>
  );
}

function ChangePassword() {
  const w = useWords();
  const rules = useRules();
  const { message } = App.useApp();
  const { refresh } = useSessionState();
  const { username } = useSession().user;
  const [form] = Form.useForm<PasswordForm>();
  const errors = useFormErrors(form, ['currentPassword', 'newPassword']);
  const change = useApiMutation((body: Body<'/api/v1/me/password'>) =>
    answer(api.POST('/api/v1/me/password', { body })),
  );
  const submit = async (v: PasswordForm) => {
    errors.clear();
    try {
      const result = await change.mutateAsync({
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      form.resetFields();
      void message.success(w.changed(result.otherSessionsEnded));
      await refresh();
    } catch (err) {
      errors.show(err);
    }
  };
  return (
    <Card size="small" title={<h2 className="jw-account__title">{w.changePassword}</h2>}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        {/* a hidden username lets password managers file the new password under the right account */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={w.currentPassword}
          rules={rules.text(w.currentPassword, { required: true, spaces: true })}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={w.newPassword}
          extra={w.passwordRules}
          rules={rules.password(w.newPassword, { required: true })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={w.confirmPassword}
          dependencies={['newPassword']}
          rules={[
            ...rules.text(w.confirmPassword, { required: true, spaces: true }),
            ({ getFieldValue }) => ({
              validator: async (_, value: unknown) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(w.mismatch);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {errors.alert}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {w.changePassword}
        </Button>
      </Form>
    </Card>
  );
}

function MySessions() {
  const w = useWords();
  const { lang } = useLang();
  const { message } = App.useApp();
  const text = useErrorText();
  const list = $api.useQuery('get', '/api/v1/me/sessions');
  // one session by its id, or (no id) all the others
  const end = useApiMutation((id: string | null) =>
    id
      ? answer(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }))
      : answer(api.DELETE('/api/v1/me/sessions')),
  );
  const run = async (id: string | null) => {
    try {
      await end.mutateAsync(id);
      void message.success(w.endedDone(1));
    } catch (err) {
      void message.error(text(err));
    }
  };
  const others = list.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Card
      size="small"
      title={<h2 className="jw-account__title">{w.mySessions}</h2>}
      extra={
        others > 0 && (
          <Popconfirm
            title={w.endOthersConfirm}
            okText={w.end}
            cancelText={w.cancel}
            okButtonProps={{ danger: true }}
            onConfirm={() => run(null)}
          >
            <Button size="small" danger>
              {w.endOthers}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph type="secondary">{w.mySessionsIntro}</Typography.Paragraph>
      <QueryState isLoading={list.isLoading} error={list.error}>
        {() => (
          // a list rather than a table: it fits a phone without scrolling sideways
          <ul className="jw-account__sessions" aria-label={w.mySessions}>
            {list.data!.items.map((s) => {
              const device = deviceName(s.userAgent, w.unknownDevice);
              return (
                <li key={s.id} className="jw-account__session" data-testid="own-session">
                  <div className="jw-account__session-what">
                    <strong>{device}</strong>{' '}
                    {s.current && <AccountTag tint="green">{w.thisDevice}</AccountTag>}
                    <div className="jw-account__session-when">
                      {w.address} <span className="jw-mono">{s.address || '—'}</span> · {w.signedIn}{' '}
                      {formatDateTime(s.createdAt, lang)} · {w.lastSeen} {formatDateTime(s.lastSeenAt, lang)}
                    </div>
                  </div>
                  {!s.current && (
                    <Popconfirm
                      title={w.endNamed(device)}
                      okText={w.end}
                      cancelText={w.cancel}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => run(s.id)}
                    >
                      <Button
                        size="small"
                        danger
                        aria-label={w.endNamed(`${device} ${formatDateTime(s.createdAt, lang)}`)}
                      >
                        {w.end}
                      </Button>
                    </Popconfirm>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}

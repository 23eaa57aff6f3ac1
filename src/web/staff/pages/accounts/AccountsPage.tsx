import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Dropdown,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLE_SCOPE_KIND, type Role } from '../../../../core/roles.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import type { Committee } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation, useErrorText } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { AccountTag } from './AccountTag.tsx';
import type { ListedUser, ResetResult } from './types.ts';
import { useWords, type AccountWords } from './words.ts';
import './accounts.css';
import { useRules } from '../../components/rules.ts';

/** Roles a street admin gives (a district viewer belongs to the district, not the street). */
const STREET_ROLES: Role[] = ['street_admin', 'committee_staff', 'adviser'];

/** 账号管理: the street admin's accounts of the street, each action in a dialog. */
export default function AccountsPage() {
  const w = useWords();
  const rules = useRules();
  const { lang, pick } = useLang();
  const { user: me } = useSession();
  const { modal, message } = App.useApp();
  const text = useErrorText();
  const list = $api.useQuery('get', '/api/v1/users');
  const committees = $api.useQuery('get', '/api/v1/committees').data?.items ?? [];
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ListedUser | null>(null);
  const [resetting, setResetting] = useState<ListedUser | null>(null);
  const [generated, setGenerated] = useState<ResetResult | null>(null);
  // each action is its own request; one mutation refreshes the list after any of them
  // on a phone the role, scope and state go under the name, so nothing needs scrolling sideways
  const wide = Boolean(Grid.useBreakpoint().md);
  const write = useApiMutation((f: () => Promise<string>) => f());
  const reset = useApiMutation(({ id, password }: { id: string; password?: string }) =>
    answer(
      api.POST('/api/v1/users/{id}/password', {
        params: { path: { id } },
        body: password ? { password } : {},
      }),
    ),
  );

  /** A one-click action after a confirmation; the API's refusal (e.g. the last admin) shows as a message. */
  const confirmThen = (title: string, okText: string, danger: boolean, run: () => Promise<string>) =>
    modal.confirm({
      title,
      okText,
      cancelText: w.cancel,
      okButtonProps: { danger },
      onOk: async () => {
        try {
          void message.success(await write.mutateAsync(run));
        } catch (err) {
          void message.error(text(err));
        }
      },
    });

  const act = (u: ListedUser, key: string) => {
    switch (key) {
      case 'edit':
        return setEditing(u);
      case 'reset':
        return setResetting(u);
      case 'disable':
        return confirmThen(w.disableConfirm(u.username), w.disable, true, async () =>
          w.disabledDone(
            u.username,
            (await answer(api.POST('/api/v1/users/{id}/disable', { params: { path: { id: u.id } } })))
              .sessionsEnded,
          ),
        );
      case 'enable':
        return confirmThen(
          w.enableConfirm(u.username),
          w.enable,
          false,
          async () => (
            await answer(api.POST('/api/v1/users/{id}/enable', { params: { path: { id: u.id } } })),
            w.enabledDone(u.username)
          ),
        );
      case 'sessions':
        return confirmThen(w.endSessionsConfirm(u.username), w.endSessions, true, async () =>
          w.endedDone(
            (await answer(api.DELETE('/api/v1/users/{id}/sessions', { params: { path: { id: u.id } } })))
              .sessionsEnded,
          ),
        );
      case 'unlock':
        return void write
          .mutateAsync(
            async () => (
              await answer(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id: u.id } } })),
              w.unlockedDone(u.username)
            ),
          )
          .then(
            (done) => message.success(done),
            (err: unknown) => message.error(text(err)),
          );
    }
  };

  return (
    <>
      <PageHeader
        title={w.accounts}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {w.create}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" className="jw-accounts__intro">
          {w.accountsIntro}
        </Typography.Paragraph>
      </PageHeader>
      <Card size="small">
        <QueryState isLoading={list.isLoading} error={list.error}>
          {() => (
            <Table<ListedUser>
              rowKey="id"
              size="small"
              dataSource={list.data!.items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowClassName={(u) => (u.disabled ? 'jw-accounts__row--disabled' : '')}
              columns={[
                {
                  key: 'user',
                  title: w.username,
                  render: (_, u) => (
                    <div className="jw-accounts__who">
                      <span className="jw-mono">{u.username}</span>
                      <span>{u.displayName}</span>
                      {!wide && (
                        <>
                          <span className="jw-accounts__meta">
                            {pick(ROLE_LABELS[u.role])} · {u.scopeName ?? '—'}
                          </span>
                          <StateTags user={u} w={w} lang={lang} />
                        </>
                      )}
                    </div>
                  ),
                },
                ...(wide
                  ? ([
                      {
                        key: 'role',
                        title: w.role,
                        render: (_, u) => <span className="jw-nowrap">{pick(ROLE_LABELS[u.role])}</span>,
                      },
                      { key: 'scope', title: w.scope, render: (_, u) => u.scopeName ?? '—' },
                      {
                        key: 'state',
                        title: w.state,
                        render: (_, u) => <StateTags user={u} w={w} lang={lang} />,
                      },
                      {
                        key: 'lastLogin',
                        title: w.lastLogin,
                        render: (_, u) => (
                          <span className="jw-nowrap">
                            {u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : w.never}
                          </span>
                        ),
                      },
                      { key: 'sessions', title: w.sessions, align: 'right', dataIndex: 'sessions' },
                    ] satisfies TableColumnsType<ListedUser>)
                  : []),
                {
                  key: 'actions',
                  title: w.actions,
                  render: (_, u) => (
                    <Space size={4} wrap={false}>
                      {wide && (
                        <Button
                          size="small"
                          onClick={() => act(u, 'edit')}
                          aria-label={`${w.edit} ${u.username}`}
                        >
                          {w.edit}
                        </Button>
                      )}
                      <Dropdown
                        trigger={['click']}
                        menu={{
                          items: [
                            // on a phone 编辑 joins the others in the one menu
                            ...(wide ? [] : [{ key: 'edit', label: w.edit }]),
                            { key: 'reset', label: w.reset },
                            u.disabled
                              ? { key: 'enable', label: w.enable }
                              : { key: 'disable', label: w.disable, danger: true, disabled: u.id === me.id },
                            { key: 'sessions', label: w.endSessions, disabled: u.sessions === 0 },
                            ...(u.failedLogins > 0 ? [{ key: 'unlock', label: w.unlock }] : []),
                          ],
                          onClick: ({ key }) => act(u, key),
                        }}
                      >
                        <Button size="small" aria-label={w.actionsOf(u.username)}>
                          …
                        </Button>
                      </Dropdown>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>

      <CreateDialog
        open={creating}
        onClose={() => setCreating(false)}
        committees={committees}
        streetId={me.streetId}
        w={w}
      />
      <EditDialog
        user={editing}
        onClose={() => setEditing(null)}
        committees={committees}
        streetId={me.streetId}
        w={w}
      />
      <WriteModal
        open={resetting !== null}
        title={resetting ? w.resetTitle(resetting.username) : ''}
        okText={w.resetOk}
        fieldNames={['password']}
        onClose={() => setResetting(null)}
        submit={async (values) => {
          const password =
            typeof values.password === 'string' && values.password !== '' ? values.password : undefined;
          const result = await reset.mutateAsync({ id: resetting!.id, password });
          if (result.password) setGenerated(result);
          else void message.info(w.givenDone(result.username));
        }}
      >
        <Typography.Paragraph>{w.resetIntro}</Typography.Paragraph>
        <Form.Item
          name="password"
          label={w.resetPassword}
          extra={w.resetPasswordHelp}
          rules={rules.password(w.resetPassword)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </WriteModal>
      <Modal
        open={generated !== null}
        title={generated ? w.generatedTitle(generated.username) : ''}
        onCancel={() => setGenerated(null)}
        footer={
          <Button type="primary" onClick={() => setGenerated(null)}>
            {w.close}
          </Button>
        }
      >
        <Typography.Paragraph>{w.generatedIntro}</Typography.Paragraph>
        <Typography.Paragraph
          copyable={{ text: generated?.password ?? '', tooltips: [w.copy, '✓'] }}
          className="jw-accounts__generated"
          data-testid="generated-password"
        >
          {generated?.password}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function StateTags({ user: u, w, lang }: { user: ListedUser; w: AccountWords; lang: string }) {
  return (
    <Space size={[4, 4]} wrap className="jw-accounts__tags">
      {u.disabled ? (
        <Tooltip
          title={
            u.disabledBy && u.disabledAt
              ? w.disabledBy(u.disabledBy, formatDateTime(u.disabledAt, lang))
              : undefined
          }
        >
          <AccountTag tint="grey">{w.disabled}</AccountTag>
        </Tooltip>
      ) : (
        <AccountTag tint="green">{w.enabled}</AccountTag>
      )}
      {u.demo && (
        <Tooltip title={w.demoHelp}>
          <AccountTag tint="orange">{w.demo}</AccountTag>
        </Tooltip>
      )}
      {u.mustChangePassword && <AccountTag tint="blue">{w.mustChangeTag}</AccountTag>}
      {u.lockedSeconds > 0 ? (
        <AccountTag tint="red">{w.locked(u.lockedSeconds)}</AccountTag>
      ) : u.failedLogins > 0 ? (
        <AccountTag tint="grey">{w.failed(u.failedLogins)}</AccountTag>
      ) : null}
    </Space>
  );
}

/** Role and scope together: a committee to choose for committee staff; the street itself otherwise. */
function RoleAndScope({ w, committees }: { w: AccountWords; committees: Committee[] }) {
  const { pick } = useLang();
  const rules = useRules();
  const form = Form.useFormInstance();
  const role = Form.useWatch('role', form) as Role | undefined;
  return (
    <>
      <Form.Item name="role" label={w.role} rules={rules.choice(w.role, { required: true })}>
        <Select options={STREET_ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} />
      </Form.Item>
      {role && ROLE_SCOPE_KIND[role] === 'committee' ? (
        <Form.Item name="scopeId" label={w.scope} rules={rules.choice(w.scope, { required: true })}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={committees.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item label={w.scope}>
          <Typography.Text>{w.street}</Typography.Text>
        </Form.Item>
      )}
    </>
  );
}

/** The scope id the API wants for the role chosen: the committee, or the admin's street. */
const scopeOf = (values: Record<string, unknown>, streetId: string | null) =>
  ROLE_SCOPE_KIND[values.role as Role] === 'committee' ? values.scopeId : streetId;

function CreateDialog({
  open,
  onClose,
  committees,
  streetId,
  w,
}: {
  open: boolean;
  onClose: () => void;
  committees: Committee[];
  streetId: string | null;
  w: AccountWords;
}) {
  const rules = useRules();
  const create = useApiMutation((body: Body<'/api/v1/users'>) => answer(api.POST('/api/v1/users', { body })));
  return (
    <WriteModal
      open={open}
      title={w.create}
      fieldNames={['username', 'displayName', 'role', 'scopeId', 'organisation', 'password']}
      initialValues={{ role: 'committee_staff', mustChangePassword: true }}
      onClose={onClose}
      // the form's values are untyped (antd): cast to the route's body here, checked by its schema
      submit={(v) =>
        create.mutateAsync({
          username: v.username,
          displayName: v.displayName,
          role: v.role,
          scopeId: scopeOf(v, streetId),
          organisation: v.organisation || undefined,
          password: v.password,
          mustChangePassword: v.mustChangePassword !== false,
        } as Body<'/api/v1/users'>)
      }
    >
      <Form.Item
        name="username"
        label={w.username}
        extra={w.usernameHelp}
        rules={rules.text(w.username, {
          required: true,
          pattern: { regex: /^[a-z0-9_.-]{3,32}$/, message: w.usernameRule },
        })}
      >
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={w.displayName}
        rules={rules.text(w.displayName, { required: true, max: 50 })}
      >
        <Input maxLength={50} />
      </Form.Item>
      <RoleAndScope w={w} committees={committees} />
      <Form.Item name="organisation" label={w.organisation} rules={rules.text(w.organisation, { max: 100 })}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="password"
        label={w.password}
        extra={w.passwordRules}
        rules={rules.password(w.password, { required: true })}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="mustChangePassword" valuePropName="checked" extra={w.mustChangeHelp}>
        <Checkbox>{w.mustChange}</Checkbox>
      </Form.Item>
    </WriteModal>
  );
}

function EditDialog({
  user,
  onClose,
  committees,
  streetId,
  w,
}: {
  user: ListedUser | null;
  onClose: () => void;
  committees: Committee[];
  streetId: string | null;
  w: AccountWords;
}) {
  const rules = useRules();
  const save = useApiMutation((body: Body<'/api/v1/users/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user!.id } }, body })),
  );
  return (
    <WriteModal
      open={user !== null}
      title={user ? w.editTitle(user.username) : ''}
      fieldNames={['displayName', 'role', 'scopeId', 'organisation']}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              role: user.role,
              scopeId: user.committeeId ?? undefined,
              organisation: user.organisation,
            }
          : {}
      }
      onClose={onClose}
      // the form's values are untyped (antd): cast to the route's body here, checked by its schema
      submit={(v) =>
        save.mutateAsync({
          displayName: v.displayName,
          role: v.role,
          scopeId: scopeOf(v, streetId),
          organisation: v.organisation ?? '',
        } as Body<'/api/v1/users/{id}', 'patch'>)
      }
    >
      <Form.Item
        name="displayName"
        label={w.displayName}
        rules={rules.text(w.displayName, { required: true, max: 50 })}
      >
        <Input maxLength={50} />
      </Form.Item>
      <RoleAndScope w={w} committees={committees} />
      <Form.Item name="organisation" label={w.organisation} rules={rules.text(w.organisation, { max: 100 })}>
        <Input maxLength={100} />
      </Form.Item>
    </WriteModal>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { useFormErrors } from '../components/formErrors.tsx';
import { $api } from '../data.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { useSessionState } from '../session.tsx';
import { useStaffWords } from '../words.ts';
import { useRules } from '../components/rules.ts';

interface Credentials {
  username: string;
  password: string;
}

/** Staff login; a wrong password or throttling shows under the field the API names. */
export default function LoginPage() {
  const { app, loginPage } = useStaffWords();
  const rules = useRules();
  const { login } = useSessionState();
  const [form] = Form.useForm<Credentials>();
  const errors = useFormErrors(form, ['username', 'password']);
  // the demo accounts still enabled (a public list of usernames, nothing else): marked until retired
  const demo = $api.useQuery('get', '/api/v1/demo-accounts').data?.usernames ?? [];

  const submit = async ({ username, password }: Credentials) => {
    errors.clear();
    try {
      await login(username.trim(), password);
    } catch (err) {
      errors.show(err);
    }
  };

  return (
    <main className="jw-login">
      <div className="jw-login__lang">
        <LanguageSwitch />
      </div>
      <Card className="jw-login__card">
        <div className="jw-login__brand" aria-hidden="true">
          江
        </div>
        <Typography.Title level={1} className="jw-login__title">
          {app.name}
        </Typography.Title>
        <Typography.Paragraph className="jw-login__subtitle">{loginPage.subtitle}</Typography.Paragraph>
        {demo.length > 0 && (
          <Alert
            style={{ marginBottom: 16 }}
            type="warning"
            showIcon
            title={loginPage.demoTitle}
            description={
              <>
                {loginPage.demoText}
                <div
                  data-testid="demo-accounts"
                  style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}
                >
                  {demo.map((u) => (
                    <Tag
                      key={u}
                      style={{
                        color: '#873800',
                        background: '#fff7e6',
                        borderColor: '#873800',
                        marginInlineEnd: 0,
                      }}
                    >
                      {u}
                    </Tag>
                  ))}
                </div>
              </>
            }
          />
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={loginPage.username}
            rules={rules.text(loginPage.username, { required: true })}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={loginPage.password}
            rules={rules.text(loginPage.password, { required: true, spaces: true })}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {errors.alert}
          <Button type="primary" htmlType="submit" block>
            {loginPage.submit}
          </Button>
        </Form>
      </Card>
    </main>
  );
}

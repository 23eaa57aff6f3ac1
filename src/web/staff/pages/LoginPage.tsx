import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../components/FormFields.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { useSessionState } from '../session.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** Staff login; a wrong password or throttling shows under the field the API names. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSessionState();
  const [form] = Form.useForm<Credentials>();
  const errors = useFormErrors(form, ['username', 'password']);

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
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph className="jw-login__subtitle">{t('login.subtitle')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {errors.alert}
          <Button type="primary" htmlType="submit" block>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}

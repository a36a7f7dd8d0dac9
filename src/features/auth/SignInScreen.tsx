// Sign in; on a new database, set the administrator's password first (no password is built in).
import { Alert, Button, Form, Input } from 'antd'
import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { useSignIn } from '../../api/auth'
import { AuthCard } from './AuthCard'
import { passwordRule, sameAs } from './passwordRule'

export function SignInScreen({ setup }: { setup: boolean }) {
  const { login, setup: firstSetup } = useSignIn()
  if (setup)
    return (
      <AuthCard title="首次使用：设置系统管理员密码" settingsLink>
        <p className="auth-hint">
          这是一个新的数据库。请为系统管理员账号 <b>admin</b> 设置密码，之后用它登录、建立其他账号。
        </p>
        <Form layout="vertical" onFinish={(v: { password: string }) => firstSetup.mutate({ password: v.password })} requiredMark={false}>
          <Form.Item label="新密码" name="password" rules={[{ required: true, message: '请输入密码' }, passwordRule]} hasFeedback>
            <Input.Password autoFocus autoComplete="new-password" data-testid="setup-password" />
          </Form.Item>
          <Form.Item label="再次输入" name="confirm" dependencies={['password']} rules={[{ required: true, message: '请再次输入密码' }, sameAs('password')]}>
            <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
          </Form.Item>
          {firstSetup.error && <Alert type="error" showIcon message={firstSetup.error.message} className="auth-error" />}
          <Button type="primary" htmlType="submit" block loading={firstSetup.isPending}>
            设置并登录
          </Button>
        </Form>
      </AuthCard>
    )
  return (
    <AuthCard title="登录" settingsLink>
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => login.mutate(v)} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {login.error && <Alert type="error" showIcon message={login.error.message} className="auth-error" data-testid="login-error" />}
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </AuthCard>
  )
}

// The screen lock: the session stays, the console is hidden until the password is given again.
import { Alert, Button, Form, Input, Space } from 'antd'
import type { Me } from '../../../electron/shared/accounts'
import { useSessionActions } from '../../api/auth'
import { AuthCard } from './AuthCard'

export function LockScreen({ me }: { me: Me }) {
  const { unlock, logout } = useSessionActions()
  return (
    <AuthCard title="屏幕已锁定">
      <p className="auth-hint">
        {me.account.displayName}（{me.account.username}，{me.account.roleName}）已超过 {me.idleLockMinutes} 分钟无操作或主动锁屏。请输入密码继续。
      </p>
      <Form layout="vertical" onFinish={(v: { password: string }) => unlock.mutate({ password: v.password })} requiredMark={false}>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" data-testid="unlock-password" />
        </Form.Item>
        {unlock.error && <Alert type="error" showIcon message={unlock.error.message} className="auth-error" />}
        <Space className="auth-actions">
          <Button type="primary" htmlType="submit" loading={unlock.isPending} data-testid="unlock-submit">
            解锁
          </Button>
          <Button onClick={() => void logout()}>换个账号登录</Button>
        </Space>
      </Form>
    </AuthCard>
  )
}

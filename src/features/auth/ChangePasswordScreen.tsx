// Change one's own password: forced when it is the initial one or older than the set days.
import { Alert, Button, Form, Input, Space } from 'antd'
import type { Me } from '../../../electron/shared/accounts'
import { useSessionActions } from '../../api/auth'
import { AuthCard } from './AuthCard'
import { passwordRule, sameAs } from './passwordRule'

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { changePassword } = useSessionActions()
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={(v: { currentPassword: string; newPassword: string }) =>
        changePassword.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }, { onSuccess: onDone })
      }
    >
      <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }, passwordRule]} hasFeedback>
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[{ required: true, message: '请再次输入新密码' }, sameAs('newPassword')]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      {changePassword.error && <Alert type="error" showIcon message={changePassword.error.message} className="auth-error" />}
      <Button type="primary" htmlType="submit" loading={changePassword.isPending} data-testid="change-password-submit">
        修改密码
      </Button>
    </Form>
  )
}

export function ChangePasswordScreen({ me, forced }: { me: Me; forced?: boolean }) {
  const { logout } = useSessionActions()
  return (
    <AuthCard title="请修改密码">
      {forced && (
        <p className="auth-hint">
          {me.passwordExpiresAt
            ? `密码已使用超过规定期限（到期：${new Date(me.passwordExpiresAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`
            : '这是管理员设置的初始密码'}
          ，须修改后才能继续使用。
        </p>
      )}
      <ChangePasswordForm />
      <Space className="auth-actions">
        <Button type="link" onClick={() => void logout()}>
          退出登录
        </Button>
      </Space>
    </AuthCard>
  )
}

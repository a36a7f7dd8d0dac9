// The header's account button: who is signed in, change password, lock the screen, 系统设置 (the
// desktop app: how this PC is used), sign out.
import { useState } from 'react'
import { Button, Dropdown, Modal, App as AntApp } from 'antd'
import { UserOutlined } from '@ant-design/icons'
import { useMe, useSessionActions } from '../../api/auth'
import { ChangePasswordForm } from './ChangePasswordScreen'
import { seatSettingsAvailable } from '../../api/seat'

export function AccountMenu() {
  const me = useMe()
  const { lock, logout } = useSessionActions()
  const [changing, setChanging] = useState(false)
  const { message } = AntApp.useApp()
  const unit = me.account.unitName ? ` · ${me.account.unitName}` : ''
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: `${me.account.roleName}${unit}`, disabled: true },
            { type: 'divider' },
            { key: 'password', label: '修改密码' },
            { key: 'lock', label: '锁屏' },
            ...(seatSettingsAvailable() ? [{ key: 'seat', label: '系统设置' }] : []),
            { key: 'logout', label: '退出登录' }
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true)
            if (key === 'lock') lock.mutate()
            if (key === 'seat') window.location.hash = '#/seat-setup'
            if (key === 'logout') void logout()
          }
        }}
      >
        <Button ghost size="small" icon={<UserOutlined />} data-testid="account-menu">
          {me.account.displayName}
        </Button>
      </Dropdown>
      <Modal title="修改密码" open={changing} onCancel={() => setChanging(false)} footer={null} destroyOnHidden>
        <ChangePasswordForm
          onDone={() => {
            setChanging(false)
            void message.success('密码已修改')
          }}
        />
      </Modal>
    </>
  )
}

// 账号与安全: the system administrator creates, disables and resets accounts and sets the security
// rules; the security administrator grants roles and scopes (三员分立: neither does the other's work).
import { useState } from 'react'
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd'
import type { Account, Role } from '../../../electron/shared/accounts'
import { Username, isWholePath, roleNames, roleUnitKind, roles, unitKindNames } from '../../../electron/shared/accounts'
import { zodRule } from '../../components/zodRule'
import { useAccountMutations, useAccounts, useCan, useMe, useSecuritySettings } from '../../api/auth'
import { useUnits } from '../../api/issues'
import { passwordRule } from '../auth/passwordRule'
import { BackupsCard } from './BackupsCard'

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—')

export function AccountsScreen() {
  const can = useCan()
  const me = useMe()
  const accounts = useAccounts()
  const m = useAccountMutations()
  const { message } = AntApp.useApp()
  const [creating, setCreating] = useState(false)
  const [granting, setGranting] = useState<Account | null>(null)
  const [resetting, setResetting] = useState<Account | null>(null)
  const manage = can('accounts.manage')
  const grant = can('roles.manage')
  const failed = (e: Error) => void message.error(e.message)

  return (
    <div className="admin-screen" data-testid="accounts-screen">
      <Card
        title="账号"
        size="small"
        extra={
          manage && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="create-account">
              新建账号
            </Button>
          )
        }
      >
        {accounts.error && <Alert type="error" showIcon message={accounts.error.message} />}
        <Table<Account>
          size="small"
          rowKey="id"
          loading={accounts.isLoading}
          dataSource={accounts.data ?? []}
          pagination={false}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'roleName', render: (v: string, a) => (a.role ? v : <Tag color="orange">未授权</Tag>) },
            { title: '所属单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '全镇' },
            {
              title: '状态',
              render: (_, a) => (
                <Space size={4}>
                  {a.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                  {a.lockedUntil && <Tag color="red">锁定至 {time(a.lockedUntil)}</Tag>}
                  {!a.passwordChangedAt && <Tag color="orange">须改密码</Tag>}
                </Space>
              )
            },
            { title: '最近登录', dataIndex: 'lastLoginAt', render: time },
            {
              title: '操作',
              render: (_, a) => (
                <Space size={4}>
                  {grant && (
                    <Button size="small" onClick={() => setGranting(a)} data-testid={`grant-${a.username}`}>
                      授权
                    </Button>
                  )}
                  {manage && (
                    <Button size="small" onClick={() => setResetting(a)}>
                      重置密码
                    </Button>
                  )}
                  {manage && a.id !== me.account.id && (
                    <Button size="small" danger={a.enabled} onClick={() => m.setEnabled.mutate({ id: a.id, enabled: !a.enabled }, { onError: failed })}>
                      {a.enabled ? '停用' : '启用'}
                    </Button>
                  )}
                </Space>
              )
            }
          ]}
        />
      </Card>
      {can('settings.manage') && <SecuritySettingsCard />}
      {can('backups.manage') && <BackupsCard />}
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      {granting && <GrantModal account={granting} onClose={() => setGranting(null)} />}
      {resetting && <ResetModal account={resetting} onClose={() => setResetting(null)} />}
    </div>
  )
}

function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { create } = useAccountMutations()
  const [form] = Form.useForm()
  return (
    <Modal title="新建账号" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden okText="新建">
      <p className="auth-hint">新账号没有任何权限，由安全管理员授予角色；首次登录须修改初始密码。</p>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => create.mutate(v, { onSuccess: onClose })}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, zodRule(Username)]}>
          <Input autoComplete="off" data-testid="new-username" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input data-testid="new-display-name" />
        </Form.Item>
        <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请输入初始密码' }, passwordRule]}>
          <Input.Password autoComplete="new-password" data-testid="new-password-initial" />
        </Form.Item>
        {create.error && <Alert type="error" showIcon message={create.error.message} />}
      </Form>
    </Modal>
  )
}

function GrantModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { setRole } = useAccountMutations()
  const units = useUnits()
  const [form] = Form.useForm<{ role: Role | null; unitId: number | null }>()
  const role = Form.useWatch('role', form)
  const kind = role ? roleUnitKind[role] : undefined
  return (
    <Modal
      title={`授予角色：${account.displayName}（${account.username}）`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={setRole.isPending}
      okText="授予"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: account.role, unitId: account.unitId }}
        onFinish={(v) => setRole.mutate({ id: account.id, role: v.role ?? null, unitId: kind ? (v.unitId ?? null) : null }, { onSuccess: onClose })}
      >
        <Form.Item label="角色" name="role">
          <Select allowClear placeholder="无（收回全部权限）" options={roles.map((r) => ({ value: r, label: roleNames[r] }))} data-testid="grant-role" />
        </Form.Item>
        {kind && (
          <Form.Item label={`所属${unitKindNames[kind]}`} name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(units.data ?? []).filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name }))}
              data-testid="grant-unit"
            />
          </Form.Item>
        )}
        {setRole.error && <Alert type="error" showIcon message={setRole.error.message} />}
      </Form>
    </Modal>
  )
}

function ResetModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { resetPassword } = useAccountMutations()
  const [form] = Form.useForm()
  return (
    <Modal
      title={`重置密码：${account.displayName}（${account.username}）`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={resetPassword.isPending}
      okText="重置"
    >
      <p className="auth-hint">重置后解除锁定，该账号的会话立即失效，下次登录须修改密码。</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { password: string }) => resetPassword.mutate({ id: account.id, password: v.password }, { onSuccess: onClose })}
      >
        <Form.Item label="新的初始密码" name="password" rules={[{ required: true, message: '请输入密码' }, passwordRule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {resetPassword.error && <Alert type="error" showIcon message={resetPassword.error.message} />}
      </Form>
    </Modal>
  )
}

function SecuritySettingsCard() {
  const settings = useSecuritySettings(true)
  const { setSettings } = useAccountMutations()
  const { message } = AntApp.useApp()
  if (!settings.data) return null
  return (
    <Card title="安全设置" size="small">
      <Form
        layout="inline"
        initialValues={settings.data}
        onFinish={(v) => setSettings.mutate(v, { onSuccess: () => void message.success('安全设置已保存'), onError: (e) => void message.error(e.message) })}
      >
        <Form.Item label="密码有效期（天）" name="passwordMaxAgeDays" rules={[{ required: true }]}>
          <InputNumber min={7} max={365} />
        </Form.Item>
        <Form.Item label="无操作锁屏（分钟）" name="idleLockMinutes" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item
          label="备份目录"
          name="backupFolder"
          tooltip="填写完整路径，如 D:\\网格备份；留空则备份在数据库旁的 shishan-backups 目录"
          normalize={(v: string) => v || null}
          rules={[
            { validator: (_, v: string | null) => (!v || isWholePath(v) ? Promise.resolve() : Promise.reject(new Error('须为完整路径，如 D:\\网格备份'))) }
          ]}
        >
          <Input style={{ width: 260 }} placeholder="默认：数据库旁的 shishan-backups" />
        </Form.Item>
        <Form.Item label="保留份数" name="backupKeep" rules={[{ required: true }]}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item label="每隔（小时）" name="backupEveryHours" tooltip="0 表示不定时备份" rules={[{ required: true }]}>
          <InputNumber min={0} max={168} />
        </Form.Item>
        <Form.Item
          label="可在浏览器中使用的角色"
          name="browserSeatRoles"
          tooltip="联网后，未勾选的角色只能在安装了席位证书的桌面席位（或服务器本机）上登录"
          style={{ width: '100%' }}
        >
          <Checkbox.Group options={roles.map((r) => ({ value: r, label: roleNames[r] }))} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={setSettings.isPending}>
          保存
        </Button>
      </Form>
      <p className="auth-hint">登录、解锁或修改密码时连续输错 5 次，账号锁定 10 分钟；密码至少 8 位，含大写字母、小写字母、数字、符号中的至少三类。</p>
    </Card>
  )
}

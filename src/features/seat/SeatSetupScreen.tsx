// 系统设置 → 本机使用方式: is this PC 单机 (its own store, as the command centre's demo PC) or a
// 联网席位 of the town server (a village, an office, a town department)? For a seat: the server's
// address and the folder of seat files the IT person copied, checked, and a test of the connection.
// Asked on the very first start and reached from the sign-in screen; a save restarts the app.
import { useState } from 'react'
import { Alert, App as AntApp, Button, Form, Input, Radio, Space, Tag } from 'antd'
import { FolderOpenOutlined } from '@ant-design/icons'
import { AuthCard } from '../auth/AuthCard'
import { useChooseSeatFolder, useSaveSeat, useSeatView, useTestSeat } from '../../api/seat'
import type { SeatFolder, SeatView } from '../../../electron/shared/seat'

type Mode = 'standalone' | 'seat'

export function SeatSetupScreen({ first }: { first: boolean }) {
  const view = useSeatView()
  // The form starts from the saved choice, so it waits for it.
  return view ? <SeatSetupForm view={view} first={first} /> : null
}

function SeatSetupForm({ view, first }: { view: SeatView; first: boolean }) {
  const [mode, setMode] = useState<Mode | null>(view.mode === 'unset' ? null : view.mode)
  const [server, setServer] = useState(view.serverUrl ? new URL(view.serverUrl).host : '')
  const [folder, setFolder] = useState<SeatFolder | null>(view.folder && view.seatName ? { folder: view.folder, seatName: view.seatName } : null)
  const choose = useChooseSeatFolder()
  const test = useTestSeat()
  const save = useSaveSeat()
  const { modal } = AntApp.useApp()
  const tested = test.data && test.variables?.server === server && test.variables.folder === folder?.folder
  const canSave = mode === 'standalone' || (mode === 'seat' && server.trim() !== '' && folder !== null)

  const pickFolder = () =>
    choose.mutate(undefined, {
      onSuccess: (picked) => {
        if (picked) setFolder(picked)
      }
    })
  const doSave = () => save.mutate(mode === 'seat' ? { mode, server, folder: folder!.folder } : { mode: 'standalone' })
  const onSave = () => {
    if (mode === 'seat' && !tested)
      modal.confirm({
        title: '尚未连通镇服务器',
        content: '还没有用这些设置成功连接过镇服务器。仍要保存吗？保存后程序会重新启动，连不上时会一直显示“与镇服务器的连接已断开，正在重连”。',
        okText: '仍要保存',
        cancelText: '先测试连接',
        onOk: doSave
      })
    else doSave()
  }

  if (save.isSuccess)
    return (
      <AuthCard title="系统设置 · 本机使用方式" wide>
        <Alert
          type="success"
          showIcon
          message="已保存，正在重新启动…"
          description={mode === 'seat' ? `重新启动后连接镇服务器（${server}）。` : '重新启动后使用本机数据。'}
        />
      </AuthCard>
    )
  return (
    <AuthCard title="系统设置 · 本机使用方式" wide>
      {first && <p className="auth-hint">首次启动：请选择这台电脑的使用方式。以后可在登录页的“系统设置”中更改。</p>}
      {view.problem && <Alert type="error" showIcon message={view.problem} className="auth-error" data-testid="seat-problem" />}
      <Form layout="vertical" requiredMark={false}>
        <Radio.Group className="seat-choice" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <Radio value="standalone" data-testid="seat-mode-standalone">
            单机
            <span className="seat-choice-note">数据保存在本机。用于指挥中心的独立电脑或演示。</span>
          </Radio>
          <Radio value="seat" data-testid="seat-mode-seat">
            联网席位
            <span className="seat-choice-note">连接镇服务器，与各村（社区）、管理处、镇各部门共用一套数据。</span>
          </Radio>
        </Radio.Group>
        {mode === 'seat' && (
          <>
            <Form.Item label="镇服务器地址" extra="由镇信息化管理员提供，如 10.20.30.40:5443 或 shishan-server">
              <Input value={server} onChange={(e) => setServer(e.target.value)} placeholder="10.20.30.40:5443" data-testid="seat-server" />
            </Form.Item>
            <Form.Item label="席位证书" extra="信息化管理员拷给本机的文件夹，内有 ca.crt、本席位的 .crt 和 .key">
              <Space>
                <Button icon={<FolderOpenOutlined />} onClick={pickFolder} loading={choose.isPending} data-testid="seat-folder">
                  选择席位文件夹…
                </Button>
                {folder && (
                  <Tag color="green" data-testid="seat-name">
                    席位：{folder.seatName}
                  </Tag>
                )}
              </Space>
              {folder && <div className="seat-folder">{folder.folder}</div>}
            </Form.Item>
            {choose.error && <Alert type="error" showIcon message={choose.error.message} className="auth-error" data-testid="seat-folder-error" />}
            <Button onClick={() => test.mutate({ server, folder: folder!.folder })} disabled={!canSave} loading={test.isPending} data-testid="seat-test">
              测试连接
            </Button>
            {test.isSuccess && tested && (
              <Alert
                type="success"
                showIcon
                className="auth-actions"
                data-testid="seat-test-result"
                message={`已连接镇服务器（${new URL(test.data.serverUrl).host}，版本 ${test.data.serverVersion}）`}
                description={`本机以席位“${test.data.seatName}”接入，登录后即可办理。`}
              />
            )}
            {test.error && <Alert type="error" showIcon className="auth-actions" message={test.error.message} data-testid="seat-test-result" />}
            {view.mode === 'standalone' && <p className="auth-hint auth-actions">本机原有的数据库保留不动；以后改回“单机”仍可使用。</p>}
          </>
        )}
        {save.error && <Alert type="error" showIcon message={save.error.message} className="auth-actions" />}
        <Space className="auth-actions" style={{ width: '100%', justifyContent: 'flex-end', marginTop: 20 }}>
          {!first && <Button href="#/map">返回</Button>}
          <Button type="primary" disabled={!canSave} loading={save.isPending} onClick={onSave} data-testid="seat-save">
            保存并重新启动
          </Button>
        </Space>
      </Form>
    </AuthCard>
  )
}

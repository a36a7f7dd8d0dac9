// One person's record and roles. ID number and phone stay masked until the officer gives a reason
// to see them for this one record; the reason is logged.
import { useWrite } from '../../api/write'
import { useEffect, useState } from 'react'
import { hukouKinds } from '../../../electron/shared/people'
import { useCan } from '../../api/auth'
import { useUndoMessage } from './undoMessage'
import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag } from 'antd'
import { EditOutlined, EyeOutlined } from '@ant-design/icons'
import type { Output } from '../../../electron/shared/contract'
import { usePerson } from '../../api/people'

type Person = Output<'persons.get'>

/** `edit`: open with the record's form (the registry's 编辑); only for a role that keeps the registry. */
export function PersonDrawer({ personId, onClose, edit = false }: { personId: number | null; onClose: () => void; edit?: boolean }) {
  const person = usePerson(personId)
  const unmask = useWrite('persons.unmask', { invalidates: 'nothing' })
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [full, setFull] = useState<Person | null>(null)
  const canEdit = useCan()('people.write')
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (personId !== null) setEditing(edit && canEdit)
  }, [personId, edit, canEdit])
  const update = useWrite('persons.update', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const undoable = useUndoMessage()
  const save = async () => {
    const v = await form.validateFields()
    // Left empty, the phone (and a masked address) stays as it is.
    const keepIfEmpty = new Set(['phone', ...(shown?.masked ? ['homeAddress'] : [])])
    const patch = Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== undefined && !(keepIfEmpty.has(k) && x === ''))) as Record<string, string>
    try {
      const r = await update.mutateAsync({ id: personId!, version: shown!.version, patch })
      undoable('已保存。', r.batchId)
      setEditing(false)
      setFull(null)
    } catch {
      // shown from update.error
    }
  }
  const shown: Person | undefined = full && full.id === personId ? full : person.data
  const close = () => {
    setFull(null)
    setEditing(false)
    onClose()
  }
  const reveal = async () => {
    try {
      setFull(await unmask.mutateAsync({ id: personId!, reason }))
      setAsking(false)
      setReason('')
    } catch {
      // shown from unmask.error
    }
  }
  return (
    <Drawer
      title={shown ? `${shown.name}${shown.roles ? `（${shown.roles}）` : ''}` : '人员'}
      open={personId !== null}
      onClose={close}
      size={520}
      data-testid="person-drawer"
    >
      {person.error && <Alert type="error" showIcon message={person.error.message} />}
      {shown && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="身份证号">
              <span data-testid="person-id-number">{shown.idNumber ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="手机号码">
              <span data-testid="person-phone">{shown.phone ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="性别">{shown.gender ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="户籍类型">{shown.hukou}</Descriptions.Item>
            <Descriptions.Item label="党员">
              {shown.isPartyMember ? `是${shown.partyRegistration ? `（组织关系在${shown.partyRegistration}）` : ''}` : '否'}
            </Descriptions.Item>
            {shown.partyBranch && <Descriptions.Item label="所在党支部">{shown.partyBranch}</Descriptions.Item>}
            <Descriptions.Item label="居住村居">{shown.village ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="住址">{shown.homeAddress ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="住址所在网格">{shown.homeGrid ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="工作单位">{shown.workUnit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="专长">{shown.specialties ?? '—'}</Descriptions.Item>
            {shown.contactHouseholds > 0 && <Descriptions.Item label="联系户数">{shown.contactHouseholds} 户</Descriptions.Item>}
            {shown.team && <Descriptions.Item label="驻点团队">{shown.team}</Descriptions.Item>}
          </Descriptions>
          {shown.reporting && (
            <Descriptions title="报到" column={1} size="small" bordered>
              <Descriptions.Item label="报到村居">
                {shown.reporting.village}（{shown.reporting.reportedAt}）
              </Descriptions.Item>
              <Descriptions.Item label="党小组">
                {shown.reporting.group ? `${shown.reporting.group}，组长 ${shown.reporting.leader ?? '未定'}` : <Tag color="orange">未编组</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="认领岗位">{shown.reporting.posts ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="服务时长">{shown.reporting.serviceHours} 小时</Descriptions.Item>
            </Descriptions>
          )}
          {shown.reserve && (
            <Descriptions title="储能联系" column={1} size="small" bordered>
              <Descriptions.Item label="单位">{shown.reserve.unit}</Descriptions.Item>
              <Descriptions.Item label="专长">{shown.reserve.specialty ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="居住村居">{shown.reserve.village}</Descriptions.Item>
            </Descriptions>
          )}
          {editing ? (
            <div className="person-edit">
              {update.error && <Alert type="error" showIcon message={update.error.message} style={{ marginBottom: 8 }} />}
              <Form
                form={form}
                layout="vertical"
                initialValues={{
                  homeAddress: shown.masked ? undefined : shown.homeAddress,
                  workUnit: shown.workUnit,
                  specialties: shown.specialties,
                  partyBranch: shown.partyBranch,
                  hukou: shown.hukou
                }}
              >
                <Form.Item name="phone" label="新手机号码（不改则留空）">
                  <Input maxLength={20} data-testid="edit-phone" />
                </Form.Item>
                <Form.Item name="hukou" label="户籍类型">
                  <Select options={hukouKinds.map((x) => ({ value: x, label: x }))} />
                </Form.Item>
                {/* A masked address is not a value to edit: the field starts empty, the current one shown as a hint. */}
                <Form.Item name="homeAddress" label={shown.masked ? '新住址（不改则留空）' : '住址'}>
                  <Input maxLength={100} placeholder={shown.masked ? `当前：${shown.homeAddress ?? '—'}` : undefined} />
                </Form.Item>
                <Form.Item name="workUnit" label="工作单位">
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="partyBranch" label="所在党支部">
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="specialties" label="专长">
                  <Input maxLength={60} />
                </Form.Item>
                <Space>
                  <Button type="primary" onClick={save} loading={update.isPending}>
                    保存
                  </Button>
                  <Button onClick={() => setEditing(false)}>取消</Button>
                </Space>
              </Form>
            </div>
          ) : (
            canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                修改信息
              </Button>
            )
          )}
          {shown.masked ? (
            <Button icon={<EyeOutlined />} onClick={() => setAsking(true)}>
              查看完整证件号和电话
            </Button>
          ) : (
            <Alert type="warning" showIcon message="正在显示完整个人信息；本次查看已记录。关闭后恢复脱敏显示。" />
          )}
        </Space>
      )}
      <Modal
        title="查看完整个人信息"
        open={asking}
        okText="查看"
        onOk={reveal}
        confirmLoading={unmask.isPending}
        onCancel={() => setAsking(false)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        destroyOnHidden
      >
        <p>个人信息受《个人信息保护法》保护。请填写查看事由，系统将记录查看人、时间和事由。</p>
        {unmask.error && <Alert type="error" showIcon message={unmask.error.message} style={{ marginBottom: 8 }} />}
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          maxLength={200}
          placeholder="例如：核对报到回执信息"
          data-testid="unmask-reason"
        />
      </Modal>
    </Drawer>
  )
}

// One household: who contacts it, its visits, and a form to record a new visit (by the village's
// resident team or its contact member). A problem found is kept with the visit.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Table } from 'antd'
import { useUndoMessage } from './undoMessage'
import { useCan } from '../../api/auth'
import dayjs from 'dayjs'
import { useHouseholdVisits } from '../../api/people'
import { PersonPicker } from './PersonPicker'
import { chinaToday } from '../../components/chinaDay'
import type { HouseholdRow } from '../../../electron/shared/people'

export type { HouseholdRow }

export function HouseholdDrawer({ household, onClose }: { household: HouseholdRow | null; onClose: () => void }) {
  const visits = useHouseholdVisits(household?.id ?? null)
  const record = useWrite('visits.record', { invalidates: 'everything' })
  const [by, setBy] = useState<'驻点团队' | '户联系党员'>('驻点团队')
  const setContact = useWrite('households.setContact', { invalidates: 'everything' })
  const [contact, setContactId] = useState<number>()
  const [version, setVersion] = useState<number | null>(null)
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const undoable = useUndoMessage()
  const canWrite = useCan()('people.write')
  const save = async () => {
    const v = await form.validateFields()
    try {
      await record.mutateAsync({
        kind: '入户走访',
        householdId: household!.id,
        date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
        visitorKind: by,
        visitorPersonId: by === '户联系党员' ? (household!.contactPersonId ?? undefined) : undefined,
        notes: v.notes,
        problemFound: v.problemFound
      })
      message.success('已记录走访')
      form.resetFields(['notes', 'problemFound'])
    } catch {
      // shown from record.error
    }
  }
  return (
    <Drawer
      title={household ? `${household.name}（${household.kind}）` : ''}
      open={household !== null}
      onClose={onClose}
      size={560}
      data-testid="household-drawer"
      destroyOnHidden
    >
      {household && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="户编码">{household.code}</Descriptions.Item>
            <Descriptions.Item label="地址">{household.address}</Descriptions.Item>
            <Descriptions.Item label="人数">{household.members}</Descriptions.Item>
            <Descriptions.Item label="所属">
              {household.village} {household.grid ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label="联系党员">{household.contact ?? <span className="error-text">无</span>}</Descriptions.Item>
          </Descriptions>
          {/* The forms are for the roles that keep the registry; a reader sees the record and its visits. */}
          {canWrite && (
            <>
              <div className="contact-change">
                {setContact.error && <Alert type="error" showIcon message={setContact.error.message} style={{ margin: '8px 0' }} />}
                <PersonPicker
                  value={contact}
                  onChange={setContactId}
                  villageUnitId={household.villageUnitId}
                  partyOnly
                  placeholder="更换联系党员：查找本村居党员"
                  testId="contact-picker"
                />
                <Button
                  disabled={!contact}
                  loading={setContact.isPending}
                  onClick={() =>
                    contact &&
                    setContact.mutateAsync({ householdId: household.id, version: version ?? household.version, contactPersonId: contact }).then(
                      (r) => {
                        setVersion(r.version)
                        setContactId(undefined)
                        undoable('已更换联系党员。', r.batchId)
                      },
                      () => null
                    )
                  }
                >
                  指定为联系党员
                </Button>
              </div>
              <h4 className="drawer-section">记录走访</h4>
              {record.error && <Alert type="error" showIcon message={record.error.message} style={{ marginBottom: 8 }} />}
              <Form form={form} layout="vertical" initialValues={{ date: chinaToday() }}>
                <Form.Item label="走访人">
                  <Radio.Group value={by} onChange={(e) => setBy(e.target.value)}>
                    <Radio value="驻点团队">驻点团队</Radio>
                    <Radio value="户联系党员" disabled={!household.contactPersonId}>
                      联系党员{household.contact ? `（${household.contact}）` : ''}
                    </Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                  <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
                </Form.Item>
                <Form.Item name="notes" label="走访情况">
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Form.Item name="problemFound" label="发现的问题（可在事件处置中立案）">
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Button type="primary" onClick={save} loading={record.isPending}>
                  保存走访记录
                </Button>
              </Form>
            </>
          )}
          <h4 className="drawer-section">走访记录（{visits.data?.length ?? 0}）</h4>
          <Table
            size="small"
            rowKey="id"
            loading={visits.isLoading}
            dataSource={visits.data ?? []}
            pagination={{ pageSize: 6, showSizeChanger: false }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '走访人', dataIndex: 'visitor', width: 150 },
              { title: '情况', render: (_: unknown, r) => [r.notes, r.problemFound && `问题：${r.problemFound}`].filter(Boolean).join('；') || '—' }
            ]}
          />
        </>
      )}
    </Drawer>
  )
}

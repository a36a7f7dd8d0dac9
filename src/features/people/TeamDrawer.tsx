// A resident team: its members with their hukou (the rule wants at least two non-Foshan members),
// adding a member or naming a new leader, and removing one.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, Button, Drawer, Popconfirm, Radio, Space, Table, Tag } from 'antd'
import { useTeamMembers } from '../../api/people'
import { PersonPicker } from './PersonPicker'
import { useCan } from '../../api/auth'
import type { Output } from '../../../electron/shared/contract'
import type { TeamRow } from '../../../electron/shared/people'

export type { TeamRow }

type Member = Output<'teams.members'>[number]

export function TeamDrawer({ team, onClose }: { team: TeamRow | null; onClose: () => void }) {
  const canWrite = useCan()('people.write')
  const members = useTeamMembers(team?.id ?? null)
  const add = useWrite('teams.addMember', { invalidates: 'everything' })
  const remove = useWrite('teams.removeMember', { invalidates: 'everything' })
  const [personId, setPersonId] = useState<number>()
  const [role, setRole] = useState<'队员' | '队长'>('队员')
  const nonFoshan = (members.data ?? []).filter((m) => m.hukou === '非佛山户籍').length
  const error = add.error ?? remove.error
  return (
    <Drawer title={team?.name} open={team !== null} onClose={onClose} size={640} destroyOnHidden data-testid="team-drawer">
      {team && (
        <>
          {nonFoshan < 2 ? (
            <Alert
              type="error"
              showIcon
              message={`非佛山户籍成员 ${nonFoshan} 名，不足 2 名：请吸纳非佛山户籍常住人口加入驻点团队`}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert type="success" showIcon message={`非佛山户籍成员 ${nonFoshan} 名，符合每队至少 2 名的要求`} style={{ marginBottom: 12 }} />
          )}
          {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
          <Table
            size="small"
            rowKey="id"
            loading={members.isLoading}
            dataSource={members.data ?? []}
            pagination={false}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '角色', dataIndex: 'role', width: 70, render: (r: string) => (r === '队长' ? <Tag color="blue">队长</Tag> : r) },
              { title: '户籍', dataIndex: 'hukou', width: 110, render: (h: string) => (h === '非佛山户籍' ? <Tag color="purple">{h}</Tag> : h) },
              { title: '电话', dataIndex: 'phone', width: 120 },
              { title: '单位', dataIndex: 'workUnit', ellipsis: true },
              ...(canWrite
                ? [
                    {
                      title: '',
                      width: 60,
                      render: (_: unknown, m: Member) => (
                        <Popconfirm
                          title={`把${m.name}移出团队？`}
                          okText="移出"
                          cancelText="取消"
                          onConfirm={() => remove.mutateAsync({ memberId: m.id }).catch(() => null)}
                        >
                          <Button size="small" type="link" danger>
                            移出
                          </Button>
                        </Popconfirm>
                      )
                    }
                  ]
                : [])
            ]}
          />
          {canWrite && (
            <>
              <h4 className="drawer-section">增加成员</h4>
              <Space wrap>
                <PersonPicker
                  value={personId}
                  onChange={setPersonId}
                  villageUnitId={team.villageUnitId}
                  placeholder="查找本村居居民（姓名或号码末 4 位）"
                  testId="team-person-picker"
                />
                <Radio.Group value={role} onChange={(e) => setRole(e.target.value)} options={['队员', '队长']} />
                <Button
                  type="primary"
                  disabled={!personId}
                  loading={add.isPending}
                  onClick={() =>
                    personId &&
                    add.mutateAsync({ teamId: team.id, personId, role }).then(
                      () => setPersonId(undefined),
                      () => null
                    )
                  }
                >
                  加入团队
                </Button>
              </Space>
            </>
          )}
        </>
      )}
    </Drawer>
  )
}

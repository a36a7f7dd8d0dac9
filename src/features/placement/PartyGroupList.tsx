// The village's party groups: leader, fill against capacity, and the reporting members in each,
// with a hand override (move to another group, or take out of the group).
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Button, Collapse, Empty, Modal, Progress, Select, Space, Spin, Tag } from 'antd'
import type { Output } from '../../../electron/shared/contract'

type Group = Output<'placement.groups'>[number]

export function PartyGroupList({ groups, loading, onDone }: { groups: Group[]; loading: boolean; onDone: (text: string, batchId: number | null) => void }) {
  const [moving, setMoving] = useState<{ memberId: number; name: string; from: number; version: number } | null>(null)
  const [target, setTarget] = useState<number | null>(null)
  const assign = useWrite('placement.assign', { invalidates: 'everything' })
  if (loading) return <Spin />
  if (groups.length === 0) return <Empty description="本村居还没有三级网格（党小组）" />

  const move = async (groupGridId: number | null) => {
    if (!moving) return
    const r = await assign
      .mutateAsync({ memberId: moving.memberId, version: moving.version, groupGridId, reason: groupGridId ? '人工指定' : undefined })
      .catch(() => null)
    if (r) {
      onDone(groupGridId ? `已把${moving.name}编入${groups.find((g) => g.gridId === groupGridId)?.name}。` : `已把${moving.name}移出党小组。`, r.batchId)
      setMoving(null)
      setTarget(null)
    }
  }

  return (
    <>
      <Collapse
        className="group-list"
        size="small"
        items={groups.map((g) => ({
          key: g.gridId,
          label: (
            <div className="group-row" data-testid={`group-${g.gridId}`}>
              <span className="group-name">{g.name}</span>
              <span className="muted">{g.tier2}</span>
              <span>组长 {g.leader ?? <Tag color="orange">未定</Tag>}</span>
              <Progress
                percent={Math.min(100, Math.round((g.total / g.capacity) * 100))}
                status={g.over ? 'exception' : 'normal'}
                size="small"
                showInfo={false}
                style={{ width: 90, margin: 0 }}
              />
              <span className={g.over ? 'error-text' : ''}>
                {g.total}/{g.capacity}
              </span>
              <Tag color={g.reporting.length ? 'blue' : 'default'}>报到 {g.reporting.length}</Tag>
            </div>
          ),
          children: (
            <div>
              <div className="muted">
                社区党员 {g.communityMembers} 人（居住在本网格）；报到党员 {g.reporting.length} 人：
              </div>
              {g.reporting.length === 0 ? (
                <div className="muted">（无）</div>
              ) : (
                <ul className="group-members">
                  {g.reporting.map((m) => (
                    <li key={m.id}>
                      <Space>
                        <span>{m.name}</span>
                        <span className="muted">{m.workUnit}</span>
                        {m.placement === 'manual' ? (
                          <Tag color="purple">人工</Tag>
                        ) : (
                          m.distanceM !== null && <span className="muted">{m.distanceM === 0 ? '住在网格内' : `距 ${m.distanceM} 米`}</span>
                        )}
                        <Button size="small" type="link" onClick={() => setMoving({ memberId: m.id, name: m.name, from: g.gridId, version: m.version })}>
                          调整
                        </Button>
                      </Space>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )
        }))}
      />
      <Modal
        title={moving ? `调整 ${moving.name} 的党小组` : ''}
        open={moving !== null}
        onCancel={() => setMoving(null)}
        destroyOnHidden
        footer={[
          <Button key="out" danger onClick={() => move(null)} loading={assign.isPending}>
            移出党小组
          </Button>,
          <Button key="ok" type="primary" disabled={!target} onClick={() => move(target)} loading={assign.isPending}>
            编入所选党小组
          </Button>
        ]}
      >
        <p className="muted">人工指定可以超过容量，记为“人工”；调整超员时不会移动人工指定的党员。</p>
        {assign.error && <p className="error-text">{assign.error.message}</p>}
        <Select
          style={{ width: '100%' }}
          placeholder="选择本村居的党小组"
          value={target ?? undefined}
          onChange={setTarget}
          options={groups
            .filter((g) => g.gridId !== moving?.from)
            .map((g) => ({ value: g.gridId, label: `${g.name}（${g.total}/${g.capacity}${g.over ? '，已超员' : ''}）` }))}
        />
      </Modal>
    </>
  )
}

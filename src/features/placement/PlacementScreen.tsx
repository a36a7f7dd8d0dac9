// 党员编组: reporting members of a village placed into its party groups (tier-3 grids) by proximity.
// Left: members waiting, each with the suggested group and why; right: the groups, their leader
// (the grid inspector), members and how full they are.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { Alert, App, Button, Empty, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useCan, useMe } from '../../api/auth'
import { useCanUndo, useVillages, usePartyGroups, usePeopleSettings, usePeopleUndo, usePlacementSuggestions } from '../../api/people'
import { VillageSelect } from '../people/VillageSelect'
import { PartyGroupList } from './PartyGroupList'

export function PlacementScreen() {
  const villages = useVillages()
  const [chosen, setVillage] = useState<number | undefined>()
  // Until the officer picks one, open on the village with the most members waiting.
  const villageUnitId = chosen ?? villages.data?.find((v) => v.name === '大学城社区')?.id ?? villages.data?.[0]?.id ?? null
  const suggestions = usePlacementSuggestions(villageUnitId)
  const groups = usePartyGroups(villageUnitId)
  const settings = usePeopleSettings()
  const [capacity, setCapacity] = useState<number | null>(null)
  const place = useWrite('placement.placeSuggested', { invalidates: 'everything' })
  const rebalance = useWrite('placement.rebalance', { invalidates: 'everything' })
  const saveSettings = useWrite('people.setSettings', { invalidates: 'everything' })
  const undo = usePeopleUndo()
  const canUndo = useCanUndo()
  // A reader sees the suggestions and the groups; placing is for the roles that keep the registry,
  // and the capacity is the town's setting (the organisation office's).
  const me = useMe()
  const canPlace = useCan()('people.write')
  const canSetCapacity = canPlace && me.scopeVillageIds === null
  const { message } = App.useApp()
  const waiting = suggestions.data ?? []
  const placeable = waiting.filter((s) => s.groupGridId)
  const over = (groups.data ?? []).filter((g) => g.over && g.reporting.some((m) => m.placement === 'suggested'))
  const error = place.error ?? rebalance.error ?? saveSettings.error ?? suggestions.error ?? groups.error

  const done = (text: string, batchId: number | null) => {
    const key = `placement-${batchId}`
    message.success({
      key,
      duration: 8,
      content: (
        <span>
          {text}
          {batchId && canUndo && (
            <Button
              type="link"
              size="small"
              onClick={() =>
                undo(batchId).then(
                  () => message.success({ key, content: '已撤销' }),
                  (e: Error) => message.error({ key, content: e.message })
                )
              }
            >
              撤销
            </Button>
          )}
        </span>
      )
    })
  }
  const placeMembers = async (memberIds?: number[]) => {
    if (!villageUnitId) return
    const r = await place.mutateAsync({ villageUnitId, memberIds }).catch(() => null)
    if (r) done(`已编入 ${r.placed} 人${r.notPlaced ? `，${r.notPlaced} 人无法按就近原则编组` : ''}。`, r.batchId)
  }

  return (
    <div className="placement-screen">
      <div className="people-toolbar">
        <VillageSelect value={villageUnitId ?? undefined} onChange={(v) => setVillage(v)} />
        <span className="muted">党小组容量</span>
        <InputNumber
          min={5}
          max={200}
          value={capacity ?? settings.data?.partyGroupCapacity}
          onChange={(v) => setCapacity(v)}
          addonAfter="人/组"
          style={{ width: 130 }}
          disabled={!canSetCapacity}
          data-testid="capacity-input"
        />
        {canSetCapacity && (
          <Button
            disabled={capacity === null || capacity === settings.data?.partyGroupCapacity}
            onClick={() =>
              capacity &&
              saveSettings.mutateAsync({ partyGroupCapacity: capacity }).then(
                () => message.success(`党小组容量已改为每组 ${capacity} 人`),
                () => null
              )
            }
          >
            保存容量
          </Button>
        )}
        <span className="people-toolbar-spacer" />
        {over.length > 0 && canPlace && (
          <Button
            danger
            loading={rebalance.isPending}
            onClick={() =>
              villageUnitId &&
              rebalance.mutateAsync({ villageUnitId }).then(
                (r) => done(`已调整 ${r.moved} 人到有空位的党小组。`, r.batchId),
                () => null
              )
            }
            data-testid="rebalance"
          >
            调整超员党小组（{over.length}）
          </Button>
        )}
        {canPlace && (
          <Popconfirm
            title={`把 ${placeable.length} 名报到党员按建议编入党小组？`}
            okText="全部编入"
            cancelText="取消"
            onConfirm={() => placeMembers()}
            disabled={placeable.length === 0}
          >
            <Button type="primary" disabled={placeable.length === 0} loading={place.isPending} data-testid="place-all">
              全部按建议编入（{placeable.length}）
            </Button>
          </Popconfirm>
        )}
      </div>
      {error && <Alert type="error" showIcon message={error.message} className="people-error" />}
      <div className="placement-body">
        <section className="placement-waiting" data-testid="placement-waiting">
          <Typography.Title level={5}>未编组的报到党员（{waiting.length}）</Typography.Title>
          {waiting.length === 0 && !suggestions.isLoading ? (
            <Empty description="本村居的报到党员均已编入党小组" />
          ) : (
            <Table
              size="small"
              rowKey="memberId"
              loading={suggestions.isLoading}
              dataSource={waiting}
              pagination={{ pageSize: 12, showSizeChanger: false }}
              columns={[
                { title: '姓名', dataIndex: 'name', width: 80 },
                { title: '工作单位', dataIndex: 'workUnit', ellipsis: true },
                { title: '报到日期', dataIndex: 'reportedAt', width: 100 },
                {
                  title: '建议党小组',
                  dataIndex: 'group',
                  width: 220,
                  render: (_: unknown, s) =>
                    s.groupGridId ? (
                      <div>
                        <Tag color="blue">{s.group}</Tag>
                        <span className="muted">组长 {s.leader ?? '未定'}</span>
                        <div className="muted">{s.reason}</div>
                      </div>
                    ) : (
                      <span className="error-text">{s.reason}</span>
                    )
                },
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, s) =>
                    s.groupGridId && canPlace ? (
                      <Button size="small" onClick={() => placeMembers([s.memberId])} data-testid={`place-${s.memberId}`}>
                        编入
                      </Button>
                    ) : null
                }
              ]}
            />
          )}
        </section>
        <section className="placement-groups">
          <Space align="baseline">
            <Typography.Title level={5}>党小组（{groups.data?.length ?? 0}）</Typography.Title>
            <span className="muted">组长为该三级网格的网格巡查员；人数含居住在网格内的社区党员</span>
          </Space>
          <PartyGroupList groups={groups.data ?? []} loading={groups.isLoading} onDone={done} />
        </section>
      </div>
    </div>
  )
}

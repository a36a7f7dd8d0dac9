// 类别与流转规则: the town edits its category list (add, retire, order) and, per category and
// urgency, the default handling level, whether a level may be skipped, the time limits of each
// stage and the warning point. Saved in one call; the core checks every row and names the bad one.
import { useWrite } from '../../api/write'
import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, ConfigProvider, Drawer, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag } from 'antd'
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { Output } from '../../../electron/shared/contract'
import { useRoutingRules } from '../../api/issues'
import { useCan } from '../../api/auth'
import { levelName } from './labels'

type Rule = Output<'routing.rules.get'>['rules'][number]
const ruleKey = (r: Pick<Rule, 'category' | 'urgency'>) => `${r.category}·${r.urgency}`

export function RoutingRulesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const saved = useRoutingRules()
  // A role that may not set the rules (the leader, the clerks) reads them: no control it cannot use.
  const editable = useCan()('issues.configure')
  const save = useWrite('routing.rules.set', { invalidates: 'everything' })
  const { message } = App.useApp()
  const [categories, setCategories] = useState<string[]>([])
  const [rules, setRules] = useState<Rule[]>([])
  const [newName, setNewName] = useState('')
  const load = (data: Output<'routing.rules.get'>) => {
    setCategories(data.categories.filter((c) => c.active).map((c) => c.name))
    setRules(data.rules as Rule[])
  }
  // Edits start from what is stored when the drawer opens; a background refetch must not wipe them.
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    if (!open) setLoaded(false)
    else if (saved.data && !loaded) {
      load(saved.data)
      setLoaded(true)
    }
  }, [saved.data, open, loaded])

  const changed = useMemo(() => {
    const before = new Map((saved.data?.rules ?? []).map((r) => [ruleKey(r as Rule), JSON.stringify(r)]))
    return rules.filter((r) => before.get(ruleKey(r)) !== JSON.stringify(r) && categories.includes(r.category))
  }, [rules, saved.data, categories])
  const categoriesChanged = JSON.stringify(categories) !== JSON.stringify((saved.data?.categories ?? []).filter((c) => c.active).map((c) => c.name))
  const setRule = (key: string, patch: Partial<Rule>) => setRules((rs) => rs.map((r) => (ruleKey(r) === key ? { ...r, ...patch } : r)))
  const move = (i: number, by: number) =>
    setCategories((cs) => {
      const next = [...cs]
      ;[next[i], next[i + by]] = [next[i + by], next[i]]
      return next
    })
  const addCategory = () => {
    const name = newName.trim()
    if (name.length < 2 || categories.includes(name)) return
    setCategories([...categories, name])
    setNewName('')
  }
  const submit = async () => {
    try {
      load(await save.mutateAsync({ categories: categoriesChanged ? categories : undefined, rules: changed.length ? changed : undefined }))
      message.success('流转规则已保存，新登记和新环节的事件按新规则计算期限')
    } catch {
      // shown from save.error
    }
  }
  const hours = (field: 'acceptHours' | 'handleHours' | 'verifyHours') => (v: number, r: Rule) => (
    <InputNumber
      size="small"
      min={1}
      max={8760}
      value={v}
      onChange={(x) => x && setRule(ruleKey(r), { [field]: x })}
      suffix="小时"
      style={{ width: 100 }}
      aria-label={`${ruleKey(r)} ${field}`}
    />
  )
  const shownRules = rules.filter((r) => categories.includes(r.category)).sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category))

  return (
    <Drawer
      title="事件类别与流转规则"
      open={open}
      onClose={onClose}
      size={980}
      destroyOnHidden
      data-testid="routing-rules"
      extra={
        editable ? (
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={!categoriesChanged && changed.length === 0} data-testid="save-rules">
            保存{changed.length ? `（${changed.length} 条规则）` : ''}
          </Button>
        ) : (
          <Tag data-testid="rules-read-only">只读</Tag>
        )
      }
    >
      <ConfigProvider componentDisabled={!editable}>
        {save.error && <Alert type="error" showIcon message={save.error.message} style={{ marginBottom: 12 }} data-testid="rules-error" />}
        <Tabs
          items={[
            {
              key: 'rules',
              label: '流转规则',
              children: (
                <>
                  <p className="muted">
                    按“类别 ×
                    紧急程度”确定新事件交给哪一级处置、可否越级上报，以及受理、办理、核查各环节的时限；超过预警点（时限的百分比）标黄，超过时限标红。修改只影响之后开始的环节。
                  </p>
                  <Table<Rule>
                    size="small"
                    rowKey={ruleKey}
                    dataSource={shownRules}
                    pagination={false}
                    scroll={{ y: 'calc(100vh - 260px)' }}
                    rowClassName={(r) => (changed.some((c) => ruleKey(c) === ruleKey(r)) ? 'rule-changed' : '')}
                    columns={[
                      {
                        title: '类别',
                        dataIndex: 'category',
                        width: 120,
                        onCell: (r, i) => ({
                          rowSpan:
                            i !== undefined && shownRules[i - 1]?.category === r.category ? 0 : shownRules.filter((x) => x.category === r.category).length
                        })
                      },
                      {
                        title: '紧急程度',
                        dataIndex: 'urgency',
                        width: 80,
                        render: (u: string) => <Tag color={u === '紧急' ? 'red' : u === '较急' ? 'orange' : 'default'}>{u}</Tag>
                      },
                      {
                        title: '默认处置层级',
                        dataIndex: 'defaultLevel',
                        width: 120,
                        render: (v: number, r) => (
                          <Select
                            size="small"
                            value={v}
                            style={{ width: 100 }}
                            onChange={(x) => setRule(ruleKey(r), { defaultLevel: x })}
                            options={[1, 2, 3, 4].map((l) => ({ value: l, label: levelName[l] }))}
                            aria-label={`${ruleKey(r)} 默认处置层级`}
                          />
                        )
                      },
                      {
                        title: '可越级',
                        dataIndex: 'skipAllowed',
                        width: 70,
                        render: (v: boolean, r) => (
                          <Switch size="small" checked={v} onChange={(x) => setRule(ruleKey(r), { skipAllowed: x })} aria-label={`${ruleKey(r)} 可越级`} />
                        )
                      },
                      { title: '受理时限', dataIndex: 'acceptHours', width: 115, render: hours('acceptHours') },
                      { title: '办理时限', dataIndex: 'handleHours', width: 115, render: hours('handleHours') },
                      { title: '核查时限', dataIndex: 'verifyHours', width: 115, render: hours('verifyHours') },
                      {
                        title: '预警点',
                        dataIndex: 'warnPercent',
                        width: 95,
                        render: (v: number, r) => (
                          <InputNumber
                            size="small"
                            min={10}
                            max={95}
                            value={v}
                            onChange={(x) => x && setRule(ruleKey(r), { warnPercent: x })}
                            suffix="%"
                            style={{ width: 80 }}
                            aria-label={`${ruleKey(r)} 预警点`}
                          />
                        )
                      }
                    ]}
                  />
                </>
              )
            },
            {
              key: 'categories',
              label: `事件类别（${categories.length}）`,
              children: (
                <div className="category-editor">
                  <p className="muted">
                    登记事件时可选的类别及其顺序。停用的类别不再出现在登记表中，已有事件保留原类别；新类别默认由村居处置，时限可在“流转规则”中调整。
                  </p>
                  {categories.map((c, i) => (
                    <div key={c} className="category-row" data-testid="category-row">
                      <span>{c}</span>
                      {editable && (
                        <Space>
                          <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`上移 ${c}`} />
                          <Button
                            size="small"
                            icon={<ArrowDownOutlined />}
                            disabled={i === categories.length - 1}
                            onClick={() => move(i, 1)}
                            aria-label={`下移 ${c}`}
                          />
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            disabled={categories.length === 1}
                            onClick={() => setCategories(categories.filter((x) => x !== c))}
                          >
                            停用
                          </Button>
                        </Space>
                      )}
                    </div>
                  ))}
                  {editable && (
                    <Space.Compact style={{ marginTop: 12, width: 320 }}>
                      <Input
                        placeholder="新类别名称（2–20 字）"
                        maxLength={20}
                        value={newName}
                        onChange={(e) => setNewName(e.target.value)}
                        onPressEnter={addCategory}
                        data-testid="new-category"
                      />
                      <Button icon={<PlusOutlined />} onClick={addCategory} disabled={newName.trim().length < 2 || categories.includes(newName.trim())}>
                        添加
                      </Button>
                    </Space.Compact>
                  )}
                </div>
              )
            }
          ]}
        />
      </ConfigProvider>
    </Drawer>
  )
}

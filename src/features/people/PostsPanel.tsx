// 设岗定责 in 人员台账: the year's figures and the posts nobody holds (town or village); for a chosen
// village its posts — reporting members' volunteer posts and the posts of its own members without
// office — with who holds each, a new post, a member claiming one, and the yearly review.
import { useState } from 'react'
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Popover, Select, Space, Statistic, Table, Tag } from 'antd'
import type { Output } from '../../../electron/shared/contract'
import { useCan, useMe } from '../../api/auth'
import { UploadOutlined } from '@ant-design/icons'
import { FeatureLedgerImport } from '../../components/FeatureLedgerImport'
import { ExportButton } from '../../components/ExportButton'
import { useMemberClaims, usePostFigures, usePosts } from '../../api/people'
import { useWrite } from '../../api/write'
import { chinaToday } from '../../components/chinaDay'
import { contractRules } from '../../components/zodRule'
import { PersonPicker } from './PersonPicker'
import { RuleLine } from '../../components/RuleLine'

type Post = Output<'posts.list'>[number]
const ratings = ['优秀', '合格', '基本合格', '不合格'] as const

export function PostsPanel({ villageUnitId }: { villageUnitId?: number }) {
  const year = chinaToday().year()
  const figures = usePostFigures(year, villageUnitId)
  const posts = usePosts(villageUnitId ?? null)
  const can = useCan()
  const [creating, setCreating] = useState(false)
  const [claiming, setClaiming] = useState<Post | null>(null)
  const [importing, setImporting] = useState(false)
  const me = useMe()
  const f = figures.data
  return (
    <div className="posts-panel" data-testid="posts-panel">
      <div className="people-toolbar">
        {f && (
          <div className="issue-kpis" data-testid="post-figures">
            <Statistic title="无职党员岗位" value={f.posts} />
            <Statistic title="已有人领岗" value={f.claimedPosts} />
            <Statistic title="在岗无职党员" value={f.members} />
            <Statistic title={`${year}年已考评`} value={f.reviewed} suffix={<span className="muted">优秀 {f.excellent}</span>} />
          </div>
        )}
        <span className="people-toolbar-spacer" />
        {f && (
          <Popover
            trigger="click"
            title={`无人认领的岗位（${f.unclaimed.length}）`}
            content={
              <ul className="heads-missing">
                {f.unclaimed.slice(0, 30).map((u) => (
                  <li key={u.postId}>
                    {u.village} · {u.name}（{u.audience}）
                  </li>
                ))}
                {f.unclaimed.length > 30 && <li className="muted">另有 {f.unclaimed.length - 30} 个……</li>}
              </ul>
            }
          >
            <Button danger={f.unclaimed.length > 0} data-testid="posts-unclaimed">
              无人认领的岗位 {f.unclaimed.length}
            </Button>
          </Popover>
        )}
        <ExportButton method="posts.export" input={{ villageUnitId }} testId="posts-export" />
        {/* The villages' ledgers are imported by the town (posts.import); a clerk sees no 导入. */}
        {can('people.write') && me.scopeVillageIds === null && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="post-import-button">
            导入台账
          </Button>
        )}
        {can('people.write') && villageUnitId && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-post">
            新设岗位
          </Button>
        )}
      </div>
      {!villageUnitId ? (
        <Empty description="请在左上角选择村居，查看和维护它的岗位" />
      ) : (
        <Table<Post>
          size="small"
          rowKey="id"
          loading={posts.isLoading}
          // Newest first: a post just set is at the top.
          dataSource={[...(posts.data ?? [])].reverse()}
          pagination={{ pageSize: 12, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (p) => (p.audience === '无职党员' ? <MemberClaims post={p} /> : <span className="muted">报到党员在“报到党员”台账中认领</span>)
          }}
          columns={[
            { title: '岗位', dataIndex: 'name' },
            { title: '对象', dataIndex: 'audience', width: 96, render: (a: string) => <Tag color={a === '无职党员' ? 'purple' : 'blue'}>{a}</Tag> },
            { title: '职责', dataIndex: 'description', render: (d: string | null) => d ?? '—' },
            { title: '认领', width: 90, render: (_: unknown, p) => `${p.claimed} / ${p.capacity}` },
            { title: '领岗党员', dataIndex: 'members', render: (m: string | null) => m ?? '—' },
            {
              title: '',
              width: 90,
              render: (_: unknown, p) =>
                can('people.write') && p.audience === '无职党员' && p.claimed < p.capacity ? (
                  <Button size="small" onClick={() => setClaiming(p)} data-testid={`claim-post-${p.id}`}>
                    领岗
                  </Button>
                ) : null
            }
          ]}
          data-testid="posts-table"
        />
      )}
      {importing && (
        <FeatureLedgerImport
          feature="posts"
          title="导入设岗定责台账"
          kinds={[{ value: 'memberPosts', label: '设岗定责台账' }]}
          hint="先校验每一行，确认后一次性导入：新的岗位按台账设立，填写了党员的行登记领岗"
          testIdPrefix="post-import"
          onClose={() => setImporting(false)}
        />
      )}
      {creating && villageUnitId && <NewPostModal villageUnitId={villageUnitId} onClose={() => setCreating(false)} />}
      {claiming && villageUnitId && <ClaimModal post={claiming} villageUnitId={villageUnitId} onClose={() => setClaiming(null)} />}
    </div>
  )
}

function NewPostModal({ villageUnitId, onClose }: { villageUnitId: number; onClose: () => void }) {
  const create = useWrite('posts.create', { invalidates: 'everything' })
  const [form] = Form.useForm()
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    const v = await form.validateFields()
    try {
      await create.mutateAsync({ villageUnitId, name: v.name, capacity: v.capacity, audience: v.audience, description: v.description?.trim() || undefined })
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal title="新设岗位" open onCancel={onClose} onOk={submit} okText="设立" confirmLoading={create.isPending} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ audience: '无职党员', capacity: 2 }}>
        <Form.Item name="name" label="岗位名称" rules={contractRules('posts.create', 'name')}>
          <Input maxLength={30} placeholder="如：楼道消防巡查岗" data-testid="post-name" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="audience" label="对象">
            <Select
              style={{ width: 140 }}
              options={[
                { value: '无职党员', label: '本村居无职党员' },
                { value: '报到党员', label: '报到党员' }
              ]}
            />
          </Form.Item>
          <Form.Item name="capacity" label="人数" rules={[{ required: true, message: '请填写人数' }]}>
            <InputNumber min={1} max={500} precision={0} />
          </Form.Item>
        </div>
        <Form.Item name="description" label="岗位职责">
          <Input.TextArea rows={2} maxLength={200} data-testid="post-duties" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function ClaimModal({ post, villageUnitId, onClose }: { post: Post; villageUnitId: number; onClose: () => void }) {
  const claim = useWrite('posts.claimByMember', { invalidates: 'everything' })
  const [personId, setPersonId] = useState<number | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    if (!personId) return setProblem('请选择领岗的党员')
    try {
      await claim.mutateAsync({ postId: post.id, personId })
      onClose()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal title={`领岗 · ${post.name}`} open onCancel={onClose} onOk={submit} okText="领岗" confirmLoading={claim.isPending} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="claim-error" />}
      <p className="muted">本村（社区）组织关系在村居的党员，按姓名或号码末 4 位查找。</p>
      <PersonPicker villageUnitId={villageUnitId} partyOnly onChange={setPersonId} testId="claim-person" />
    </Modal>
  )
}

function MemberClaims({ post }: { post: Post }) {
  const claims = useMemberClaims(post.id)
  const review = useWrite('posts.review', { invalidates: ['posts.memberClaims', 'posts.figures'] })
  const can = useCan()
  const { message } = App.useApp()
  const year = chinaToday().year()
  if (!claims.data?.length) return <span className="muted">尚无人领岗</span>
  return (
    <ul className="post-claims">
      {claims.data.map((c) => {
        const done = c.reviews.find((r) => r.year === year)
        return (
          <li key={c.claimId} data-testid="post-claim">
            <b>{c.name}</b>{' '}
            <span className="muted">
              {c.claimedOn} 领岗{c.endedOn ? `，${c.endedOn} 离岗` : ''}
            </span>{' '}
            {c.reviews.map((r) => (
              <Tag key={r.year} color={r.rating === '优秀' ? 'green' : r.rating === '不合格' ? 'red' : undefined}>
                {r.year} {r.rating}
              </Tag>
            ))}
            {!done && !c.endedOn && can('people.write') && (
              <Space size={4}>
                <span className="muted">{year}年考评：</span>
                <Select
                  size="small"
                  style={{ width: 100 }}
                  placeholder="选择"
                  options={ratings.map((r) => ({ value: r, label: r }))}
                  onChange={(rating) => review.mutateAsync({ claimId: c.claimId, year, rating }).catch((e: Error) => message.error(e.message))}
                  data-testid="post-review"
                />
              </Space>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** 规则检查's line for 设岗定责: the posts nobody holds, and where to see them. */
export function PostsRule({ villageUnitId, onOpen }: { villageUnitId?: number; onOpen: () => void }) {
  const figures = usePostFigures(chinaToday().year(), villageUnitId)
  if (!figures.data) return null
  const n = figures.data.unclaimed.length
  return <RuleLine testId="posts-rule" onOpen={onOpen} problems={n ? `设岗定责：${n} 个岗位无人认领` : null} ok="设岗定责：每个岗位都有人认领" />
}

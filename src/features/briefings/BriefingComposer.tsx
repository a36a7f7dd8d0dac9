// 编写简报: choose the kind, period and scope; the core fills every section from the store. The
// officer keeps, drops and orders sections, edits the paragraphs, writes 下一步工作, and issues it —
// after which it is numbered and frozen. The preview on the right is the printed document.
import { useWrite } from '../../api/write'
import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Checkbox, DatePicker, Empty, Input, Modal, Segmented, Select, Space, Spin } from 'antd'
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import dayjs, { type Dayjs } from 'dayjs'
import { briefingKinds, type BriefingDocument } from '../../../electron/shared/briefing'
import { useComposedBriefing, type BriefingRequest } from '../../api/briefings'
import { useUnits } from '../../api/issues'
import { useMe, useOwnUnit } from '../../api/auth'
import { BriefingDocumentView } from './BriefingDocumentView'
import { chinaToday } from '../../components/chinaDay'

type Kind = BriefingDocument['kind']
type Edit = { key: BriefingDocument['sections'][number]['key']; heading: string; include: boolean; text: string }
const pickerOf: Record<Kind, 'week' | 'month' | 'quarter' | 'year' | undefined> = {
  周报: 'week',
  月报: 'month',
  季报: 'quarter',
  年报: 'year',
  专报: undefined
}
const toText = (paragraphs: string[]) => paragraphs.join('\n')
const toParagraphs = (text: string) =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)

export function BriefingComposer({ onIssued }: { onIssued: (id: number) => void }) {
  const units = useUnits()
  // Back on the screen, the briefing being written is there again, with its choices.
  const [last] = useState<BriefingRequest | null>(() => JSON.parse(localStorage.getItem('briefing.lastRequest') ?? 'null'))
  const [kind, setKind] = useState<Kind>(last?.kind ?? '月报')
  const [anchor, setAnchor] = useState<Dayjs>(last?.anchor ? dayjs(last.anchor) : chinaToday())
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(last?.from && last.to ? [dayjs(last.from), dayjs(last.to)] : null)
  const me = useMe()
  // A clerk writes briefings of their own unit and villages; the town is not theirs to report on.
  const ownUnit = useOwnUnit()
  const inReach = (id: number) => !me.scopeVillageIds || id === ownUnit || me.scopeVillageIds.includes(id)
  const [scope, setScope] = useState<number | undefined>(
    last?.scopeUnitId !== undefined && inReach(last.scopeUnitId) ? last.scopeUnitId : (ownUnit ?? undefined)
  )
  const [request, setRequest] = useState<BriefingRequest | null>(last)
  const composed = useComposedBriefing(request)
  const [edits, setEdits] = useState<Edit[]>([])
  const issue = useWrite('briefings.issue', { invalidates: 'everything' })
  const { message } = App.useApp()
  const [confirming, setConfirming] = useState(false)

  // A draft survives leaving the screen or closing the app: the officer's order, choices and words
  // are kept on this machine per kind, period and scope until the briefing is issued.
  const draftKey = request ? `briefing.draft:${JSON.stringify(request)}` : null
  useEffect(() => {
    if (!composed.data) return
    const fresh = composed.data.sections.map((s) => ({ key: s.key, heading: s.heading, include: true, text: toText(s.paragraphs) }))
    const saved = draftKey ? (JSON.parse(localStorage.getItem(draftKey) ?? 'null') as Edit[] | null) : null
    setEdits(saved && saved.length === fresh.length && saved.every((e) => fresh.some((f) => f.key === e.key)) ? saved : fresh)
  }, [composed.data, draftKey])
  useEffect(() => {
    if (draftKey && edits.length) localStorage.setItem(draftKey, JSON.stringify(edits))
  }, [draftKey, edits])
  useEffect(() => {
    if (request) localStorage.setItem('briefing.lastRequest', JSON.stringify(request))
  }, [request])

  const compose = () =>
    setRequest(
      kind === '专报'
        ? { kind, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD'), scopeUnitId: scope }
        : { kind, anchor: anchor.format('YYYY-MM-DD'), scopeUnitId: scope }
    )
  const preview = useMemo<BriefingDocument | null>(() => {
    if (!composed.data) return null
    const byKey = new Map(composed.data.sections.map((s) => [s.key, s]))
    return { ...composed.data, sections: edits.filter((e) => e.include).map((e) => ({ ...byKey.get(e.key)!, paragraphs: toParagraphs(e.text) })) }
  }, [composed.data, edits])
  const setEdit = (i: number, patch: Partial<Edit>) => setEdits(edits.map((e, k) => (k === i ? { ...e, ...patch } : e)))
  const move = (i: number, by: number) => {
    const next = [...edits]
    ;[next[i], next[i + by]] = [next[i + by], next[i]]
    setEdits(next)
  }
  const submit = async () => {
    try {
      const r = await issue.mutateAsync({
        ...request!,
        sections: edits.filter((e) => e.include).map((e) => ({ key: e.key, paragraphs: toParagraphs(e.text) }))
      })
      setConfirming(false)
      if (draftKey) localStorage.removeItem(draftKey)
      localStorage.removeItem('briefing.lastRequest')
      message.success(`已签发 ${r.year}年第${r.number}期`)
      onIssued(r.id)
    } catch {
      // shown in the dialog from issue.error
    }
  }
  const scopeOptions = [
    ...(ownUnit ? [] : [{ value: 0, label: '全镇' }]),
    ...(units.data ?? [])
      .filter((u) => (u.kind === 'office' || u.kind === 'village') && inReach(u.id))
      .map((u) => ({ value: u.id, label: u.kind === 'office' ? u.name : `\u3000${u.name}` }))
  ]

  return (
    <div className="briefing-composer">
      <div className="briefing-editor">
        <Space wrap className="briefing-choice">
          <Segmented value={kind} onChange={(k) => setKind(k as Kind)} options={[...briefingKinds]} data-testid="briefing-kind" />
          {kind === '专报' ? (
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} />
          ) : (
            <DatePicker picker={pickerOf[kind]} value={anchor} allowClear={false} onChange={(d) => d && setAnchor(d)} data-testid="briefing-period" />
          )}
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            value={scope ?? 0}
            onChange={(v) => setScope(v || undefined)}
            options={scopeOptions}
            data-testid="briefing-scope"
          />
          <Button type="primary" onClick={compose} disabled={kind === '专报' && !range} data-testid="compose-briefing">
            生成简报
          </Button>
        </Space>
        {composed.error && <Alert type="error" showIcon message={composed.error.message} data-testid="compose-error" />}
        {composed.isFetching && <Spin />}
        {preview && (
          <>
            <p className="muted">各部分可勾选、调整顺序；文字可直接修改（每行一段）。数字以签发时的数据为准。</p>
            {edits.map((e, i) => (
              <div key={e.key} className={`briefing-edit${e.include ? '' : ' briefing-edit-off'}`} data-testid={`edit-${e.key}`}>
                <div className="briefing-edit-head">
                  <Checkbox checked={e.include} onChange={(x) => setEdit(i, { include: x.target.checked })}>
                    <strong>{e.heading}</strong>
                  </Checkbox>
                  <Space>
                    <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`上移 ${e.heading}`} />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={i === edits.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`下移 ${e.heading}`}
                    />
                  </Space>
                </div>
                {e.include && (
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 10 }}
                    value={e.text}
                    maxLength={8000}
                    placeholder={e.key === 'nextSteps' ? '一是……；二是……；三是……（签发前必须填写）' : '（本部分无文字）'}
                    onChange={(x) => setEdit(i, { text: x.target.value })}
                    aria-label={`${e.heading}文字`}
                  />
                )}
              </div>
            ))}
            {/* Issuing is the organisation office's and the command centre's; other roles compose and preview, with no hint about it. */}
            {me.capabilities.includes('briefings.write') && (
              <Button type="primary" size="large" onClick={() => setConfirming(true)} disabled={!edits.some((e) => e.include)} data-testid="issue-briefing">
                签发
              </Button>
            )}
          </>
        )}
        {!preview && !composed.isFetching && !composed.error && <Empty description="选择类型、期间和范围后生成简报" />}
      </div>
      <div className="briefing-preview">{preview && <BriefingDocumentView doc={preview} />}</div>
      <Modal title="签发简报" open={confirming} onCancel={() => setConfirming(false)} onOk={submit} okText="签发" confirmLoading={issue.isPending}>
        {issue.error && <Alert type="error" showIcon message={issue.error.message} style={{ marginBottom: 8 }} data-testid="issue-error" />}
        <p>签发后将按年编号（第N期），数字、表格、图和文字全部冻结，之后重印内容不变。确定签发？</p>
      </Modal>
    </div>
  )
}

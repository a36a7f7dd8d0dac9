// 人员台账: the five registries (persons, household contact, resident teams, reporting members,
// reserve contacts) and the rule check, scoped to a village, searched and filtered in the store.
import { useWrite } from '../../api/write'
import { useState } from 'react'
import { useCan, useMe } from '../../api/auth'
import { NewPersonModal } from './NewPersonModal'
import { Alert, App, Button, Input, Select, Space, Tabs, Tag } from 'antd'
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import type { RegistryName } from '../../../electron/shared/people'
import { usePeopleCheck, type RegistryFilter } from '../../api/people'
import { saveFile } from '../../api/download'
import { VillageSelect } from './VillageSelect'
import { RegistryTable } from './RegistryTable'
import { registryFilters, registryTitles } from './registryColumns'
import { PersonDrawer } from './PersonDrawer'
import { PeopleImportModal } from './PeopleImportModal'
import { RulesPanel } from './RulesPanel'
import { HouseholdDrawer, type HouseholdRow } from './HouseholdDrawer'
import { ReportingDrawer, type ReportingRow } from './ReportingDrawer'
import { VisitStatsPanel } from './VisitStatsPanel'
import { HeadsPanel } from '../heads/HeadsPanel'
import { HeadsRule } from '../heads/HeadsRule'
import { PostsPanel, PostsRule } from './PostsPanel'
import { NoticeHistory, SendNoticeModal } from './ReserveNotices'
import { RegisterReportingModal } from './RegisterReportingModal'
import { TeamDrawer, type TeamRow } from './TeamDrawer'

type Tab = RegistryName | 'rules' | 'visits' | 'heads' | 'posts'
const registries: RegistryName[] = ['persons', 'households', 'teams', 'reporting', 'reserve']

export function PeopleScreen() {
  // Coming back from a printout (or another screen) returns to the same registry.
  const [tab, setTabState] = useState<Tab>(() => (sessionStorage.getItem('people.tab') as Tab | null) ?? 'persons')
  const setTab = (t: Tab) => {
    sessionStorage.setItem('people.tab', t)
    setTabState(t)
  }
  const me = useMe()
  const [chosenVillage, setVillage] = useState<number | undefined>()
  // A clerk works one of their own villages at a time (the first until they choose); the town sees all.
  const villageUnitId = chosenVillage ?? me.scopeVillageIds?.[0]
  // Each registry keeps its own quick search, shown in its box: a search never silently carries over to another tab.
  const [typed, setTyped] = useState<Partial<Record<Tab, string>>>({})
  const [searched, setSearched] = useState<Partial<Record<Tab, string>>>({})
  const [filters, setFilters] = useState<Record<string, Record<string, string | number | boolean>>>({})
  const [total, setTotal] = useState<number | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [personId, setPersonId] = useState<number | null>(null)
  const [editPerson, setEditPerson] = useState(false)
  const [adding, setAdding] = useState(false)
  const can = useCan()
  const canWrite = can('people.write')
  // people.import is the town's: a clerk with people.write is refused it by scope.
  const canImport = canWrite && me.scopeVillageIds === null
  const [importing, setImporting] = useState(false)
  const [household, setHousehold] = useState<HouseholdRow | null>(null)
  const [member, setMember] = useState<ReportingRow | null>(null)
  const [sending, setSending] = useState(false)
  const [history, setHistory] = useState(false)
  const [registering, setRegistering] = useState(false)
  const [team, setTeam] = useState<TeamRow | null>(null)
  const exporter = useWrite('people.export', { invalidates: 'nothing' })
  const registry = tab === 'rules' || tab === 'visits' || tab === 'heads' || tab === 'posts' ? null : tab
  // The rules check (the 规则检查 tab's count) is asked once the registry has drawn its first page (its
  // total is known): the store answers one call at a time, and the check of a whole town (≈100 ms)
  // would hold the list back. Its last answer stays shown meanwhile.
  const check = usePeopleCheck(villageUnitId, total !== null || registry === null)
  const { message } = App.useApp()
  const problems = check.data?.problems.length ?? 0

  const q = registry ? (searched[registry] ?? '') : ''
  const filter: RegistryFilter = { q: q.trim() || undefined, villageUnitId, filters: registry ? filters[registry] : undefined }
  const setFilter = (key: string, value: string | number | boolean | undefined) => {
    if (!registry) return
    const next = { ...(filters[registry] ?? {}) }
    if (value === undefined) delete next[key]
    else next[key] = value
    setFilters({ ...filters, [registry]: next })
  }
  const exportView = async () => {
    if (!registry) return
    try {
      const file = await exporter.mutateAsync({ registry, query: filter })
      saveFile(file)
      message.success(`已导出 ${file.count} 条（证件号和电话已脱敏）`)
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  return (
    <div className="people-screen">
      <div className="people-toolbar">
        <VillageSelect value={villageUnitId} onChange={setVillage} allowClear={!me.scopeVillageIds} placeholder="全镇（可选村居）" />
        {registry && (
          <Input.Search
            className="people-search"
            allowClear
            placeholder={registry === 'households' ? '户主/单位名称或户编码' : registry === 'teams' ? '团队名称' : '姓名、号码末 4 位或完整号码'}
            value={typed[registry] ?? ''}
            onChange={(e) => setTyped({ ...typed, [registry]: e.target.value })}
            onSearch={(v) => setSearched({ ...searched, [registry]: v })}
            data-testid="people-search"
          />
        )}
        {registry &&
          registryFilters[registry].map((f) => (
            <Select
              key={`${registry}-${f.key}`}
              allowClear
              style={{ width: 130 }}
              placeholder={f.label}
              value={filters[registry]?.[f.key] as string | undefined}
              onChange={(v) => setFilter(f.key, v)}
              options={f.options.map((o) => ({ value: o.value as string, label: o.label }))}
              data-testid={`filter-${f.key}`}
            />
          ))}
        <span className="people-toolbar-spacer" />
        {registry === 'persons' && canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-person-button">
            新增
          </Button>
        )}
        {registry === 'reporting' && canWrite && (
          <Button onClick={() => setRegistering(true)} data-testid="register-reporting">
            登记报到
          </Button>
        )}
        {registry === 'reserve' && (
          <>
            {canWrite && (
              <Button onClick={() => setSending(true)} data-testid="send-notice">
                发送通知
              </Button>
            )}
            <Button onClick={() => setHistory(true)}>通知记录</Button>
          </>
        )}
        {registry && total !== null && (
          <span className="muted" data-testid="registry-total">
            共 {total.toLocaleString('zh-CN')} 条
          </span>
        )}
        {registry && (
          <Button icon={<DownloadOutlined />} onClick={exportView} loading={exporter.isPending}>
            导出 Excel
          </Button>
        )}
        {/* Only the organisation office imports registries (people.import); other roles see no 导入. */}
        {canImport && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon message={error.message} className="people-error" />}
      <Tabs
        className="people-tabs"
        activeKey={tab}
        onChange={(k) => {
          setTab(k as Tab)
          setTotal(null)
        }}
        items={[
          ...registries.map((r) => ({ key: r, label: registryTitles[r] })),
          { key: 'heads', label: '三长' },
          { key: 'posts', label: '设岗定责' },
          { key: 'visits', label: '走访统计' },
          {
            key: 'rules',
            label: <span>规则检查 {problems > 0 && <Tag color="orange">{problems}</Tag>}</span>
          }
        ]}
      />
      <div className="people-body">
        {registry ? (
          <RegistryTable
            key={registry}
            registry={registry}
            filter={filter}
            onTotal={setTotal}
            onError={setError}
            onRowClick={(row) => {
              if (registry === 'households') return setHousehold(row as unknown as HouseholdRow)
              if (registry === 'reporting') return setMember(row as unknown as ReportingRow)
              if (registry === 'teams') return setTeam(row as unknown as TeamRow)
              const id = (row.personId ?? (registry === 'persons' ? row.id : null)) as number | null
              if (id) {
                setEditPerson(false)
                setPersonId(id)
              }
            }}
            onEdit={registry === 'persons' && canWrite ? (row) => (setEditPerson(true), setPersonId(row.id as number)) : undefined}
          />
        ) : tab === 'visits' ? (
          <VisitStatsPanel villageUnitId={villageUnitId} />
        ) : tab === 'heads' ? (
          <HeadsPanel villageUnitId={villageUnitId} />
        ) : tab === 'posts' ? (
          <PostsPanel villageUnitId={villageUnitId} />
        ) : (
          <RulesPanel
            check={check}
            onOpen={(target) => {
              if (target.villageUnitId) setVillage(target.villageUnitId)
              setTab(target.registry)
              if (target.filters) setFilters({ ...filters, [target.registry]: target.filters })
            }}
            onPerson={setPersonId}
            more={
              <>
                <HeadsRule villageUnitId={villageUnitId} onOpen={() => setTab('heads')} />
                <PostsRule villageUnitId={villageUnitId} onOpen={() => setTab('posts')} />
              </>
            }
          />
        )}
      </div>
      <Space />
      <PersonDrawer personId={personId} edit={editPerson} onClose={() => (setPersonId(null), setEditPerson(false))} />
      {adding && <NewPersonModal villageUnitId={villageUnitId} onClose={() => setAdding(false)} onCreated={(id) => (setEditPerson(false), setPersonId(id))} />}
      {importing && <PeopleImportModal registry={registry} onClose={() => setImporting(false)} />}
      <HouseholdDrawer household={household} onClose={() => setHousehold(null)} />
      <ReportingDrawer member={member} onClose={() => setMember(null)} onPerson={setPersonId} />
      {sending && (
        <SendNoticeModal
          villageUnitId={villageUnitId}
          specialty={filters.reserve?.specialty as string | undefined}
          count={total}
          onClose={() => setSending(false)}
        />
      )}
      <NoticeHistory villageUnitId={villageUnitId} open={history} onClose={() => setHistory(false)} />
      <TeamDrawer team={team} onClose={() => setTeam(null)} />
      {registering && <RegisterReportingModal defaultVillageId={villageUnitId} onClose={() => setRegistering(false)} />}
    </div>
  )
}

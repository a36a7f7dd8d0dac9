// Who the desk acts as in the linkage. A clerk and the district's desk act as their own unit, shown
// fixed. The command centre's operator acts as the town; acting for one of the town's offices,
// departments or villages (代为办理) is a choice from the list, marked while it lasts. The district
// is not on the list: it has its own desk (the core refuses it too).
import { Select, Tag } from 'antd'
import { useUnits } from '../../api/issues'

type Unit = NonNullable<ReturnType<typeof useUnits>['data']>[number]
type Option = { value?: number; label: string; options?: { value: number; label: string }[] }

const KEY = 'issues.actingUnit'
export const rememberedActingUnit = () => Number(sessionStorage.getItem(KEY)) || null
export const rememberActingUnit = (id: number) => sessionStorage.setItem(KEY, String(id))

/** The list's groups: the town first, then what the town may act for. */
function groups(units: Unit[]): Option[] {
  const option = (u: Unit) => ({ value: u.id, label: u.name })
  const town = units.filter((u) => u.kind === 'town')
  const offices = units.filter((u) => u.kind === 'office' || u.kind === 'department')
  const villages = units.filter((u) => u.kind === 'village')
  return [
    { label: '本镇', options: town.map(option) },
    { label: '代为办理 · 管理处与部门', options: offices.map(option) },
    { label: '代为办理 · 村（社区）', options: villages.map(option) }
  ]
}

export function ActingUnit({ value, fixed, onChange }: { value: number | null; fixed: boolean; onChange: (id: number) => void }) {
  const units = useUnits()
  const all = units.data ?? []
  const kind = all.find((u) => u.id === value)?.kind
  return (
    <>
      <span className="muted">以</span>
      <Select
        disabled={fixed}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 190 }}
        placeholder="选择办理单位"
        value={value ?? undefined}
        labelRender={(chosen) => chosen.label ?? (units.isError ? '（单位列表未能读取）' : '读取中…')}
        onChange={(v: number) => {
          rememberActingUnit(v)
          onChange(v)
        }}
        options={fixed ? all.filter((u) => u.id === value).map((u): Option => ({ value: u.id, label: u.name })) : groups(all)}
        data-testid="acting-unit"
      />
      <span className="muted">的身份办理</span>
      {!fixed && kind && kind !== 'town' && (
        <Tag color="orange" data-testid="acting-for">
          代为办理
        </Tag>
      )}
    </>
  )
}

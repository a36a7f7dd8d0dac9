// 出租屋整治: the registry of rental buildings with each one's hazards, inspections and re-inspections,
// and the campaign's progress table (found, rectified, rate, overdue — by village and by kind).
import { useState } from 'react'
import { Button, Tabs } from 'antd'
import { useCan, useMe } from '../../api/auth'
import { BuildingRegistry } from './BuildingRegistry'
import { CampaignProgress } from './CampaignProgress'
import { OverdueHazards } from './OverdueHazards'
import { KindsDrawer } from './KindsDrawer'
import { useOnScreenShown } from '../../api/screenShown'
import { buildingWaiting } from './openBuilding'

type Tab = 'registry' | 'progress' | 'overdue'

export function RentalsScreen() {
  // A building opened from the map shows in the registry.
  const [tab, setTab] = useState<Tab>(() => (buildingWaiting() ? 'registry' : ((sessionStorage.getItem('rentals.tab') as Tab | null) ?? 'registry')))
  useOnScreenShown(() => buildingWaiting() && setTab('registry'))
  const [kindsOpen, setKindsOpen] = useState(false)
  const can = useCan()
  const me = useMe()
  return (
    <div className="rentals-screen">
      <Tabs
        className="people-tabs"
        activeKey={tab}
        onChange={(t) => (sessionStorage.setItem('rentals.tab', t), setTab(t as Tab))}
        items={[
          { key: 'registry', label: '出租屋台账' },
          { key: 'progress', label: '整治进度' },
          { key: 'overdue', label: '逾期隐患' }
        ]}
        tabBarExtraContent={
          <Button onClick={() => setKindsOpen(true)} data-testid="hazard-kinds-button">
            隐患类别{can('rentals.handle') && me.scopeVillageIds === null ? '设置' : ''}
          </Button>
        }
      />
      {tab === 'registry' ? <BuildingRegistry /> : tab === 'progress' ? <CampaignProgress /> : <OverdueHazards />}
      <KindsDrawer open={kindsOpen} onClose={() => setKindsOpen(false)} editable={can('rentals.handle') && me.scopeVillageIds === null} />
    </div>
  )
}

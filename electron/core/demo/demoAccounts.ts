// One demo account per role for `--demo-password` (demonstrations and tests). The clerks sit in
// 官窑社会管理处 and its 汀圃社区, the places seed 001 describes.
import type { Role } from '../../shared/accounts'

export const demoAccounts: { username: string; displayName: string; role: Role; unitCode?: string }[] = [
  { username: 'operator', displayName: '指挥中心值班员', role: 'operator' },
  { username: 'organiser', displayName: '组织办干部', role: 'organiser' },
  { username: 'leader', displayName: '镇领导', role: 'leader' },
  { username: 'guanyao', displayName: '官窑管理处专干', role: 'officeClerk', unitCode: '440605124-O1' },
  { username: 'tingpu', displayName: '汀圃社区专干', role: 'villageClerk', unitCode: '440605124056' },
  { username: 'nanhai', displayName: '南海区联动中心专干', role: 'districtClerk', unitCode: '440605' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor' }
]

// What each registry table shows. Sortable columns are those the store can sort (sqlList specs).
import type { ColDef } from 'ag-grid-community'
import type { RegistryName } from '../../../electron/shared/people'
import { hukouKinds } from '../../../electron/shared/people'
import { specialties } from '../../../electron/shared/people'

const col = (field: string, headerName: string, width: number, sortable = false, extra: Partial<ColDef> = {}): ColDef => ({
  field,
  headerName,
  width,
  sortable,
  ...extra
})

export const registryTitles: Record<RegistryName, string> = {
  persons: '人员',
  households: '党员户联系',
  teams: '驻点团队',
  reporting: '报到党员',
  reserve: '储能联系'
}

export const registryColumns: Record<RegistryName, ColDef[]> = {
  persons: [
    col('name', '姓名', 90, true, { pinned: 'left' }),
    col('gender', '性别', 64, true),
    col('idNumber', '身份证号', 180),
    col('phone', '手机号码', 130),
    col('hukou', '户籍类型', 110, true),
    col('isPartyMember', '党员', 70, false, { valueFormatter: (p) => (p.value === undefined ? '' : p.value ? '是' : '否') }),
    col('partyBranch', '所在党支部', 190, true),
    col('village', '居住村居', 120, true),
    col('homeAddress', '住址', 220),
    col('workUnit', '工作单位', 190, true),
    col('specialties', '专长', 100),
    col('roles', '身份', 200)
  ],
  households: [
    col('code', '户编码', 240, true, { pinned: 'left' }),
    col('kind', '户类型', 110, true),
    col('name', '户主或单位名称', 230, true),
    col('members', '人数', 70, true),
    col('address', '地址', 240),
    col('village', '所属村居', 120, true),
    col('grid', '所属网格', 130),
    col('contact', '联系党员', 100),
    col('lastVisitAt', '最近走访', 110, true),
    col('visits', '走访次数', 90)
  ],
  teams: [
    col('name', '驻点团队', 200, true, { pinned: 'left' }),
    col('village', '村居', 120, true),
    col('leader', '队长', 90),
    col('memberCount', '人数', 70, true),
    col('nonFoshanCount', '非佛山户籍', 100, true, { cellClassRules: { 'cell-error': (p) => typeof p.value === 'number' && p.value < 2 } }),
    col('members', '成员（角色，户籍）', 600)
  ],
  reporting: [
    col('name', '姓名', 90, true, { pinned: 'left' }),
    col('gender', '性别', 64),
    col('phone', '手机号码', 130),
    col('workUnit', '工作单位', 200, true),
    col('village', '报到村居', 120, true),
    col('reportedAt', '报到日期', 110, true),
    col('group', '所编党小组', 130, true, {
      valueFormatter: (p) => (p.data && !p.value ? '未编组' : (p.value ?? '')),
      cellClassRules: { 'cell-warning': (p) => !!p.data && !p.value }
    }),
    col('leader', '小组长', 90),
    col('posts', '认领岗位', 160),
    col('servicesClaimed', '认领服务', 110),
    col('specialties', '专长', 100),
    col('volunteerWishes', '志愿服务意向', 160),
    col('projectWishes', '党建项目意向', 120),
    col('serviceHours', '服务时长', 90, false, { valueFormatter: (p) => (p.value === undefined ? '' : `${p.value} 小时`) })
  ],
  reserve: [
    col('name', '姓名', 90, true, { pinned: 'left' }),
    col('phone', '手机号码', 130),
    col('unit', '工作单位', 200, true),
    col('specialty', '专长', 110, true),
    col('village', '居住村居', 120, true),
    col('notices', '收到通知', 90),
    col('participated', '参与次数', 90)
  ]
}

/** The quick filters each registry offers above its table (value → the store's filter). */
export const registryFilters: Record<RegistryName, { key: string; label: string; options: { value: string | boolean; label: string }[] }[]> = {
  persons: [
    { key: 'hukou', label: '户籍', options: hukouKinds.map((v) => ({ value: v, label: v })) },
    { key: 'role', label: '身份', options: ['社区党员', '报到党员', '储能联系', '驻点团队', '户联系'].map((v) => ({ value: v, label: v })) },
    {
      key: 'party',
      label: '党员',
      options: [
        { value: true, label: '党员' },
        { value: false, label: '非党员' }
      ]
    }
  ],
  households: [
    { key: 'kind', label: '户类型', options: ['居民家庭户', '非户籍家庭户', '工商企业户', '社会组织'].map((v) => ({ value: v, label: v })) },
    {
      key: 'noContact',
      label: '联系党员',
      options: [
        { value: true, label: '无联系党员' },
        { value: false, label: '有联系党员' }
      ]
    }
  ],
  teams: [
    {
      key: 'belowRule',
      label: '非佛山户籍',
      options: [
        { value: true, label: '不足 2 人' },
        { value: false, label: '达标' }
      ]
    }
  ],
  reporting: [
    {
      key: 'placed',
      label: '编组',
      options: [
        { value: false, label: '未编组' },
        { value: true, label: '已编组' }
      ]
    }
  ],
  reserve: [{ key: 'specialty', label: '专长', options: specialties.map((v) => ({ value: v, label: v })) }]
}

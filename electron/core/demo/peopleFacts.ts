// The people side of the demo: the seeds' totals (what the app must compute back) and the pools
// generated names and attributes are drawn from. Totals are from the seeds; everything else is 示意.

export const peopleTotals = {
  /** seed 000: 累计注册党员 1.33 万人 */
  partyMembers: 13_300,
  /** seed 000: 已联系群众 22.28 万户 — equal to the town's households, all contacted. */
  households: 222_800,
  /** seed 000: 非户籍人员 11.27 万 contacted → Σ members of 非户籍家庭户. */
  nonHukouContacted: 112_700,
  /** seed 000: 73 个驻点团队，每队至少 2 名非佛山户籍常住人口，共 146 名. */
  residentTeams: 73,
  nonFoshanPerTeam: 2,
  /** seed 000: 共接待或联系群众约 29.3 万多人次 (by the resident teams). */
  teamPersonTimes: 293_000,
  /** seed 000: 入户走访率 269.8%, two rounds of full coverage. */
  visitRatePermille: 2698,
  /** seed 001: 1900 多名在岗党员到 75 个村居报到; 大学城社区 285 名; 塍下村 29 名. */
  reportingMembers: 1_900,
  reportingVillages: 75,
  reportingFixed: { 大学城社区: 285, 塍下村: 29 } as Record<string, number>,
  /** seed 001: 主动联系镇内 6065 名公职人员 (储能联系). */
  reserveContacts: 6_065,
  /** Reporting members who reported lately and are not placed yet (示意: the officer's to-do). */
  unplacedReporting: 120
}

/** The demo's year of visits (fixed so the same seed gives the same store on any day). */
export const visitPeriod = { from: '2025-12-01', to: '2026-11-20' }
/** Reporting began on 1 May (seed 001); the lately reported come in November. */
export const reportingPeriod = { from: '2026-05-01', to: '2026-07-31', lateFrom: '2026-11-01', lateTo: '2026-11-20' }

/** Agencies whose in-service members report to villages (seed 001 names several). */
export const reportingWorkUnits = [
  '南海区人民医院',
  '佛山市自然资源局南海分局',
  '南海区委组织部',
  '中国邮政储蓄银行南海区支行',
  '南海区教育局',
  '南海区住房城乡建设和水利局',
  '南海区市场监督管理局',
  '南海区卫生健康局',
  '南海区司法局',
  '南海区税务局',
  '南海区供电局',
  '南海区人民法院',
  '南海区人民检察院',
  '南海区城市管理和综合执法局',
  '南海区退役军人事务局',
  '南海区应急管理局',
  '佛山市生态环境局南海分局',
  '南海区民政局',
  '南海区财政局',
  '南海区交通运输局'
]

/** Units of the town's public servants (储能联系). */
export const reserveUnits = [
  '狮山镇人民政府',
  '狮山镇党政办公室',
  '狮山镇社会事务局',
  '狮山镇经济促进局',
  '狮山镇城建和水利局',
  '狮山镇综合行政执法局',
  '狮山镇中心小学',
  '狮山镇第一初级中学',
  '狮山镇人民医院',
  '狮山镇社区卫生服务中心',
  '狮山派出所',
  '狮山税务分局',
  '狮山市场监督管理所',
  '狮山司法所',
  '狮山财政所'
]

export { specialties } from '../../shared/people'

export const volunteerPostNames = ['关爱长者爱心岗', '治安卫生巡逻岗', '社情民意收集岗', '垃圾分类宣传岗', '政策宣讲岗', '文明交通劝导岗']

export const serviceActivities = [
  '入户走访',
  '义诊',
  '法律咨询',
  '垃圾分类宣传',
  '登革热防控宣传',
  '关爱长者探访',
  '公园清扫',
  '便民服务进小区',
  '治安巡逻',
  '政策宣讲'
]

export const serviceClaims = ['联系群众', '义诊服务', '法律援助', '学业辅导', '环境整治', '便民服务', '政策宣传', '文体活动组织']

export const volunteerWishes = ['周末参加志愿服务', '结对帮扶困难家庭', '参与社区环境整治', '为长者提供健康咨询', '参与青少年课后辅导', '参加治安巡逻']

export const projectWishes = ['老旧小区微改造', '长者饭堂', '社区书屋', '口袋公园', '党群服务驿站', '儿童之家']

export const firmKinds = ['五金制品', '塑料制品', '机械设备', '电子科技', '家具', '陶瓷', '汽车配件', '包装材料', '服装', '物流', '食品', '铝材']
export const orgKinds = ['志愿者协会', '老年人协会', '文体协会', '商会', '社工服务站', '业主委员会']

/** Region codes of ID numbers: Nanhai for the local, other provinces for non-Foshan hukou. */
export const idRegions = {
  本镇户籍: ['440605'],
  佛山市户籍: ['440604', '440606', '440607', '440608'],
  非佛山户籍: ['452101', '430521', '513030', '360730', '441581', '441881', '450981', '421182', '411523', '522121']
} as const

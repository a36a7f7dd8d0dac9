// A change to a grid in words, for its history (changes.ts writes it with every update a caller
// does not describe itself). The change log's own words: the grids' field names in Chinese.
const fieldNames: Record<string, string> = {
  code: '编码',
  name: '名称',
  label: '地图标注',
  kind: '类型',
  parentId: '上级网格',
  villageUnitId: '所属村居',
  partyOrganisation: '党组织',
  inspector: '网格巡查员',
  households: '户数',
  registeredPopulation: '户籍人口',
  nonHukouPopulation: '非户籍人口',
  geometry: '边界'
}

/** A change in words, field by field: 名称：甲 → 乙；户数：120 → 130. */
export function describeChange(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const parts: string[] = []
  for (const key of Object.keys(fieldNames)) {
    if (!(key in after) || before[key] === after[key]) continue
    if (key === 'geometry') parts.push('边界已修改')
    else parts.push(`${fieldNames[key]}：${before[key] ?? '（空）'} → ${after[key] ?? '（空）'}`)
  }
  return parts.join('；') || '无变化'
}

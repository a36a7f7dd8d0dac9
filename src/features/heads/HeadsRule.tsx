// 规则检查's line for 三长制: how many tier-3 areas have no head in office, and where to see them.
import { useHeadCheck } from '../../api/heads'
import { RuleLine } from '../../components/RuleLine'

export function HeadsRule({ villageUnitId, onOpen }: { villageUnitId?: number; onOpen: () => void }) {
  const check = useHeadCheck(villageUnitId)
  if (!check.data) return null
  const n = check.data.withoutHead.length
  return (
    <RuleLine
      testId="heads-rule"
      onOpen={onOpen}
      problems={n ? `三长：${check.data.areas} 个三级网格中有 ${n} 个没有在任的楼长、巷长或街长` : null}
      ok={`三长：${check.data.areas} 个三级网格都有在任的三长`}
    />
  )
}

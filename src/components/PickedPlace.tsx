// Where a point picked on the map falls: village › tier-2 › tier-3 grid, or why it cannot be used.
import { useIssuePlace } from '../api/issues'

export function PickedPlace({ point, place, testId }: { point: [number, number]; place: ReturnType<typeof useIssuePlace>; testId: string }) {
  return (
    <div className="muted" data-testid={testId}>
      已选：
      {place.data
        ? [place.data.village, place.data.tier2, place.data.tier3].filter(Boolean).join(' › ')
        : place.data === null
          ? '不在任何三级网格内，请在村（社区）范围内选点'
          : '正在确定所在网格…'}
      （{point[0]}, {point[1]}）
    </div>
  )
}

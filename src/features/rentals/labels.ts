// Words and colours of the rentals screens: a hazard's state and a building's risk, as tags.
export const hazardStateColor: Record<string, string> = { 已整改: 'green', 逾期未改: 'red', 整改中: 'gold' }
export const riskColor: Record<string, string> = { 高风险: 'red', 中风险: 'orange', 低风险: 'blue' }
export { percentText as pct } from '../../../electron/shared/percent'

import type { Tier } from '../../../electron/shared/contract'

export const tierLabel: Record<Tier, string> = { 1: '一级网格', 2: '二级网格', 3: '三级网格' }
export const formatCount = (n: number) => n.toLocaleString('zh-CN')

/** Areas below a hundredth of a square kilometre read better in square metres. */
export const formatArea = (km2: number | null) =>
  km2 === null ? '尚未绘制边界' : km2 >= 0.01 ? `${km2.toFixed(2)} 平方公里` : `${Math.round(km2 * 1_000_000).toLocaleString('zh-CN')} 平方米`

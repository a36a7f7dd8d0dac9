import type { Tier } from '../../../electron/shared/contract'

export const tierLabel: Record<Tier, string> = { 1: '一级网格', 2: '二级网格', 3: '三级网格' }
export const formatCount = (n: number) => n.toLocaleString('zh-CN')

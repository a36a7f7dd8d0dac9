// Name pools for generated (illustrative) grids and inspectors. Patterns follow local usage
// (e.g. 杨坳经济社, 茶田经济社 in seed 001); every generated name is marked 示意 in the store.
import type { Rng } from './prng'

const placeHeads = [
  '杨',
  '茶',
  '石',
  '沙',
  '岗',
  '塘',
  '新',
  '旧',
  '东',
  '西',
  '南',
  '北',
  '上',
  '下',
  '大',
  '小',
  '黄',
  '罗',
  '何',
  '梁',
  '潘',
  '冯',
  '谢',
  '关',
  '陈',
  '李',
  '邓',
  '麦',
  '卢',
  '区',
  '高',
  '长',
  '龙',
  '凤',
  '松',
  '竹',
  '莲',
  '桂',
  '田',
  '禾'
]
const placeTails = [
  '坳',
  '田',
  '坑',
  '岗',
  '边',
  '头',
  '塘',
  '洲',
  '围',
  '涌',
  '寨',
  '岭',
  '基',
  '滘',
  '村',
  '坊',
  '园',
  '冲',
  '埗',
  '圳',
  '社',
  '街',
  '坊',
  '湾'
]
const estateHeads = ['锦', '翠', '碧', '御', '君', '雅', '富', '华', '天', '金', '怡', '美', '丽', '恒', '嘉', '和', '新', '万', '逸', '博']
const estateTails = ['湖花园', '庭', '苑', '峰', '城', '湾', '景园', '华府', '雅居', '名都', '山庄', '豪庭']
const buildingNames = ['科创大厦', '智造中心', '创业园', '总部大楼', '研发楼', '产业大厦', '企业中心', '孵化楼']
const surnames = [
  '陈',
  '李',
  '黄',
  '梁',
  '何',
  '罗',
  '潘',
  '冯',
  '杨',
  '谢',
  '关',
  '邓',
  '麦',
  '卢',
  '张',
  '刘',
  '吴',
  '林',
  '郭',
  '区',
  '欧',
  '叶',
  '钟',
  '周'
]
const givenChars = [
  '志',
  '伟',
  '国',
  '建',
  '华',
  '明',
  '永',
  '嘉',
  '俊',
  '杰',
  '丽',
  '芳',
  '敏',
  '婷',
  '燕',
  '玲',
  '强',
  '勇',
  '峰',
  '海',
  '文',
  '辉',
  '锦',
  '坤',
  '彩',
  '凤',
  '洁',
  '晓',
  '少',
  '耀'
]
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** Chinese numeral for 1..99, as used in 第一党小组. */
export function chineseNumber(n: number): string {
  if (n <= 10) return numerals[n - 1]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return (tens === 1 ? '' : numerals[tens - 1]) + '十' + (ones ? numerals[ones - 1] : '')
}

function unique(used: Set<string>, make: () => string): string {
  for (let i = 0; i < 200; i++) {
    const name = make()
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
  // Pools are large for the counts used; fall back to numbering rather than loop forever.
  const name = `${make()}${chineseNumber((used.size % 99) + 1)}`
  used.add(name)
  return name
}

export const economicCooperativeName = (rng: Rng, used: Set<string>) => unique(used, () => `${rng.pick(placeHeads)}${rng.pick(placeTails)}经济社`)
export const residentialComplexName = (rng: Rng, used: Set<string>) => unique(used, () => `${rng.pick(estateHeads)}${rng.pick(estateTails)}`)
export const residentsGroupName = (rng: Rng, used: Set<string>) => unique(used, () => `${rng.pick(placeHeads)}${rng.pick(placeTails)}居民小组`)
export const commercialBuildingName = (rng: Rng, used: Set<string>) => unique(used, () => `${rng.pick(estateHeads)}${rng.pick(buildingNames)}`)
export const personName = (rng: Rng) => `${rng.pick(surnames)}${rng.pick(givenChars)}${rng.next() < 0.7 ? rng.pick(givenChars) : ''}`

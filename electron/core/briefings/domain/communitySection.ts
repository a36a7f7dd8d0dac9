// The briefing's 三长制与设岗定责 section: heads.figures for the briefing's period and scope as of its
// 截至 day, and posts.figures on that day — the figures 人员台账's 三长 and 设岗定责 tabs show. Pure.
import type { BriefingSection } from '../../../shared/briefing'

type HeadCounts = { heads: number; problems: number; disputes: number; settled: number; activities: number; volunteers: number }
export type CommunityFacts = {
  heads: HeadCounts
  villages: (HeadCounts & { name: string })[]
  posts: { posts: number; claimedPosts: number; members: number; unclaimed: number }
}

export function communitySection(f: CommunityFacts, words: { periodLabel: string; where: string; asOf: string; byVillage: boolean }): BriefingSection {
  const h = f.heads
  const p = f.posts
  return {
    key: 'community',
    heading: '三长制与设岗定责',
    paragraphs: [
      `截至${words.asOf}，${words.where}在任楼长、巷长、街长${h.heads}名；${words.periodLabel}解决社区问题${h.problems}个，化解邻里矛盾纠纷${h.disputes}件（调解成功${h.settled}件），开展社区活动${h.activities}场次，带动居民志愿者${h.volunteers}人次。` +
        `设置无职党员岗位${p.posts}个，${p.members}名无职党员在岗${p.unclaimed ? `，另有${p.unclaimed}个岗位无人认领` : ''}。`
    ],
    tables:
      words.byVillage && f.villages.length
        ? [
            {
              caption: '各村（社区）三长制工作情况',
              columns: ['村（社区）', '在任三长', '解决问题', '调解纠纷', '社区活动', '志愿者人次'],
              align: ['left', 'right', 'right', 'right', 'right', 'right'],
              rows: f.villages.map((v) => [v.name, String(v.heads), String(v.problems), String(v.disputes), String(v.activities), String(v.volunteers)])
            }
          ]
        : [],
    figures: []
  }
}

// The command wall:
// this feature's part of the contract, merged into electron/shared/contract.ts.
// Zod only (the renderer bundles it): no electron, no node:, no DOM.
import { z } from 'zod'
import { Id, LonLat, NoInput, Share } from '../../shared/contractParts'

/** An issue in the wall's rolling lists. */
const WallIssue = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.string(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  village: z.string(),
  holder: z.string()
})

export const wallContract = {
  'wall.summary': {
    input: NoInput,
    output: z.object({
      at: z.string(),
      tiles: z.object({
        tier1: z.number().int(),
        tier2: z.number().int(),
        tier3: z.number().int(),
        partyMembers: z.number().int(),
        reportingMembers: z.number().int(),
        reserveContacts: z.number().int(),
        residentTeams: z.number().int(),
        issuesToday: z.number().int(),
        openIssues: z.number().int(),
        overdueIssues: z.number().int(),
        resolutionRate: Share,
        collectedThisYear: z.number().int(),
        resolvedThisYear: z.number().int()
      }),
      /** The rental fire-safety campaign shown (the newest; this year's when there is none), as of today. */
      campaign: z.object({
        name: z.string(),
        found: z.number().int(),
        rectified: z.number().int(),
        rate: z.number().nullable(),
        overdue: z.number().int()
      }),
      /** 三长制 this year as of today: heads.figures for the year and heads.check's areas with no head in office. */
      heads: z.object({
        heads: z.number().int(),
        problems: z.number().int(),
        disputes: z.number().int(),
        activities: z.number().int(),
        withoutHead: z.number().int()
      }),
      /** 设岗定责 today (posts.figures): members without office holding a post, their posts, every post nobody holds. */
      posts: z.object({ members: z.number().int(), posts: z.number().int(), unclaimed: z.number().int() }),
      trend: z.array(z.object({ month: z.string(), collected: z.number().int(), resolved: z.number().int() })),
      categories: z.array(z.object({ category: z.string(), collected: z.number().int() })),
      flow: z.array(z.object({ level: z.number().int(), heldNow: z.number().int(), resolvedThisYear: z.number().int(), escalatedThisYear: z.number().int() })),
      newest: z.array(WallIssue),
      overdue: z.array(WallIssue)
    }),
    doc: '指挥大屏：网格、党员、报到党员、储能联系、驻点团队、今日/未办结/超期事件、解决率、出租屋隐患整治进度、三长制、设岗定责，近12个月趋势、类别、四级流转、最新与超期事件'
  },
  'wall.measure': {
    input: z.object({ measure: z.enum(['open', 'overdue', 'visits', 'reporting']) }).strict(),
    output: z.object({ measure: z.string(), max: z.number(), values: z.array(z.object({ gridId: Id, value: z.number() })) }),
    doc: '指挥大屏地图着色：各三级网格的未办结事件、超期事件、近30天走访覆盖率（%）或报到党员数'
  },
  'wall.points': {
    input: NoInput,
    output: z.array(z.object({ id: Id, lonLat: LonLat, state: z.enum(['new', 'open', 'overdue']) })),
    doc: '指挥大屏地图：未办结事件的位置，今日新登记和超期的闪烁'
  }
} as const

// The four-level linkage (区-镇-管理处-村居 四级联动) as a pure state machine: which action is
// allowed in which state, for which unit, and what it changes. Every accepted action yields the next
// state and one log event; a refused one says why, in Chinese. No store, no clock: time comes in.

/** 1 村居, 2 管理处, 3 镇（含部门）, 4 区. */
export type Level = 1 | 2 | 3 | 4
export type UnitKind = 'district' | 'town' | 'department' | 'office' | 'village'
import { actionName, levelName, statusName } from '../words'
import type { IssueAction, IssueStatus } from '../contract'
export { actionName, levelName, statusName }
export type RoutingUnit = { id: number; name: string; kind: UnitKind; parentId: number | null }
export const levelOf: Record<UnitKind, Level> = { village: 1, office: 2, town: 3, department: 3, district: 4 }

// The statuses and the actions are the contract's (one declaration, zod's types).
export type { IssueAction, IssueStatus }
export type Stage = 'accept' | 'handle' | 'verify'
export type StageLimits = { acceptHours: number; handleHours: number; verifyHours: number; warnPercent: number }
export type RoutingRule = StageLimits & { defaultLevel: Level; skipAllowed: boolean }

export type IssueState = {
  status: IssueStatus
  holderUnitId: number
  /** Who handed it to the holder (by dispatch or escalation): where a return goes. */
  senderUnitId: number | null
  /** Who dispatched it down to the holder: who verifies and decides extensions. */
  dispatcherUnitId: number | null
  stage: Stage | null
  dueAt: string | null
  warnAt: string | null
  suspendedAt: string | null
  suspendedFrom: IssueStatus | null
  supervised: number
  escalations: number
  extensionRequest: { days: number; reason: string } | null
  coHandlers: number[]
  mergedInto: number | null
}

export type ActionType = IssueAction['type']

export type RoutingContext = { units: Map<number, RoutingUnit>; rule: RoutingRule; now: string }
export type IssueEvent = {
  action: ActionType
  fromUnitId: number
  toUnitId: number | null
  note: string | null
  dueAt: string | null
  statusBefore: IssueStatus
  statusAfter: IssueStatus
}
export type Decision = { ok: true; next: IssueState; event: IssueEvent } | { ok: false; problem: string }

const HOUR = 3_600_000
const open = (s: IssueStatus) => s === 'reported' || s === 'accepted' || s === 'resolved' || s === 'suspended'
const addHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * HOUR).toISOString()

/** The deadline and yellow warning point of a stage starting now. */
export function stageClock(stage: Stage, now: string, limits: StageLimits, dueAt?: string): { stage: Stage; dueAt: string; warnAt: string } {
  const hours = stage === 'accept' ? limits.acceptHours : stage === 'handle' ? limits.handleHours : limits.verifyHours
  const due = dueAt ?? addHours(now, hours)
  const span = Date.parse(due) - Date.parse(now)
  return { stage, dueAt: due, warnAt: new Date(Date.parse(now) + Math.max(0, span) * (limits.warnPercent / 100)).toISOString() }
}

/** 'red' overdue, 'yellow' past the warning point, else 'green'; null when no clock runs. */
export function clockColour(state: Pick<IssueState, 'status' | 'dueAt' | 'warnAt'>, now: string): 'green' | 'yellow' | 'red' | null {
  if (!state.dueAt || state.status === 'suspended' || !open(state.status)) return null
  if (now > state.dueAt) return 'red'
  if (state.warnAt && now > state.warnAt) return 'yellow'
  return 'green'
}

const levelOfUnit = (ctx: RoutingContext, id: number): Level => levelOf[ctx.units.get(id)!.kind]
const townOf = (ctx: RoutingContext): number => [...ctx.units.values()].find((u) => u.kind === 'town')!.id

/** Units above `id`, nearest first (a department's parent is the town). */
export function ancestors(units: Map<number, RoutingUnit>, id: number): RoutingUnit[] {
  const out: RoutingUnit[] = []
  for (let u = units.get(id); u?.parentId;) {
    const p = units.get(u.parentId)
    if (!p) break
    out.push(p)
    u = p
  }
  return out
}

/** Where an issue may be dispatched from a holder: its direct children (a town's offices and departments). */
export function dispatchTargets(units: Map<number, RoutingUnit>, holderId: number): RoutingUnit[] {
  return [...units.values()].filter((u) => u.parentId === holderId)
}

/** The unit that checks a resolved issue: the one that dispatched it, else the command centre (town). */
export const verifierOf = (state: IssueState, ctx: RoutingContext) => state.dispatcherUnitId ?? townOf(ctx)

/** The unit at the rule's default level above (or at) the village of the issue. */
export function defaultHolder(units: Map<number, RoutingUnit>, villageUnitId: number, level: Level): number {
  if (level === 1) return villageUnitId
  const up = ancestors(units, villageUnitId).find((u) => levelOf[u.kind] === level)
  return (up ?? ancestors(units, villageUnitId).at(-1) ?? units.get(villageUnitId)!).id
}

/**
 * A new issue's first state: at the holder, waiting to be accepted — unless the holder registered it
 * itself (a village clerk's own report in their village): then it is being handled already, on the
 * handling clock, with no second 受理 asked of the same desk.
 */
export function initialState(holderUnitId: number, reporterUnitId: number | null, ctx: RoutingContext): IssueState {
  const own = reporterUnitId === holderUnitId
  const clock = stageClock(own ? 'handle' : 'accept', ctx.now, ctx.rule)
  return {
    status: own ? 'accepted' : 'reported',
    holderUnitId,
    senderUnitId: reporterUnitId !== null && reporterUnitId !== holderUnitId ? reporterUnitId : null,
    dispatcherUnitId: null,
    ...clock,
    suspendedAt: null,
    suspendedFrom: null,
    supervised: 0,
    escalations: 0,
    extensionRequest: null,
    coHandlers: [],
    mergedInto: null
  }
}

const refuse = (problem: string): Decision => ({ ok: false, problem })
const needText = (t: string | undefined, what: string) => (!t || t.trim().length < 2 ? `请填写${what}（至少 2 个字）` : null)

/** Decide one action by one unit. The only place the linkage's rules live. */
export function decide(state: IssueState, action: IssueAction, actorUnitId: number, ctx: RoutingContext): Decision {
  const actor = ctx.units.get(actorUnitId)
  if (!actor) return refuse('操作单位不存在')
  const holder = ctx.units.get(state.holderUnitId)!
  const isHolder = actorUnitId === state.holderUnitId
  const town = townOf(ctx)
  const event = (next: IssueState, toUnitId: number | null, note: string | null): Decision => ({
    ok: true,
    next,
    event: { action: action.type, fromUnitId: actorUnitId, toUnitId, note, dueAt: next.dueAt, statusBefore: state.status, statusAfter: next.status }
  })
  if (state.status === 'merged') return refuse('该事件已合并到其他事件，不能再操作')
  if (state.status === 'closed' && action.type !== 'reopen') return refuse('该事件已办结；如需继续处理，请先“重开”')
  const holderOnly = (what: string) => (isHolder ? null : `只有当前承办单位（${holder.name}）才能${what}`)

  switch (action.type) {
    case 'accept': {
      if (state.status !== 'reported') return refuse(`事件当前为“${statusName[state.status]}”，不能受理`)
      const p = holderOnly('受理')
      if (p) return refuse(p)
      return event(
        {
          ...state,
          status: 'accepted',
          ...stageClock('handle', ctx.now, ctx.rule, state.stage === 'handle' && state.dueAt && state.dueAt > ctx.now ? state.dueAt : undefined)
        },
        null,
        null
      )
    }
    case 'escalate': {
      if (state.status !== 'reported' && state.status !== 'accepted') return refuse(`事件当前为“${statusName[state.status]}”，不能上报`)
      const p = holderOnly('上报') ?? needText(action.reason, '上报理由')
      if (p) return refuse(p)
      const up = ancestors(ctx.units, holder.id)
      if (up.length === 0) return refuse(`${holder.name}已是最高层级，无法再上报`)
      const target = action.toUnitId ? up.find((u) => u.id === action.toUnitId) : up[0]
      if (!target) return refuse('只能上报给本单位的上级')
      const skipped = levelOf[target.kind] - levelOf[holder.kind] > 1
      if (skipped && !ctx.rule.skipAllowed) return refuse(`该类事件不允许越级上报，请先上报${up[0].name}`)
      return event(
        {
          ...state,
          status: 'reported',
          holderUnitId: target.id,
          senderUnitId: holder.id,
          dispatcherUnitId: null,
          escalations: state.escalations + 1,
          extensionRequest: null,
          ...stageClock('accept', ctx.now, ctx.rule)
        },
        target.id,
        action.reason.trim()
      )
    }
    case 'dispatch': {
      if (state.status !== 'reported' && state.status !== 'accepted') return refuse(`事件当前为“${statusName[state.status]}”，不能交办`)
      const p = holderOnly('交办')
      if (p) return refuse(p)
      const target = dispatchTargets(ctx.units, holder.id).find((u) => u.id === action.toUnitId)
      if (!target) return refuse(`只能交办给${holder.name}的下级单位${holder.kind === 'town' ? '或部门' : ''}`)
      if (action.deadline && action.deadline <= ctx.now) return refuse('交办期限须在现在之后')
      const clock = stageClock('accept', ctx.now, ctx.rule)
      // The dispatcher's deadline is for handling; accepting keeps it.
      return event(
        {
          ...state,
          status: 'reported',
          holderUnitId: target.id,
          senderUnitId: holder.id,
          dispatcherUnitId: holder.id,
          extensionRequest: null,
          ...clock,
          ...(action.deadline
            ? { stage: 'handle' as Stage, dueAt: action.deadline, warnAt: stageClock('handle', ctx.now, ctx.rule, action.deadline).warnAt }
            : {})
        },
        target.id,
        action.note?.trim() || null
      )
    }
    case 'return': {
      if (state.status !== 'reported' && state.status !== 'accepted') return refuse(`事件当前为“${statusName[state.status]}”，不能退回`)
      const p = holderOnly('退回') ?? needText(action.reason, '退回理由')
      if (p) return refuse(p)
      if (!state.senderUnitId) return refuse('该事件由本单位登记，没有可退回的单位')
      const back = state.senderUnitId
      return event(
        {
          ...state,
          status: 'reported',
          holderUnitId: back,
          senderUnitId: null,
          dispatcherUnitId: null,
          extensionRequest: null,
          ...stageClock('accept', ctx.now, ctx.rule)
        },
        back,
        action.reason.trim()
      )
    }
    case 'cohandle': {
      // Help is asked for while the work is being done, not once it is reported done (办结, awaiting 核查).
      if (state.status !== 'reported' && state.status !== 'accepted') return refuse(`事件当前为“${statusName[state.status]}”，不能请求协办`)
      const p = holderOnly('请求协办') ?? needText(action.note, '协办事项')
      if (p) return refuse(p)
      const bad = action.unitIds.find((id) => !ctx.units.has(id) || id === holder.id)
      if (bad !== undefined || action.unitIds.length === 0) return refuse('请选择其他单位协办')
      return event({ ...state, coHandlers: [...new Set([...state.coHandlers, ...action.unitIds])] }, null, action.note.trim())
    }
    case 'note': {
      if (state.status !== 'reported' && state.status !== 'accepted') return refuse(`事件当前为“${statusName[state.status]}”，不能填写协办意见`)
      if (!state.coHandlers.includes(actorUnitId) && !isHolder) return refuse(`${actor.name}不是该事件的协办单位`)
      const p = needText(action.note, '协办意见')
      if (p) return refuse(p)
      return event(state, null, action.note.trim())
    }
    case 'resolve': {
      if (state.status !== 'accepted') return refuse(state.status === 'reported' ? '请先受理，再办结' : `事件当前为“${statusName[state.status]}”，不能办结`)
      const p = holderOnly('办结') ?? needText(action.result, '办理结果')
      if (p) return refuse(p)
      return event(
        { ...state, status: 'resolved', extensionRequest: null, ...stageClock('verify', ctx.now, ctx.rule) },
        verifierOf(state, ctx),
        action.result.trim()
      )
    }
    case 'verify': {
      if (state.status !== 'resolved') return refuse(`事件当前为“${statusName[state.status]}”，不需要核查`)
      const verifier = verifierOf(state, ctx)
      if (actorUnitId !== verifier && actorUnitId !== town) return refuse(`只有交办单位（${ctx.units.get(verifier)!.name}）或指挥中心才能核查`)
      if (!action.approved) {
        const p = needText(action.note, '核查不通过的理由')
        if (p) return refuse(p)
        return event({ ...state, status: 'accepted', ...stageClock('handle', ctx.now, ctx.rule) }, state.holderUnitId, action.note.trim())
      }
      return event({ ...state, status: 'closed', stage: null, dueAt: null, warnAt: null }, null, action.note?.trim() || null)
    }
    case 'supervise': {
      if (!open(state.status)) return refuse(`事件当前为“${statusName[state.status]}”，不能督办`)
      if (!(levelOf[actor.kind] > levelOfUnit(ctx, state.holderUnitId) || actorUnitId === town)) return refuse('督办须由承办单位的上级或指挥中心发起')
      const p = needText(action.note, '督办意见')
      if (p) return refuse(p)
      if (action.deadline && action.deadline <= ctx.now) return refuse('督办期限须在现在之后')
      const clock = action.deadline && state.stage ? stageClock(state.stage, ctx.now, ctx.rule, action.deadline) : {}
      return event({ ...state, supervised: state.supervised + 1, ...clock }, state.holderUnitId, action.note.trim())
    }
    case 'requestExtension': {
      if (state.status !== 'accepted') return refuse('只有办理中的事件才能申请延期')
      const p = holderOnly('申请延期') ?? needText(action.reason, '延期理由')
      if (p) return refuse(p)
      if (state.extensionRequest) return refuse('已有待审批的延期申请')
      if (!Number.isInteger(action.days) || action.days < 1 || action.days > 90) return refuse('延期天数应为 1–90 天')
      return event(
        { ...state, extensionRequest: { days: action.days, reason: action.reason.trim() } },
        verifierOf(state, ctx),
        `申请延期 ${action.days} 天：${action.reason.trim()}`
      )
    }
    case 'decideExtension': {
      if (!state.extensionRequest) return refuse('没有待审批的延期申请')
      const verifier = verifierOf(state, ctx)
      if (actorUnitId !== verifier && actorUnitId !== town) return refuse(`只有交办单位（${ctx.units.get(verifier)!.name}）或指挥中心才能审批延期`)
      const days = state.extensionRequest.days
      if (!action.approved) return event({ ...state, extensionRequest: null }, state.holderUnitId, `不同意延期${action.note ? `：${action.note}` : ''}`)
      // An overdue issue is extended from now, not from a deadline already past.
      const due = addHours(state.dueAt && state.dueAt > ctx.now ? state.dueAt : ctx.now, days * 24)
      return event(
        { ...state, extensionRequest: null, ...stageClock('handle', ctx.now, ctx.rule, due) },
        state.holderUnitId,
        `同意延期 ${days} 天${action.note ? `：${action.note}` : ''}`
      )
    }
    case 'suspend': {
      if (state.status !== 'reported' && state.status !== 'accepted') return refuse(`事件当前为“${statusName[state.status]}”，不能挂起`)
      const p = holderOnly('挂起') ?? needText(action.reason, '挂起理由')
      if (p) return refuse(p)
      return event({ ...state, status: 'suspended', suspendedAt: ctx.now, suspendedFrom: state.status }, null, action.reason.trim())
    }
    case 'resume': {
      if (state.status !== 'suspended') return refuse('事件没有挂起')
      const p = holderOnly('恢复')
      if (p) return refuse(p)
      // The clock stopped while suspended: push the deadline and the warning point on by that long.
      const paused = Date.parse(ctx.now) - Date.parse(state.suspendedAt!)
      const shift = (t: string | null) => (t ? new Date(Date.parse(t) + paused).toISOString() : null)
      return event(
        { ...state, status: state.suspendedFrom ?? 'accepted', suspendedAt: null, suspendedFrom: null, dueAt: shift(state.dueAt), warnAt: shift(state.warnAt) },
        null,
        null
      )
    }
    case 'reopen': {
      if (state.status !== 'closed') return refuse('只有已办结的事件才能重开')
      const p = needText(action.reason, '重开理由')
      if (p) return refuse(p)
      if (actorUnitId !== verifierOf(state, ctx) && actorUnitId !== town && levelOf[actor.kind] <= levelOfUnit(ctx, state.holderUnitId))
        return refuse('重开须由核查单位、上级或指挥中心发起')
      return event({ ...state, status: 'accepted', ...stageClock('handle', ctx.now, ctx.rule) }, state.holderUnitId, action.reason.trim())
    }
    case 'merge': {
      if (!open(state.status)) return refuse(`事件当前为“${statusName[state.status]}”，不能合并`)
      if (!isHolder && actorUnitId !== town) return refuse(`只有当前承办单位（${holder.name}）或指挥中心才能合并`)
      return event({ ...state, status: 'merged', mergedInto: action.intoId, stage: null, dueAt: null, warnAt: null }, null, action.note?.trim() || null)
    }
  }
}

/** The actions a unit may take now (the issue page offers exactly these). */
export function availableActions(state: IssueState, actorUnitId: number, ctx: RoutingContext): ActionType[] {
  const probes: IssueAction[] = [
    { type: 'accept' },
    { type: 'escalate', reason: '理由' + '充分' },
    { type: 'dispatch', toUnitId: dispatchTargets(ctx.units, state.holderUnitId)[0]?.id ?? -1 },
    { type: 'return', reason: '理由充分' },
    { type: 'cohandle', unitIds: [[...ctx.units.keys()].find((id) => id !== state.holderUnitId)!], note: '请协助' },
    { type: 'note', note: '协办意见' },
    { type: 'resolve', result: '已处理完毕' },
    { type: 'verify', approved: true, note: '核查通过' },
    { type: 'supervise', note: '请加快办理' },
    { type: 'requestExtension', days: 3, reason: '需要时间' },
    { type: 'decideExtension', approved: true },
    { type: 'suspend', reason: '等待材料' },
    { type: 'resume' },
    { type: 'reopen', reason: '群众反映未解决' },
    { type: 'merge', intoId: 0 }
  ]
  const allowed = probes.filter((a) => decide(state, a, actorUnitId, ctx).ok).map((a) => a.type)
  // Escalation may be refused only for lack of a skip; it is still offered when a parent exists.
  return allowed
}

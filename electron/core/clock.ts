/** Time as a parameter, so services and tests agree on "now". */
export type Clock = { now: () => Date }
export const systemClock: Clock = { now: () => new Date() }
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) })

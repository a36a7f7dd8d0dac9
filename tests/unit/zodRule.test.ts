// Forms check a field with the contract's own rule (zodRule): the same verdict and the same words as
// the core, an empty field left to the form's `required`.
import { describe, expect, it } from 'vitest'
import { GridAttributes } from '../../electron/shared/contract'
import { Username } from '../../electron/shared/accounts'
import { zodRule } from '../../src/components/zodRule'

const check = (rule: ReturnType<typeof zodRule>, value: unknown) =>
  (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, value).then(
    () => 'ok',
    (e: Error) => e.message
  )

describe('zodRule', () => {
  it('answers a grid code and name as the core does', async () => {
    const code = zodRule(GridAttributes.shape.code)
    expect(await check(code, 'SS-01')).toBe('ok')
    expect(await check(code, '编码 1')).toBe('编码只能由数字、字母和连字符组成（至多 32 位）')
    expect(GridAttributes.shape.code.safeParse('编码 1').success).toBe(false)
    expect(await check(zodRule(GridAttributes.shape.name), '汀'.repeat(61))).toBe('名称至多 60 字')
  })

  it('answers a user name in the contract’s words, and leaves an empty field to required', async () => {
    expect(await check(zodRule(Username), 'Zhang San')).toMatch(/^用户名为 3–32 位小写字母/)
    expect(await check(zodRule(Username), 'zhangsan')).toBe('ok')
    expect(await check(zodRule(Username), '')).toBe('ok')
    expect(await check(zodRule(Username), undefined)).toBe('ok')
  })
})

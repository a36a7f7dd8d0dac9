// 人员台账 → 新增: one person entered by hand passes the import's checks (ID number, duplicates,
// village), lands in the registry, and is undone as one batch; a bad entry names its problem in
// Chinese and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idCheckChar } from '../../electron/core/kernel/personalData'
import { ok, testCoreWithPeople } from '../support/core'

let core: ReturnType<typeof testCoreWithPeople>
let village: number
const count = () => core.store.sqlite.prepare('select count(*) from persons').pluck().get() as number
const idNumber = (seq: string) => `4406051992030${seq}`.concat(idCheckChar(`4406051992030${seq}`))
beforeAll(() => {
  core = testCoreWithPeople()
  village = core.store.sqlite.prepare("select id from units where name = '汀圃社区'").pluck().get() as number
})
afterAll(() => core.close())

describe('persons.create', () => {
  it('adds a party member by hand, placed in the village, and undoes as one batch', async () => {
    const before = count()
    const made = await ok(core, 'persons.create', {
      name: '手工录入',
      idNumber: idNumber('4123'),
      phone: '13912340000',
      hukou: '非佛山户籍',
      isPartyMember: true,
      villageUnitId: village,
      homeAddress: '汀圃社区杨坳经济社 8 号'
    })
    expect(count()).toBe(before + 1)
    const row = core.store.sqlite
      .prepare('select name, gender, is_party_member party, party_registration reg, village_unit_id village, phone_tail tail from persons where id = ?')
      .get(made.id)
    expect(row).toEqual({ name: '手工录入', gender: '男', party: 1, reg: '村居', village, tail: '0000' })
    const listed = await ok(core, 'persons.list', { q: '手工录入', villageUnitId: village, offset: 0, limit: 5 })
    expect(listed.rows.map((r) => r.name)).toEqual(['手工录入'])
    await ok(core, 'changes.undo', { batchId: made.batchId })
    expect(count()).toBe(before)
  })

  it('refuses a wrong check digit and a person already registered, in Chinese, writing nothing', async () => {
    const before = count()
    const bad = idNumber('4124').slice(0, 17) + (idNumber('4124')[17] === '1' ? '2' : '1')
    const wrong = await core.dispatch('persons.create', { name: '校验位错', idNumber: bad, hukou: '本镇户籍', villageUnitId: village })
    expect(!wrong.ok && wrong.error.message).toContain('校验位错误')
    const existing = core.store.sqlite.prepare('select id_number idNumber, name from persons limit 1').get() as { idNumber: string; name: string }
    const twice = await core.dispatch('persons.create', { name: '重复', idNumber: existing.idNumber, hukou: '本镇户籍', villageUnitId: village })
    expect(!twice.ok && twice.error.message).toContain(`身份证号已登记（${existing.name}）`)
    const office = core.store.sqlite.prepare("select id from units where kind = 'office' limit 1").pluck().get() as number
    const notVillage = await core.dispatch('persons.create', { name: '不是村居', idNumber: idNumber('4125'), hukou: '本镇户籍', villageUnitId: office })
    expect(!notVillage.ok && notVillage.error.message).toContain('请选择居住村居')
    expect(count()).toBe(before)
  })
})

describe('persons.update with what the masked form showed', () => {
  it('keeps the real address when the masked one comes back unchanged, and refuses a masked one typed anew', async () => {
    const p = core.store.sqlite.prepare('select id, version, home_address address from persons where length(home_address) > 8 limit 1').get() as {
      id: number
      version: number
      address: string
    }
    const shown = await ok(core, 'persons.get', { id: p.id })
    expect(shown.homeAddress).toContain('****')
    // The form's other fields saved with the masked address as it was shown: the address is kept.
    await ok(core, 'persons.update', { id: p.id, version: p.version, patch: { homeAddress: shown.homeAddress, workUnit: '南海区人民医院' } })
    expect(core.store.sqlite.prepare('select home_address from persons where id = ?').pluck().get(p.id)).toBe(p.address)
    const again = core.store.sqlite.prepare('select version from persons where id = ?').pluck().get(p.id) as number
    const masked = await core.dispatch('persons.update', { id: p.id, version: again, patch: { homeAddress: '别处社区****' } })
    expect(!masked.ok && masked.error.message).toContain('****')
    expect(core.store.sqlite.prepare('select home_address from persons where id = ?').pluck().get(p.id)).toBe(p.address)
  })
})

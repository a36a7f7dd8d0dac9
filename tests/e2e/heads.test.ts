// 三长制 on the screen, as the organisation office at 1366×768: a resident appointed 楼长 of a building
// in a party group's area, a dispute mediated recorded in the head's drawer (refused first without
// its parties' outcome), the figures and the check of areas with no head updated from the store.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, outputDir } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const one = <T>(sql: string, ...p: unknown[]) => app.core.store.sqlite.prepare(sql).get(...p) as T

beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 }, { people: true, user: 'organiser' })
  page = app.page
  await page.locator('.app-nav').getByText('人员台账', { exact: true }).click()
  await page.getByRole('tab', { name: '三长' }).click()
  await page.getByTestId('head-figures').waitFor()
}, 180_000)
afterAll(() => app?.close())

describe('三长制 in 人员台账', () => {
  it('appoints a resident 楼长 of a building, records a mediated dispute, and the figures and the check follow', async () => {
    const areas = one<{ n: number }>('select count(*) n from grids where tier = 3').n
    const withoutHead = () =>
      one<{ n: number }>(
        "select count(*) n from grids g where g.tier = 3 and not exists (select 1 from area_heads h where h.tier3_grid_id = g.id and h.appointed_on <= '2026-11-22' and (h.ended_on is null or h.ended_on > '2026-11-22'))"
      ).n
    const before = withoutHead()
    await expect.poll(() => page.getByTestId('heads-check-button').textContent()).toContain(`无三长的网格 ${before}`)
    const inOffice = (await app.core.dispatch('heads.figures', { from: '2026-01-01', to: '2026-12-31' })) as {
      ok: true
      value: { total: { heads: number; disputes: number; settled: number } }
    }
    const resident = one<{ id: number; name: string }>(
      "select p.id, p.name from persons p join units u on u.id = p.village_unit_id where u.name = '汀圃社区' order by p.id limit 1"
    )
    await page.getByTestId('appoint-head').click()
    const dialog = page.getByRole('dialog', { name: '任命三长' })
    await dialog.getByTestId('village-select').click()
    await page.keyboard.type('汀圃')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '汀圃社区' }).first().click()
    await dialog.getByTestId('head-person').click()
    await page.keyboard.type(resident.name)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: resident.name }).first().click()
    await dialog.getByTestId('head-area-grid').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click()
    await dialog.getByTestId('head-area').fill('兴业路 8 号楼')
    await dialog.getByRole('button', { name: /任\s*命/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const head = one<{ id: number; role: string; grid: number }>('select id, role, tier3_grid_id grid from area_heads where person_id = ?', resident.id)
    expect(head.role).toBe('楼长')
    await expect.poll(() => page.getByTestId('heads-check-button').textContent()).toContain(`无三长的网格 ${withoutHead()}`)
    const search = page.getByTestId('heads-search').locator('input')
    await search.fill('兴业路 8 号楼')
    await search.press('Enter')
    await page.locator('[data-testid="heads-list"] .ag-row [col-id="name"]', { hasText: resident.name }).click()
    const drawer = page.getByTestId('head-drawer')
    await drawer.waitFor()
    await drawer.getByTestId('head-record-kind').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '调解纠纷' }).click()
    await drawer.getByTestId('head-record-title').fill('楼上漏水纠纷')
    await drawer.getByTestId('head-record-save').click()
    // The form asks for the parties and the outcome before anything is sent.
    await expect.poll(() => drawer.textContent()).toContain('请写明纠纷双方')
    await drawer.getByTestId('head-record-parties').fill('302 住户与 402 住户')
    await drawer.getByTestId('head-record-outcome').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '调解成功' }).click()
    await drawer.getByTestId('head-record-save').click()
    await expect.poll(() => drawer.getByTestId('head-records').textContent()).toContain('楼上漏水纠纷')
    expect(one<{ n: number }>("select count(*) n from head_records where head_id = ? and kind = '调解纠纷' and outcome = '调解成功'", head.id).n).toBe(1)
    await page.screenshot({ path: join(outputDir, 'heads-drawer-1366.png') })
    await drawer.locator('.ant-drawer-close').click()
    const figures = page.getByTestId('head-figures')
    const t = inOffice.value.total
    const n = (v: number) => v.toLocaleString('zh-CN')
    await expect.poll(async () => (await figures.textContent())!.replace(/\s+/g, '')).toContain(`调解纠纷${n(t.disputes + 1)}成功${t.settled + 1}`)
    expect((await figures.textContent())!.replace(/\s+/g, '')).toContain(`在任三长（截至2026-11-22）${n(t.heads + 1)}`)
    await page.screenshot({ path: join(outputDir, 'heads-1366.png') })
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: join(outputDir, 'heads-1920.png') })
    await page.setViewportSize({ width: 1366, height: 768 })
    // 规则检查 names the areas still without a head, and leads back here.
    await page.getByRole('tab', { name: /规则检查/ }).click()
    await expect.poll(() => page.getByTestId('heads-rule').textContent()).toContain(`${areas} 个三级网格中有 ${withoutHead()} 个没有在任的楼长、巷长或街长`)
    await page
      .getByTestId('heads-rule')
      .getByRole('button', { name: /查\s*看/ })
      .click()
    await page.getByTestId('head-figures').waitFor()
  })
})

describe('设岗定责 in 人员台账', () => {
  it('sets a post for the village’s members without office, a member claims it, and it is reviewed for the year', async () => {
    await page.getByTestId('village-select').first().click()
    await page.keyboard.type('汀圃')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '汀圃社区' }).first().click()
    await page.getByRole('tab', { name: '设岗定责' }).click()
    await page.getByTestId('post-figures').waitFor()
    await page.getByTestId('new-post').click()
    const dialog = page.getByRole('dialog', { name: '新设岗位' })
    await dialog.getByTestId('post-name').fill('电动车充电劝导岗')
    await dialog.getByTestId('post-duties').fill('劝导租户电动车不进屋充电')
    await dialog.getByRole('button', { name: /设\s*立/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    const post = one<{ id: number; audience: string }>("select id, audience from volunteer_posts where name = '电动车充电劝导岗'")
    expect(post.audience).toBe('无职党员')
    const member = one<{ id: number; name: string }>(
      "select p.id, p.name from persons p join units u on u.id = p.village_unit_id where u.name = '汀圃社区' and p.is_party_member = 1 and p.party_registration = '村居' and not exists (select 1 from post_member_claims c where c.person_id = p.id) order by p.id limit 1"
    )
    await page.getByTestId(`claim-post-${post.id}`).click()
    const claim = page.getByRole('dialog', { name: /领岗/ })
    await claim.getByTestId('claim-person').click()
    await page.keyboard.type(member.name)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: member.name }).first().click()
    await claim.getByRole('button', { name: /领\s*岗/ }).click()
    await claim.waitFor({ state: 'hidden' })
    const row = page.getByTestId('posts-table').locator('tr', { hasText: '电动车充电劝导岗' })
    await expect.poll(() => row.textContent()).toContain(member.name)
    await row.locator('.ant-table-row-expand-icon').click()
    await page.getByTestId('post-review').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '优秀' }).click()
    await expect.poll(() => page.getByTestId('post-claim').filter({ hasText: member.name }).textContent()).toContain('2026 优秀')
    expect(
      one<{ rating: string }>('select r.rating from post_reviews r join post_member_claims c on c.id = r.claim_id where c.post_id = ?', post.id).rating
    ).toBe('优秀')
    await page.screenshot({ path: join(outputDir, 'posts-1366.png') })
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: join(outputDir, 'posts-1920.png') })
  })

  it('imports a village’s ledgers: the roll of heads and the posts with their members, broken rows named, the good ones written', async () => {
    const resident = one<{ idNumber: string; name: string; grid: string }>(
      `select p.id_number idNumber, p.name, (select g.name from grids g where g.tier = 3 and g.village_unit_id = u.id order by g.id limit 1) grid
       from persons p join units u on u.id = p.village_unit_id where u.name = '汀圃社区' and not exists (select 1 from area_heads h where h.person_id = p.id) order by p.id limit 1`
    )
    const member = one<{ idNumber: string; name: string }>(
      "select p.id_number idNumber, p.name from persons p join units u on u.id = p.village_unit_id where u.name = '汀圃社区' and p.is_party_member = 1 and p.party_registration = '村居' and not exists (select 1 from post_member_claims c where c.person_id = p.id) order by p.id limit 1"
    )
    const upload = async (dialogName: string, prefix: string, fileName: string, rows: string[][], expected: string[]) => {
      const dialog = page.getByRole('dialog', { name: dialogName })
      await dialog
        .locator('input[type=file]')
        .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(rows.map((r) => r.join(',')).join('\n')) })
      const report = dialog.getByTestId(`${prefix}-report`)
      await expect.poll(() => report.textContent()).toContain('可导入 1 行，不能导入 1 行')
      for (const words of expected) expect(await report.textContent()).toContain(words)
      await dialog.getByTestId(`${prefix}-commit`).click()
      await dialog.waitFor({ state: 'hidden' })
    }
    await page.getByTestId('post-import-button').click()
    await upload(
      '导入设岗定责台账',
      'post-import',
      '设岗定责台账.csv',
      [
        ['所在村居', '岗位名称', '岗位人数', '岗位职责', '党员姓名', '党员身份证号', '领岗日期'],
        ['汀圃社区', '台账导入岗', '2', '巡查消防通道', member.name, member.idNumber, '2026-10-01'],
        ['汀圃社区', '台账导入岗二', '0', '', '', '', '']
      ],
      ['“岗位人数”应为 1 至 500 的整数，不是“0”']
    )
    await expect.poll(() => page.getByTestId('posts-table').locator('tr', { hasText: '台账导入岗' }).first().textContent()).toContain(member.name)
    await page.getByRole('tab', { name: '三长' }).click()
    await page.getByTestId('head-import-button').click()
    await upload(
      '导入三长台账',
      'head-import',
      '三长名册.csv',
      [
        ['姓名', '身份证号', '所在村居', '三级网格', '类别', '负责楼巷街', '任命日期'],
        [resident.name, resident.idNumber, '汀圃社区', resident.grid, '巷长', '台账导入巷', '2026-10-01'],
        [resident.name, resident.idNumber, '汀圃社区', resident.grid, '栋长', '台账导入楼', '2026-10-01']
      ],
      ['“类别”应为 楼长/巷长/街长，不是“栋长”']
    )
    expect(one<{ role: string }>("select role from area_heads where area = '台账导入巷'").role).toBe('巷长')
    const search = page.getByTestId('heads-search').locator('input')
    await search.fill('台账导入巷')
    await search.press('Enter')
    await expect.poll(() => page.getByTestId('heads-list').locator('.ag-row').first().textContent()).toContain(resident.name)
    // The year's work book out for the village chosen, in the ledger's columns: as many rows as the store has.
    await page.getByTestId('heads-export').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '2026年三长工作台账' }).click()])
    expect(download.suggestedFilename()).toBe('三长工作台账_20260101-20261231.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile((await download.path())!)
    const rows = book.worksheets[0].actualRowCount - 1
    expect(rows).toBe(
      one<{ n: number }>(
        "select count(*) n from head_records r join units u on u.id = r.village_unit_id where u.name = '汀圃社区' and r.date between '2026-01-01' and '2026-12-31'"
      ).n
    )
  })
})

// This month's briefing for the town, composed in browser mode: next steps written, issued, printed to
// an A4 PDF that poppler reads back — the key figures exactly as stats.kpis gives them, page numbers
// 「— N —」, CJK fonts embedded — and reprinted unchanged after the data changed. Then one office's.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, outputDir, printViewToPdf } from '../support/browser'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
const one = <T>(sql: string, ...p: unknown[]) => app.core.store.sqlite.prepare(sql).get(...p) as T
beforeAll(async () => {
  app = await openApp({ width: 1600, height: 900 }, { people: true })
  page = app.page
  await page.getByText('工作简报', { exact: true }).click()
})
afterAll(() => app?.close())

const composeFor = async (month: string, scope?: string) => {
  const period = page.getByTestId('briefing-period')
  await period.click()
  await period.fill(month)
  await period.press('Enter')
  if (scope) {
    await page.getByTestId('briefing-scope').click()
    await page.keyboard.type(scope)
    await page.locator('.ant-select-item-option', { hasText: scope }).first().click()
  }
  await page.getByTestId('compose-briefing').click()
  await page.locator('.briefing-preview [data-testid="print-doc"]').waitFor()
}
describe('a monthly briefing for the town', () => {
  let briefingId = 0
  let firstText = ''
  it('is composed from the store, the next steps written, and issued as 第1期', async () => {
    await composeFor('2026-11')
    const k = await app.core.dispatch('stats.kpis', { from: '2026-11-01', to: '2026-11-30' })
    if (!k.ok) throw new Error(k.error.message)
    const { collected, resolved } = k.value as { collected: number; resolved: number }
    await expect.poll(() => page.locator('.briefing-preview').textContent()).toContain(`共收集问题${collected}条，解决${resolved}条`)
    await page.getByLabel('下一步工作文字').fill('一是对超期问题逐件督办，限期办结；\n二是继续抓好出租屋消防隐患排查。')
    await page.screenshot({ path: join(outputDir, 'briefing-compose.png') })
    await page.getByTestId('issue-briefing').click()
    await page
      .getByRole('dialog', { name: '签发简报' })
      .getByRole('button', { name: /签\s*发/ })
      .click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/print\/briefing\/\d+$/)
    briefingId = Number((await page.evaluate(() => window.location.hash)).split('/').pop())
    expect(one<{ number: number; year: number }>('select number, year from briefings where id = ?', briefingId)).toEqual({ number: 1, year: 2026 })
  })

  it('prints on A4 with the figures of stats.kpis, page numbers and embedded CJK fonts', async () => {
    const { file, text } = await printViewToPdf(page, 'briefing-town', 2)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Page size:.*\(A4\)/)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pages).toBeGreaterThanOrEqual(3)
    const flat = text.replace(/\s+/g, '')
    const k = await app.core.dispatch('stats.kpis', { from: '2026-11-01', to: '2026-11-30' })
    if (!k.ok) throw new Error(k.error.message)
    const v = k.value as { collected: number; resolved: number; resolutionRate: number; overdue: number; supervised: number }
    for (const words of [
      '狮山镇网格化管理工作简报',
      '2026年第1期',
      '狮山镇2026年11月网格化管理工作月报',
      `共收集问题${v.collected}条，解决${v.resolved}条，问题解决率${(Math.round(v.resolutionRate * 1000) / 10).toFixed(1)}%`,
      `期末仍超期${v.overdue}件，本期督办${v.supervised}件`,
      '一是对超期问题逐件督办，限期办结；',
      '六、出租屋消防安全隐患整治',
      '七、三长制与设岗定责',
      '八、下一步工作'
    ])
      expect(flat).toContain(words)
    for (let n = 1; n <= pages; n++) expect(text).toMatch(new RegExp(`^—\\s*${n}\\s*—$`, 'm'))
    // No table's caption ends a page: its first row is printed on the caption's page.
    const doc = await app.core.dispatch('briefings.get', { id: briefingId })
    if (!doc.ok) throw new Error(doc.error.message)
    const tables = (doc.value as { document: { sections: { tables: { caption?: string; rows: string[][] }[] }[] } }).document.sections.flatMap((x) => x.tables)
    // Laid out as printed (a table's rows as lines), page by page.
    const pageTexts = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .map((t) => t.replace(/\s+/g, ''))
    expect(tables.filter((t) => t.caption).length).toBeGreaterThan(2)
    for (const t of tables.filter((x) => x.caption && x.rows.length)) {
      const at = pageTexts.findIndex((pt) => pt.includes(t.caption!.replace(/\s+/g, '')))
      expect(at, t.caption).toBeGreaterThanOrEqual(0)
      const after = pageTexts[at].slice(pageTexts[at].indexOf(t.caption!.replace(/\s+/g, '')))
      expect(after, `“${t.caption}”的第一行不在同一页`).toContain(t.rows[0][0].replace(/\s+/g, ''))
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    // Chromium's PDF backend embeds CFF-flavoured CJK fonts (Noto CJK, Noto Serif SC) as Type 3: every
    // font must be embedded (emb) and map back to Unicode (uni), so the Chinese text is all there.
    for (const f of fonts) expect(f.trim().split(/\s+/).slice(-5, -2), f).toEqual(['yes', expect.stringMatching(/yes|no/), 'yes'])
    firstText = text
  })

  it('reprints the same document after the data changed', async () => {
    const spot = one<{ lon: number; lat: number }>('select label_lon lon, label_lat lat from grids where tier = 3 order by id limit 1')
    for (let n = 0; n < 2; n++)
      await app.core.dispatch('issues.create', {
        title: '签发后新增',
        description: '签发后新增的问题',
        category: '环境卫生',
        urgency: '一般',
        source: '网格巡查',
        ...spot
      })
    await page.reload()
    expect((await printViewToPdf(page, 'briefing-town-reprint')).text).toBe(firstText)
  })
})

describe('a monthly briefing for one office', () => {
  it('is composed for the office and listed once issued', async () => {
    await page.goBack()
    await page.getByTestId('briefing-list').getByText('2026年第1期 · 月报').waitFor()
    const office = one<{ id: number; name: string }>("select id, name from units where kind = 'office' order by id limit 1")
    await composeFor('2026-11', office.name)
    await expect.poll(() => page.locator('.briefing-preview .briefing-subject').textContent()).toBe(`${office.name}2026年11月网格化管理工作月报`)
    // Any text prints as text: markup, emoji, an unbroken run far wider than the page.
    await page.getByLabel('下一步工作文字').fill(`一是抓好辖区超期问题办理。<b>加粗</b><script>alert(1)</script> 🔥${'长'.repeat(120)}`)
    // Leaving the screen keeps the draft: the same briefing, the same words.
    await page.getByText('事件处置', { exact: true }).click()
    await page.getByTestId('issue-kpis').waitFor()
    await page.getByText('工作简报', { exact: true }).click()
    await expect.poll(() => page.getByLabel('下一步工作文字').inputValue()).toContain('一是抓好辖区超期问题办理。<b>加粗</b>')
    expect(await page.getByTestId('briefing-scope').textContent()).toContain(office.name)
    await page.getByTestId('issue-briefing').click()
    await page
      .getByRole('dialog', { name: '签发简报' })
      .getByRole('button', { name: /签\s*发/ })
      .click()
    await expect.poll(() => one<{ n: number }>('select count(*) n from briefings where scope_unit_id = ?', office.id).n).toBe(1)
    const { text } = await printViewToPdf(page, 'briefing-office')
    expect(text.replace(/\s+/g, '')).toContain(`一是抓好辖区超期问题办理。<b>加粗</b><script>alert(1)</script>`)
    expect(await page.evaluate(() => document.querySelectorAll('.print-doc b, .print-doc script').length)).toBe(0)
    await page.screenshot({ path: join(outputDir, 'briefing-office-print.png') })
  })
})

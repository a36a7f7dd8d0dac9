// Every screen at the two sizes towns have (1366×768 office PCs, 1920×1080), as the role that uses
// it: a screenshot of each (looked at by a person) and an automatic check that no text is cut off —
// past the window's edge or clipped by its box (tests/support/overflow.ts).
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, outputDir, waitForMapIdle } from '../support/browser'
import { signInThroughScreen, signOutThroughMenu } from '../support/screens'
import { overflowingText, type Overflow } from '../support/overflow'

let app: Awaited<ReturnType<typeof openApp>>
let page: Page
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 }, { people: true, user: 'operator' })
  page = app.page
}, 180_000)
afterAll(() => app?.close())

const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 }
]

/** Each screen: its name in the navigation, and what shows it is drawn. */
const businessScreens: { nav: string; name: string; ready: (p: Page) => Promise<unknown> }[] = [
  {
    nav: '网格地图',
    name: 'map',
    ready: (p) => p.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="grid-map"]')?.dataset.idle === '1')
  },
  { nav: '人员台账', name: 'people', ready: (p) => p.locator('[data-screen="people"] .ag-row').first().waitFor() },
  { nav: '党员编组', name: 'placement', ready: (p) => p.getByTestId('placement-waiting').waitFor() },
  {
    nav: '事件处置',
    name: 'issues',
    ready: async (p) => {
      await p.locator('[data-testid="issue-list"] .ag-row [col-id="code"]').first().click()
      await p.getByTestId('issue-holder').waitFor()
    }
  },
  {
    nav: '出租屋整治',
    name: 'rentals',
    ready: async (p) => {
      await p.getByRole('tab', { name: '出租屋台账' }).click()
      await p.getByTestId('rental-total').waitFor()
    }
  },
  {
    nav: '出租屋整治',
    name: 'rentals-overdue',
    ready: async (p) => {
      await p.getByRole('tab', { name: '逾期隐患' }).click()
      await p.getByTestId('overdue-table').locator('tbody tr.ant-table-row').first().waitFor()
    }
  },
  {
    nav: '工作简报',
    name: 'briefings',
    // The composer with a month's briefing composed: the preview beside the controls.
    ready: async (p) => {
      await p.getByRole('button', { name: /生成简报/ }).click()
      await p.locator('.briefing-preview [data-testid="print-doc"]').waitFor({ timeout: 60_000 })
    }
  }
]

async function look(name: string, size: { width: number }): Promise<Overflow[]> {
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(outputDir, `screen-${name}-${size.width}.png`) })
  return (await overflowingText(page)).map((o) => ({ ...o, where: `${name}@${size.width}: ${o.where}` }))
}

async function signInAs(username: string) {
  await signOutThroughMenu(page)
  await signInThroughScreen(page, username)
}

describe('every screen at 1366×768 and 1920×1080', () => {
  it('the check finds text cut off: the header with all its figures at 1366, a clipped label', async () => {
    await page.setViewportSize(sizes[0])
    await page.locator('.app-nav').getByText('事件处置', { exact: true }).click()
    await page.getByTestId('issue-kpis').waitFor()
    expect(await overflowingText(page)).toEqual([])
    // As the header was before it gave way at office sizes: every figure and the subtitle shown.
    await page.addStyleTag({
      content: '.app-figures .figure-minor, .app-figures .figure-minor-narrow { display: flex !important } .app-title-sub { display: inline !important }'
    })
    await page.evaluate(() => {
      const box = document.createElement('div')
      box.style.cssText = 'position: fixed; left: 10px; top: 300px; width: 60px; height: 20px; overflow: hidden; white-space: nowrap'
      box.innerHTML = '<span id="clipped-probe">一段很长的被截断的文字</span>'
      document.body.appendChild(box)
    })
    const found = await overflowingText(page)
    expect(found.map((f) => f.text)).toContain('一段很长的被截断的文字')
    expect(found.some((f) => f.where.includes('app-figures') && f.why.startsWith('超出窗口'))).toBe(true)
    await page.reload()
    await page.getByTestId('issue-kpis').waitFor()
  })

  it('the business screens, as the command centre’s operator: nothing cut off', async () => {
    const cut: Overflow[] = []
    for (const size of sizes) {
      await page.setViewportSize(size)
      for (const s of businessScreens) {
        await page.locator('.app-nav').getByText(s.nav, { exact: true }).click()
        await s.ready(page)
        if (s.name === 'map') await waitForMapIdle(page, 0)
        cut.push(...(await look(s.name, size)))
      }
    }
    expect(cut).toEqual([])
  })

  it('the accounts and the audit screens, as their administrators: nothing cut off', async () => {
    const cut: Overflow[] = []
    for (const [user, nav, name, ready] of [
      ['admin', '账号与安全', 'accounts', 'accounts-screen'],
      ['auditor', '审计记录', 'audit', 'audit-screen']
    ] as const) {
      await page.setViewportSize(sizes[0])
      await signInAs(user)
      await page.locator('.app-nav').getByText(nav, { exact: true }).click()
      await page.getByTestId(ready).waitFor()
      for (const size of sizes) {
        await page.setViewportSize(size)
        cut.push(...(await look(name, size)))
      }
    }
    expect(cut).toEqual([])
  })

  it('the read-only leader: every business screen without a control the role does not have, and no denial', async () => {
    await page.setViewportSize(sizes[0])
    await signInAs('leader')
    await page.locator('.app-nav').getByText('人员台账', { exact: true }).click()
    await page.locator('[data-testid="registry-persons"] .ag-row').first().waitFor()
    for (const name of [/导\s*入/, /新\s*增/]) expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0)
    expect(await page.getByTestId('row-edit').count()).toBe(0)
    await page.getByRole('tab', { name: '党员户联系' }).click()
    await page.locator('[data-testid="registry-households"] .ag-row [col-id="code"]').first().click()
    await page.getByTestId('household-drawer').waitFor()
    expect(
      await page
        .getByTestId('household-drawer')
        .getByRole('button', { name: /保存走访记录|指定为联系党员/ })
        .count()
    ).toBe(0)
    await page.locator('.ant-drawer-close').click()
    await page.getByRole('tab', { name: '人员', exact: true }).click()
    await page.locator('.app-nav').getByText('党员编组', { exact: true }).click()
    await page.getByTestId('placement-waiting').waitFor()
    expect(await page.getByTestId('place-all').count()).toBe(0)
    expect(await page.getByRole('button', { name: /保存容量/ }).count()).toBe(0)
    await page.locator('.app-nav').getByText('工作简报', { exact: true }).click()
    await page.getByRole('button', { name: /生成简报/ }).click()
    await page.locator('.briefing-preview [data-testid="print-doc"]').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('issue-briefing').count()).toBe(0)
    expect(await page.locator('.briefings-screen').textContent()).not.toContain('签发须由')
    await page.locator('.app-nav').getByText('事件处置', { exact: true }).click()
    await page.getByTestId('issue-kpis').waitFor()
    expect(await page.getByTestId('new-issue').count()).toBe(0)
    await page.screenshot({ path: join(outputDir, 'screen-leader-issues-1366.png') })
    expect(app.core.store.sqlite.prepare("select action from audit_events where username = 'leader' and outcome = 'denied'").all()).toEqual([])
  })
})

// npm run bench (felt speed, issue 18) — what a person waits for on the demo town in Debian
// Chromium, from the click to the rows or the panel on the screen, each beside a bare page that
// fetches the same data through the same API and draws it as a plain table or panel:
//   screen switch → issue list drawn · click on an issue → its panel drawn · screen switch → people list drawn.
// Goals: a panel within 200 ms and a list within 500 ms of the click, and within 1.5× of the bare page.
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { startHttpServer } from '../../electron/server/http'
import { launchChromium, rendererDir, waitForMapIdle } from '../support/browser'
import { signIn, testCoreWithPeople } from '../support/core'
import { compare, machine, printTable, stat, writeResults, type CaseResult } from './report'

type Felt = { t0: number; t1: number }
declare global {
  interface Window {
    felt?: Felt
  }
}

/**
 * Arm the clock: the next pointerdown anywhere starts it. First the page is let settle (two frames
 * and an idle moment), as a person looks at what is shown before clicking; the bare pages alike.
 */
const arm = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }))
    window.felt = { t0: 0, t1: 0 }
    document.addEventListener('pointerdown', () => (window.felt!.t0 = performance.now()), { capture: true, once: true })
  })
/** Wait (every frame) until `drawn` holds, and stop the clock at the first frame it does. */
async function waitDrawn(page: Page, drawn: () => boolean): Promise<number> {
  await page.waitForFunction(drawn, undefined, { polling: 'raf', timeout: 30_000 })
  return page.evaluate(() => window.felt!.t1 - window.felt!.t0)
}

// Functions, not strings: the app's CSP forbids eval. Each records the frame it first held on
// through `feltStamp`, put on every page by an init script (a function passed in is serialized alone).
// Drawn means on the screen: a row kept in a hidden screen does not count (checkVisibility).
const issueRowsDrawn = () => {
  const cell = document.querySelector('[data-testid="issue-list"] .ag-row [col-id="title"]')
  return (window as unknown as { feltStamp: (ok: boolean) => boolean }).feltStamp(!!cell?.textContent && cell.checkVisibility({ visibilityProperty: true }))
}
const peopleRowsDrawn = () => {
  const cell = document.querySelector('[data-testid="registry-persons"] .ag-row [col-id="idNumber"]')
  return (window as unknown as { feltStamp: (ok: boolean) => boolean }).feltStamp(!!cell?.textContent && cell.checkVisibility({ visibilityProperty: true }))
}
const panelDrawn = () => {
  const want = (window as unknown as { wantCode?: string }).wantCode
  const panel = document.querySelector('[data-testid="issue-panel"]')
  return (window as unknown as { feltStamp: (ok: boolean) => boolean }).feltStamp(
    !!want &&
      !!panel?.checkVisibility({ visibilityProperty: true }) &&
      !!panel.textContent?.includes(want) &&
      !!panel.querySelector('[data-testid="issue-holder"]') &&
      !!panel.querySelector('.issue-timeline')
  )
}
const bareDone = () => (window as unknown as { feltStamp: (ok: boolean) => boolean }).feltStamp(document.getElementById('out')?.dataset.done === '1')

/**
 * The bare pages: a button; on click, the same call the screen makes, over the same HTTP API with the
 * same token, drawn as plain HTML. No framework, no grid, no cache.
 */
function barePage(kind: 'issues' | 'panel' | 'people', issueId: number): string {
  const call =
    kind === 'issues'
      ? `['issues.list', { filters: { status: 'open' }, offset: 0, limit: 100 }]`
      : kind === 'people'
        ? `['persons.list', { offset: 0, limit: 100 }]`
        : `['issues.get', { id: ${issueId}, actingUnitId: undefined }]`
  return `<!doctype html><meta charset="utf-8"><button id="go" style="width:200px;height:40px">go</button><div id="out"></div>
<script type="module">
const token = sessionStorage.getItem('shishan.session')
document.getElementById('go').addEventListener('click', async () => {
  const [method, input] = ${call}
  const r = await (await fetch('./api/' + method, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: JSON.stringify(input) })).json()
  const out = document.getElementById('out')
  const esc = (v) => String(v ?? '').replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'))
  if (${kind === 'panel'}) {
    const i = r.value
    out.innerHTML = '<h3>' + esc(i.title) + '</h3><dl>' + Object.entries(i).filter(([, v]) => typeof v !== 'object').map(([k, v]) => '<dt>' + esc(k) + '</dt><dd>' + esc(v) + '</dd>').join('') + '</dl><ul>' + i.events.map((e) => '<li>' + esc(e.actionName) + ' ' + esc(e.fromUnit) + ' → ' + esc(e.toUnit) + ' ' + esc(e.at) + '</li>').join('') + '</ul>'
  } else {
    const rows = r.value.rows
    const cols = Object.keys(rows[0] ?? {})
    out.innerHTML = '<table><tr>' + cols.map((c) => '<th>' + esc(c) + '</th>').join('') + '</tr>' + rows.map((row) => '<tr>' + cols.map((c) => '<td>' + esc(row[c]) + '</td>').join('') + '</tr>').join('') + '</table>'
  }
  out.dataset.done = '1'
})
</script>`
}

export async function runFeltSpeedBench(opts: { runs: number; write?: boolean }) {
  const core = testCoreWithPeople()
  const server = await startHttpServer({
    dispatch: core.dispatch,
    staticDir: rendererDir,
    port: 0,
    changes: core.changes,
    isValidToken: (t) => core.accounts.sessionOf(t) !== null
  })
  const browser = await launchChromium()
  const token = await signIn(core, 'operator')
  const openIssues = core.store.sqlite
    .prepare("select id, code from issues where status in ('reported', 'accepted', 'resolved') order by created_at desc limit 40")
    .all() as { id: number; code: string }[]
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' })
    await page.addInitScript((t) => sessionStorage.setItem('shishan.session', t), token)
    await page.addInitScript(() => {
      ;(window as unknown as { feltStamp: (ok: boolean) => boolean }).feltStamp = (ok) => {
        if (ok && window.felt && !window.felt.t1) window.felt.t1 = performance.now()
        return ok
      }
    })
    // The bare pages live at the server's origin (so their fetches carry the same token to the same API).
    for (const kind of ['issues', 'panel', 'people'] as const)
      await page.route(`${server.url}bare-${kind}.html`, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: barePage(kind, openIssues[0].id) })
      )
    await page.goto(`${server.url}#/map`)
    await waitForMapIdle(page, 0)
    // A person looks at the map a moment before going on: the other screens' code is loaded meanwhile.
    await page.waitForFunction(() => document.documentElement.dataset.screensLoaded === '1', undefined, { timeout: 30_000 })
    const nav = (name: string) => page.locator('.app-nav').getByText(name, { exact: true })

    // The first round opens each screen and panel for the first time in the session (code, styles and
    // grids made); the rounds after come back to screens kept open, as a person does all day.
    const first = { issues: [] as number[], panel: [] as number[], people: [] as number[] }
    const again = { issues: [] as number[], panel: [] as number[], people: [] as number[] }
    for (let run = 0; run <= opts.runs; run++) {
      const app = run === 0 ? first : again
      // 人员台账 → 事件处置: the issue list's first rows (the first round opens 人员台账 from the map).
      if (run === 0) await arm(page)
      await nav('人员台账').click()
      if (run === 0) first.people.push(await waitDrawn(page, peopleRowsDrawn))
      else await page.waitForFunction(peopleRowsDrawn, undefined, { polling: 'raf' })
      await arm(page)
      await nav('事件处置').click()
      app.issues.push(await waitDrawn(page, issueRowsDrawn))
      // A click on an issue: its panel with the holder and the log.
      const target = openIssues[(run + 1) % openIssues.length]
      await page.getByPlaceholder('编号或标题').fill(target.code)
      await page.getByPlaceholder('编号或标题').press('Enter')
      const cell = page.locator('[data-testid="issue-list"] .ag-row [col-id="code"]', { hasText: target.code }).first()
      await cell.waitFor()
      await page.evaluate((c) => ((window as unknown as { wantCode?: string }).wantCode = c), target.code)
      await arm(page)
      await cell.click()
      app.panel.push(await waitDrawn(page, panelDrawn))
      // 事件处置 → 人员台账: the people list's first rows.
      await arm(page)
      await nav('人员台账').click()
      again.people.push(await waitDrawn(page, peopleRowsDrawn))
    }

    const bare = { issues: [] as number[], panel: [] as number[], people: [] as number[] }
    for (const kind of ['issues', 'panel', 'people'] as const)
      for (let run = 0; run < opts.runs; run++) {
        await page.goto(`${server.url}bare-${kind}.html`)
        await arm(page)
        await page.locator('#go').click()
        bare[kind].push(await waitDrawn(page, bareDone))
      }

    const once = (c: string, xs: number[], goal: string): CaseResult => ({ case: c, unit: 'ms', app: stat(xs), goal })
    const rows: CaseResult[] = [
      compare({
        case: '事件处置: screen switch → issue list drawn',
        unit: 'ms',
        app: stat(again.issues),
        reference: stat(bare.issues),
        referenceCase: 'bare page: issues.list over HTTP → HTML table',
        goal: '≤ 500 ms, ≤ 1.5×'
      }),
      compare({
        case: 'click on an issue → its panel drawn',
        unit: 'ms',
        app: stat(again.panel),
        reference: stat(bare.panel),
        referenceCase: 'bare page: issues.get over HTTP → HTML',
        goal: '≤ 200 ms, ≤ 1.5×'
      }),
      compare({
        case: '人员台账: screen switch → people list drawn',
        unit: 'ms',
        app: stat(again.people),
        reference: stat(bare.people),
        referenceCase: 'bare page: persons.list over HTTP → HTML table',
        goal: '≤ 500 ms, ≤ 1.5×'
      }),
      once('first time in the session: 事件处置 opened → issue list drawn', first.issues, '≤ 500 ms'),
      once('first time in the session: click on an issue → its panel drawn', first.panel, '≤ 200 ms'),
      once('first time in the session: 人员台账 opened → people list drawn', first.people, '≤ 500 ms')
    ]
    printTable(`手感速度（演示镇，1366×768，${machine()}）`, rows)
    const result = { at: new Date().toISOString(), machine: machine(), runs: opts.runs, cases: rows }
    if (opts.write !== false) writeResults('feltSpeed', result)
    return result
  } finally {
    await browser.close()
    await server.close()
    core.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runFeltSpeedBench({ runs: Number(process.env.BENCH_RUNS ?? 10) }).catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

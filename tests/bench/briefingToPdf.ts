// npm run bench (briefing part) — a monthly briefing to PDF in browser mode, on the demo town and on
// the city-scale store (issue 9): compose (the core gathers every figure), issue (compose again,
// freeze), then from navigation to the print view to the PDF bytes in Debian Chromium — beside
// printing the same document as static HTML in the same browser. Adds `briefing` and `cityBriefing`
// sections to bench-results.json.
import { pathToFileURL } from 'node:url'
import { startCore, type Core } from '../../electron/core/app'
import { defaultMigrationsFolder, defaultResourcesFolder } from '../../electron/core/paths'
import { startHttpServer } from '../../electron/server/http'
import { launchChromium, rendererDir } from '../support/browser'
import { tempDbFile, testCoreWithPeople } from '../support/core'
import { buildCity, foshan, tiny, type CityScale } from './cityData'
import { compare, machine, printTable, stat, time, writeResults, type CaseResult } from './report'
import { signedIn } from './signedIn'

const sections = ['overview', 'linkage', 'reporting', 'keyIssues', 'ranking', 'nextSteps'].map((key) => ({
  key,
  ...(key === 'nextSteps' ? { paragraphs: ['一是加快超期问题办理。'] } : {})
}))

/** Compose, issue and print one monthly briefing `runs` times on `core`; the cases, named for `where`. */
async function measureBriefing(core: Core, where: string, runs: number): Promise<{ rows: CaseResult[]; pages: number }> {
  const server = await startHttpServer({ dispatch: core.dispatch, staticDir: rendererDir, port: 0, isValidToken: (t) => core.accounts.sessionOf(t) !== null })
  const user = await signedIn(core, 'operator')
  const must = async (r: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>) => {
    const v = await r
    if (!v.ok) throw new Error(v.error!.message)
    return v.value
  }
  const browser = await launchChromium()
  const compose: number[] = []
  const issue: number[] = []
  const app: number[] = []
  const ref: number[] = []
  let pages = 0
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    await page.addInitScript((t) => sessionStorage.setItem('shishan.session', t), user.token)
    // Run -1 warms up both sides and is not counted: the static copy reuses the app's fonts and styles,
    // so without it only the app would pay a cold browser (its first print read every font file).
    const keep = (list: number[], run: number, ms: number) => void (run >= 0 && list.push(ms))
    for (let run = -1; run < runs; run++) {
      keep(compose, run, await time(() => must(user.call('briefings.compose', { kind: '月报', anchor: '2026-11-01' }))))
      let issued!: { id: number }
      keep(
        issue,
        run,
        await time(async () => (issued = (await must(user.call('briefings.issue', { kind: '月报', anchor: '2026-11-01', sections }))) as { id: number }))
      )
      // The app: navigate to the print view, wait for the document, print.
      await page.goto('about:blank')
      let t = performance.now()
      await page.goto(`${server.url}#/print/briefing/${issued.id}`)
      await page.locator('.print-page-host [data-testid="print-doc"]').waitFor({ timeout: 120_000 })
      await page.emulateMedia({ media: 'print' })
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      keep(app, run, performance.now() - t)
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
      // The reference: the same rendered document as static HTML (styles inlined, no script), printed.
      const html = await page.evaluate(
        () =>
          `<!doctype html><html><head><base href="${location.origin}/"><style>${[...document.styleSheets]
            .map((s) => {
              try {
                return [...s.cssRules].map((r) => r.cssText).join('\n')
              } catch {
                return ''
              }
            })
            .join('\n')}</style></head><body>${document.querySelector('.print-page-host [data-testid="print-doc"]')!.outerHTML}</body></html>`
      )
      await page.emulateMedia({ media: 'screen' })
      t = performance.now()
      await page.setContent(html, { waitUntil: 'load' })
      await page.emulateMedia({ media: 'print' })
      await page.pdf({ preferCSSPageSize: true, printBackground: true })
      keep(ref, run, performance.now() - t)
      await page.emulateMedia({ media: 'screen' })
    }
  } finally {
    await browser.close()
    await server.close()
  }
  const rows = [
    { case: `briefings.compose: monthly, ${where} (all sections, chart and map)`, unit: 'ms' as const, app: stat(compose) },
    { case: `briefings.issue: compose again, number, freeze (${where})`, unit: 'ms' as const, app: stat(issue) },
    compare({
      case: `briefing to PDF: navigation → print view → PDF (${where}, ${pages} pages)`,
      unit: 'ms',
      app: stat(app),
      reference: stat(ref),
      referenceCase: 'the same document as static HTML, printed',
      goal: '≤ 1.5'
    })
  ]
  return { rows, pages }
}

export async function runBriefingBench(opts: { town: boolean; city: CityScale | null; runs: number; write?: boolean }) {
  const results: Record<string, { rows: CaseResult[]; pages: number }> = {}
  if (opts.town) {
    const town = testCoreWithPeople()
    try {
      results.briefing = await measureBriefing(town, 'the demo town', opts.runs)
    } finally {
      town.close()
    }
  }
  if (opts.city) {
    const core = startCore({ dbFile: tempDbFile(), migrationsFolder: defaultMigrationsFolder, resourcesFolder: defaultResourcesFolder, demo: false })
    try {
      buildCity(core.store.sqlite, opts.city)
      results.cityBriefing = await measureBriefing(core, `the city, ${opts.city.issues.toLocaleString('en')} issues`, opts.runs)
    } finally {
      core.close()
    }
  }
  for (const [key, r] of Object.entries(results)) {
    printTable(`简报（${key}，${machine()}）`, r.rows)
    if (opts.write !== false) writeResults(key, { at: new Date().toISOString(), machine: machine(), runs: opts.runs, pages: r.pages, cases: r.rows })
  }
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const small = process.env.BENCH_SCALE === 'tiny'
  runBriefingBench({ town: true, city: small ? tiny : foshan, runs: Number(process.env.BENCH_RUNS ?? (small ? 1 : 5)) }).catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

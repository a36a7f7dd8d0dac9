// npm run bench (fourth part) — a monthly town briefing to PDF in browser mode: compose (the core
// gathers every figure), issue (compose again, freeze), then from navigation to the print view to the
// PDF bytes in Debian Chromium — beside printing the same document as static HTML in the same browser.
// Adds a `briefing` section to bench-results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../../electron/core/paths'
import { startHttpServer } from '../../electron/server/http'
import { launchChromium, rendererDir } from '../support/browser'
import { testCoreWithPeople } from '../support/core'
import { signedIn } from './signedIn'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const core = testCoreWithPeople()
  const server = await startHttpServer({ dispatch: core.dispatch, staticDir: rendererDir, port: 0 })
  const user = await signedIn(core, 'operator')
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
  await page.addInitScript((t) => sessionStorage.setItem('shishan.session', t), user.token)
  const compose: number[] = []
  const issue: number[] = []
  const app: number[] = []
  const ref: number[] = []
  let pages = 0
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now()
    const c = await user.call('briefings.compose', { kind: '月报', anchor: '2026-11-01' })
    if (!c.ok) throw new Error(c.error.message)
    compose.push(performance.now() - t)
    t = performance.now()
    const sections = ['overview', 'linkage', 'reporting', 'keyIssues', 'ranking', 'nextSteps'].map((key) => ({ key, ...(key === 'nextSteps' ? { paragraphs: ['一是加快超期问题办理。'] } : {}) }))
    const issued = await user.call('briefings.issue', { kind: '月报', anchor: '2026-11-01', sections })
    if (!issued.ok) throw new Error(issued.error.message)
    issue.push(performance.now() - t)
    // The app: navigate to the print view, wait for the document, print.
    await page.goto('about:blank')
    t = performance.now()
    await page.goto(`${server.url}#/print/briefing/${(issued.value as { id: number }).id}`)
    await page.locator('.print-page-host [data-testid="print-doc"]').waitFor()
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    app.push(performance.now() - t)
    pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    // The reference: the same rendered document as static HTML (styles inlined, no script), printed.
    const html = await page.evaluate(() => `<!doctype html><html><head><base href="${location.origin}/"><style>${[...document.styleSheets].map((s) => { try { return [...s.cssRules].map((r) => r.cssText).join('\n') } catch { return '' } }).join('\n')}</style></head><body>${document.querySelector('.print-page-host [data-testid="print-doc"]')!.outerHTML}</body></html>`)
    await page.emulateMedia({ media: 'screen' })
    t = performance.now()
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    await page.pdf({ preferCSSPageSize: true, printBackground: true })
    ref.push(performance.now() - t)
    await page.emulateMedia({ media: 'screen' })
  }
  await browser.close()
  await server.close()
  core.close()
  const rows = [
    { case: 'briefings.compose: monthly, town scope (all sections, chart and map)', app: median(compose) },
    { case: 'briefings.issue: compose again, number, freeze', app: median(issue) },
    { case: `monthly town briefing to PDF: navigation → print view → PDF (${pages} pages)`, app: median(app), reference: median(ref), referenceCase: 'the same document as static HTML, printed', ratio: median(app) / median(ref) }
  ]
  console.log('\n| case | the app (median ms) | raw reference (median ms) | ratio |\n|---|---|---|---|')
  for (const r of rows) console.log(`| ${r.case} | ${r.app.toFixed(0)} | ${'reference' in r ? `${r.reference!.toFixed(0)} (${r.referenceCase})` : '—'} | ${'ratio' in r ? r.ratio!.toFixed(2) : '—'} |`)
  const file = join(repoRoot, 'bench-results.json')
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  writeFileSync(file, JSON.stringify({ ...previous, briefing: { at: new Date().toISOString(), runs: RUNS, pages, cases: rows } }, null, 2))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

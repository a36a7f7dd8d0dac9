// Timing and reporting shared by the benchmark parts: p50/p95 of repeated runs, each case beside
// its raw reference, printed as a table and merged into bench-results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../../electron/core/paths'

export type Stat = { p50: number; p95: number }
export type CaseResult = { case: string; unit: 'ms' | 'rows/s'; app: Stat; reference?: Stat; referenceCase?: string; ratio?: number; goal?: string }

export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]
export const stat = (xs: number[]): Stat => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95) })

export async function time(f: () => unknown): Promise<number> {
  const t = performance.now()
  await f()
  return performance.now() - t
}

/** Run `f` n times and return the timings (ms). */
export async function repeat(n: number, f: (i: number) => unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(await time(() => f(i)))
  return out
}

/** Ratio app ÷ reference on p95 for times; reference ÷ app for throughput (higher is better). */
export function compare(c: Omit<CaseResult, 'ratio'>): CaseResult {
  if (!c.reference) return c
  const ratio = c.unit === 'rows/s' ? c.reference.p50 / c.app.p50 : c.app.p95 / c.reference.p95
  return { ...c, ratio: Math.round(ratio * 100) / 100 }
}

const fmt = (v: number | undefined, unit: CaseResult['unit']) =>
  v === undefined || Number.isNaN(v)
    ? '—'
    : unit === 'rows/s'
      ? `${Math.round(v).toLocaleString('en')} rows/s`
      : v >= 1000
        ? `${(v / 1000).toFixed(2)} s`
        : `${v.toFixed(1)} ms`

export function printTable(title: string, rows: CaseResult[]) {
  console.log(`\n${title}`)
  console.log('| case | the app p50 / p95 | raw reference p50 / p95 | ratio | goal |')
  console.log('|---|---|---|---|---|')
  for (const r of rows)
    console.log(
      `| ${r.case} | ${fmt(r.app.p50, r.unit)} / ${fmt(r.app.p95, r.unit)} | ${r.reference ? `${fmt(r.reference.p50, r.unit)} / ${fmt(r.reference.p95, r.unit)}${r.referenceCase ? ` (${r.referenceCase})` : ''}` : '—'} | ${r.ratio ?? '—'} | ${r.goal ?? ''} |`
    )
}

export const machine = () => `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`

/** Merge one part's results into bench-results.json (each part owns its key). */
export function writeResults(key: string, value: unknown, file = join(repoRoot, 'bench-results.json')) {
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  all[key] = value
  writeFileSync(file, JSON.stringify(all, null, 2))
}

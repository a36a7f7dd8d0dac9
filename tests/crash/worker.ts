// The crash harness's child: opens the store and works until it is killed — imports of 20 persons
// (one transaction each) and issues created and accepted — printing an ACK line after each call
// the core has acknowledged. The parent kills it with SIGKILL at a random moment and checks the store.
import { startCore } from '../../electron/core/app'
import { idCheckChar } from '../../electron/core/kernel/personalData'

const [dbFile, migrationsFolder, resourcesFolder, iteration] = process.argv.slice(2)
const ROWS = 20
const core = startCore({ dbFile, migrationsFolder, resourcesFolder, demo: false })
const as = { internal: '崩溃测试' }
const ack = (line: string) => process.stdout.write(`ACK ${line}\n`)
// The parent times most kills from here, so they land in the work rather than in the start.
process.stdout.write('READY\n')

/**
 * A valid, unique ID number for row k of round r in iteration i: 64 birth dates per iteration and
 * 1,000 sequence numbers per date, so a worker fast enough for 50 import rounds (1,000 rows) before
 * its kill does not meet its own first rows again.
 */
function idNumber(i: number, round: number, k: number) {
  const serial = round * ROWS + k
  const birth = new Date(Date.UTC(1950, 0, 1) + (i * 64 + Math.floor(serial / 1000)) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const first17 = `440605${birth}${String(serial % 1000).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

async function main() {
  const i = Number(iteration)
  for (let round = 0; ; round++) {
    if (round % 2 === 0) {
      const tag = `崩${i}-${round}-`
      const rows = Array.from({ length: ROWS }, (_, k) => `${tag}${k},${idNumber(i, round, k)},本镇户籍,汀圃社区`)
      const csv = `姓名,身份证号,户籍类型,居住村居\n${rows.join('\n')}\n`
      const r = await core.dispatch(
        'people.import',
        { kind: 'persons', fileName: 'crash.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: false },
        as
      )
      if (r.ok && (r.value as { committed: boolean }).committed) ack(`import ${tag} ${ROWS}`)
      else process.stderr.write(`import refused: ${JSON.stringify(r)}\n`)
    } else {
      const created = await core.dispatch(
        'issues.create',
        { title: `崩溃测试${i}-${round}`, description: '崩溃测试登记的问题', category: '环境卫生', urgency: '一般', source: '网格巡查', villageUnitId: 34 },
        as
      )
      if (!created.ok) continue
      const { id, holderUnitId } = created.value as { id: number; holderUnitId: number }
      ack(`issue ${id} 1`)
      const accepted = await core.dispatch('issues.act', { id, version: 1, actingUnitId: holderUnitId, action: { type: 'accept' } }, as)
      if (accepted.ok) ack(`issue ${id} ${(accepted.value as { version: number }).version}`)
    }
  }
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e))
  process.exit(1)
})

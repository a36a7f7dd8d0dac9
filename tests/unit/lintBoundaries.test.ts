// The code's boundaries (eslint.config.js) are enforced, not only written down: a probe of each kind
// of crossing, linted as if it sat where it would break the rule, is refused; the same import where
// it is allowed is not.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { repoRoot } from '../../electron/core/paths'

const eslint = new ESLint({ cwd: repoRoot })
const refusals = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath: `${repoRoot}/${filePath}` }))[0].messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)

describe('the lint keeps the boundaries', () => {
  it('refuses Electron in the core, the store in a domain/ folder, and another feature’s internals', async () => {
    expect(await refusals("import { app } from 'electron'\nexport const a = app\n", 'electron/core/kernel/probe.ts')).toEqual([
      expect.stringContaining('不得引用 Electron')
    ])
    expect(await refusals("import type { Db } from '../../db/open'\nexport type D = Db\n", 'electron/core/issues/domain/probe.ts')).toEqual([
      expect.stringContaining('domain/ 只放纯规则')
    ])
    expect(await refusals("import Database from 'better-sqlite3'\nexport const d = Database\n", 'electron/core/grids/domain/probe.ts')).toEqual([
      expect.stringContaining('domain/ 只放纯规则')
    ])
    expect(await refusals("import { suggest } from '../people/domain/placement'\nexport const s = suggest\n", 'electron/core/issues/probe.ts')).toEqual([
      expect.stringContaining('issues 不得引用 people')
    ])
    expect(await refusals('export const call = () => window.api\n', 'src/features/issues/probe.ts')).toEqual([expect.stringContaining('只经 src/api/')])
    expect(
      await refusals(
        "import { createIssueService } from '../../../electron/core/issues/issues'\nexport const c = createIssueService\n",
        'src/features/issues/probe.ts'
      )
    ).toEqual([expect.stringContaining('界面只引用功能的 contract 与 words')])
  }, 60_000)

  it('lets a feature use its own domain/, the demo use a feature’s rules, and src/api/ reach window.api', async () => {
    expect(await refusals("import { levelOf } from './domain/issueRouting'\nexport const l = levelOf\n", 'electron/core/issues/probe.ts')).toEqual([])
    expect(await refusals("import { suggest } from '../people/domain/placement'\nexport const s = suggest\n", 'electron/core/demo/probe.ts')).toEqual([])
    expect(await refusals('export const call = () => window.api\n', 'src/api/probe.ts')).toEqual([])
    expect(
      await refusals("import { levelName } from '../../../electron/core/issues/words'\nexport const l = levelName\n", 'src/features/wall/probe.ts')
    ).toEqual([])
  }, 60_000)
})

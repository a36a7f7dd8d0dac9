// The ledger dialog wired to a feature's three ledger methods — `<feature>.importTemplate`,
// `<feature>.import` (a dry run to check, then the commit) and `<feature>.importReportFile` — as the
// rental, 三长 and 设岗定责 ledgers have them (the people registries add undo: PeopleImportModal).
import { App } from 'antd'
import type { Input } from '../../electron/shared/contract'
import { useWrite } from '../api/write'
import { LedgerImportModal } from './LedgerImportModal'

type Feature = 'rentals' | 'heads' | 'posts'
type KindOf<F extends Feature> = Input<`${F}.import`>['kind']

export function FeatureLedgerImport<F extends Feature>(props: {
  feature: F
  title: string
  kinds: { value: KindOf<F>; label: string }[]
  hint: string
  testIdPrefix: string
  onClose: () => void
}) {
  const { feature } = props
  // One feature's methods, typed as any one of them: their inputs and reports have the same shape.
  const template = useWrite(`${feature}.importTemplate` as 'heads.importTemplate', { invalidates: 'nothing' })
  const reportFile = useWrite(`${feature}.importReportFile` as 'heads.importReportFile', { invalidates: 'nothing' })
  const preview = useWrite(`${feature}.import` as 'heads.import', { invalidates: 'nothing' })
  const commit = useWrite(`${feature}.import` as 'heads.import', { invalidates: 'everything' })
  const { message } = App.useApp()
  const as = (kind: KindOf<F>) => kind as Input<'heads.import'>['kind']
  return (
    <LedgerImportModal
      title={props.title}
      kinds={props.kinds}
      initialKind={props.kinds[0].value}
      hint={props.hint}
      testIdPrefix={props.testIdPrefix}
      onClose={props.onClose}
      template={(kind) => template.mutateAsync({ kind: as(kind) })}
      check={(kind, f) => preview.mutateAsync({ kind: as(kind), fileName: f.name, contentBase64: f.base64, dryRun: true })}
      commit={(kind, f) => commit.mutateAsync({ kind: as(kind), fileName: f.name, contentBase64: f.base64, dryRun: false })}
      reportFile={(kind, rejected) => reportFile.mutateAsync({ kind: as(kind), rejected })}
      checking={preview.isPending}
      committing={commit.isPending}
      onCommitted={(r) => message.success(`已导入 ${r.accepted} 行`)}
    />
  )
}

// 导入出租屋台账: the shared ledger dialog on the landlords' register of buildings and the inspectors'
// register of visits.
import { App } from 'antd'
import { useWrite } from '../../api/write'
import { LedgerImportModal } from '../../components/LedgerImportModal'

type Kind = 'buildings' | 'inspections'
const kinds: { value: Kind; label: string }[] = [
  { value: 'buildings', label: '出租屋台账（房东）' },
  { value: 'inspections', label: '排查台账（网格员）' }
]

export function RentalImportModal({ onClose }: { onClose: () => void }) {
  const template = useWrite('rentals.importTemplate', { invalidates: 'nothing' })
  const reportFile = useWrite('rentals.importReportFile', { invalidates: 'nothing' })
  const preview = useWrite('rentals.import', { invalidates: 'nothing' })
  const commit = useWrite('rentals.import', { invalidates: 'everything' })
  const { message } = App.useApp()
  return (
    <LedgerImportModal
      title="导入出租屋台账"
      kinds={kinds}
      initialKind="buildings"
      hint="先校验每一行，确认后一次性导入；先导入出租屋台账，再导入排查台账"
      testIdPrefix="rental-import"
      onClose={onClose}
      template={(kind) => template.mutateAsync({ kind })}
      check={(kind, f) => preview.mutateAsync({ kind, fileName: f.name, contentBase64: f.base64, dryRun: true })}
      commit={(kind, f) => commit.mutateAsync({ kind, fileName: f.name, contentBase64: f.base64, dryRun: false })}
      reportFile={(kind, rejected) => reportFile.mutateAsync({ kind, rejected })}
      checking={preview.isPending}
      committing={commit.isPending}
      onCommitted={(r) => message.success(`已导入 ${r.accepted} 行`)}
    />
  )
}

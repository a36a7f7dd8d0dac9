// 导入人员台账: the shared ledger dialog on the people registries; a commit is one undoable batch.
import { App, Button } from 'antd'
import { useWrite } from '../../api/write'
import { usePeopleUndo } from '../../api/people'
import { LedgerImportModal } from '../../components/LedgerImportModal'

type Kind = 'persons' | 'households' | 'reporting' | 'reserve'
const kinds: { value: Kind; label: string }[] = [
  { value: 'reporting', label: '报到党员' },
  { value: 'persons', label: '人员（党员等）' },
  { value: 'households', label: '党员户联系（户）' },
  { value: 'reserve', label: '储能联系人' }
]

/** `registry`: the registry the dialog was opened from; it opens on that registry's import when there is one. */
export function PeopleImportModal({ onClose, registry }: { onClose: () => void; registry?: string | null }) {
  const template = useWrite('people.template', { invalidates: 'nothing' })
  const reportFile = useWrite('people.importReportFile', { invalidates: 'nothing' })
  const preview = useWrite('people.import', { invalidates: 'nothing' })
  const commit = useWrite('people.import', { invalidates: 'everything' })
  const undo = usePeopleUndo()
  const { message } = App.useApp()
  return (
    <LedgerImportModal
      title="导入人员台账"
      kinds={kinds}
      initialKind={kinds.find((k) => k.value === registry)?.value ?? 'reporting'}
      hint="先校验每一行，确认后一次性导入；可整批撤销"
      testIdPrefix="people-import"
      onClose={onClose}
      template={(kind) => template.mutateAsync({ kind })}
      check={(kind, f) => preview.mutateAsync({ kind, fileName: f.name, contentBase64: f.base64, dryRun: true })}
      commit={(kind, f) => commit.mutateAsync({ kind, fileName: f.name, contentBase64: f.base64, dryRun: false })}
      reportFile={(kind, rejected) => reportFile.mutateAsync({ kind, rejected })}
      checking={preview.isPending}
      committing={commit.isPending}
      onCommitted={(r) => {
        const key = `people-import-${r.batchId}`
        message.success({
          key,
          duration: 10,
          content: (
            <span>
              已导入 {r.accepted} 行。
              {r.batchId && (
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    undo(r.batchId!).then(
                      () => message.success({ key, content: '已撤销本次导入' }),
                      (e: Error) => message.error({ key, content: e.message })
                    )
                  }
                >
                  撤销
                </Button>
              )}
            </span>
          )
        })
      }}
    />
  )
}

// 导出 Excel: asks the core for a file (an audited export) and saves it; a refusal shows in words.
// Shown only to roles that may export.
import { App, Button } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import type { Input, MethodName, Output } from '../../electron/shared/contract'
import { useWrite } from '../api/write'
import { useCan } from '../api/auth'
import { saveFile } from '../api/download'

type FileMethod = { [M in MethodName]: Output<M> extends Output<'grids.export'> ? M : never }[MethodName]

export function ExportButton<M extends FileMethod>({
  method,
  input,
  testId,
  label = '导出 Excel'
}: {
  method: M
  input: Input<M>
  testId: string
  label?: string
}) {
  const can = useCan()
  const exporter = useWrite(method, { invalidates: 'nothing' })
  const { message } = App.useApp()
  if (!can('data.export')) return null
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporter.isPending}
      onClick={() =>
        exporter.mutateAsync(input).then(
          (file) => saveFile(file as Output<'grids.export'>),
          (e: Error) => message.error(e.message)
        )
      }
      data-testid={testId}
    >
      {label}
    </Button>
  )
}

// An issued briefing on A4, exactly as frozen when it was issued (a reprint after the data changed
// is the same document). Print… opens the system dialog; in the desktop app 另存为 PDF writes the
// file directly (printToPDF).
import { Button } from 'antd'
import '@fontsource/noto-serif-sc/400.css'
import '@fontsource/noto-serif-sc/700.css'
import { useIssuedBriefing } from '../../api/briefings'
import { canSavePdf, savePdf } from '../../api/shell'
import { recordPrint } from '../../api/auth'
import { BriefingDocumentView } from '../briefings/BriefingDocumentView'
import { PrintPage } from './PrintPage'

export function BriefingPrint({ briefingId }: { briefingId: number }) {
  const data = useIssuedBriefing(briefingId)
  const d = data.data?.document
  const extra =
    canSavePdf() && d ? (
      <Button
        onClick={() => void recordPrint('工作简报（另存为 PDF）', `briefing=${briefingId}`).then(() => savePdf(`${d.title}${d.year}年第${d.number}期.pdf`))}
      >
        另存为 PDF
      </Button>
    ) : null
  return (
    <PrintPage loading={data.isLoading} error={data.error} extra={extra} printing={{ what: '工作简报', target: `briefing=${briefingId}` }}>
      {d && <BriefingDocumentView doc={d} />}
    </PrintPage>
  )
}

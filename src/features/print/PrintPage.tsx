// The frame of every print view: a toolbar that does not print (back, print), the loading and
// error states, and the A4 sheet itself (print.css: GB/T 9704 margins).
import { useEffect, type ReactNode } from 'react'
import { Alert, Button } from 'antd'
import dayjs from 'dayjs'
import { recordPrint } from '../../api/auth'
import { ScreenLoading } from '../../components/ScreenLoading'
import '../../components/printDoc.css'
import { dayOf, formatTime } from '../../components/chinaDay'

/**
 * `printing` names the document for the audit trail: every print (the button, Ctrl+P, the desktop's
 * save as PDF) is recorded with who printed what.
 */
export function PrintPage({
  loading,
  error,
  children,
  extra,
  printing
}: {
  loading: boolean
  error: Error | null
  children: ReactNode
  extra?: ReactNode
  printing: { what: string; target: string }
}) {
  const { what, target } = printing
  useEffect(() => {
    const record = () => void recordPrint(what, target)
    window.addEventListener('beforeprint', record)
    return () => window.removeEventListener('beforeprint', record)
  }, [what, target])
  return (
    <div className="print-page-host">
      <div className="print-toolbar no-print">
        <Button onClick={() => history.back()}>返回</Button>
        {extra}
        <Button type="primary" onClick={() => window.print()} disabled={loading || !!error}>
          打印
        </Button>
      </div>
      {loading && <ScreenLoading />}
      {error && <Alert type="error" showIcon message={error.message} className="print-error" />}
      {!loading && !error && children}
    </div>
  )
}

/** 2026年11月2日 — a day on paper (an instant's China day). */
export const paperDate = (value: string) => dayjs(dayOf(value)).format('YYYY年M月D日')
/** 2026年11月2日 09:30, in China time. */
export const paperTime = (iso: string) => {
  const [day, time] = formatTime(iso).split(' ')
  return `${dayjs(day).format('YYYY年M月D日')} ${time}`
}

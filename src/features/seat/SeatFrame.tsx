// A desktop seat's connection, always in view: a strip while the town server cannot be reached (writes
// are refused until it is back) or runs another version, and a notice for each write whose answer was
// lost once the seat has checked whether the server made it. Nothing on a single PC or in a browser.
import { useCallback, type ReactNode } from 'react'
import { Alert, App as AntApp } from 'antd'
import { useCheckedWrites, useSeatState } from '../../api/seat'
import type { CheckedOutcome } from '../../../electron/shared/seat'
import { formatTime } from '../../components/chinaDay'

/**
 * Wraps the whole window: while the seat is down (or of another version) a strip above everything,
 * pushing the screen down rather than covering its header; otherwise no box at all (display:
 * contents), so the screens lay out — and print — exactly as on a single PC. The wrapper is always
 * there, so the screens are not mounted again when the strip comes and goes.
 */
export function SeatFrame({ children }: { children: ReactNode }) {
  const state = useSeatState()
  const { notification } = AntApp.useApp()
  const onChecked = useCallback(
    (o: CheckedOutcome) =>
      notification[o.made ? 'success' : 'warning']({
        key: o.key,
        duration: 0,
        message: o.made ? `已核对：“${o.methodName}”已保存` : `已核对：“${o.methodName}”未保存`,
        description: o.made
          ? `${formatTime(o.sentAt)} 发出时连接中断，镇服务器确认已经办理，无需重新提交。`
          : `${formatTime(o.sentAt)} 发出时连接中断，镇服务器没有收到，请重新办理。`
      }),
    [notification]
  )
  useCheckedWrites(onChecked)
  const strip =
    state?.kind === 'down' ? (
      <Alert
        banner
        type="warning"
        role="alert"
        data-testid="seat-banner"
        message={
          <>
            <b>与镇服务器的连接已断开，正在重连…</b> 连接恢复前不能保存修改，可继续查看已打开的内容。
            <span className="seat-banner-why">
              {state.message}（自 {formatTime(state.since)}）
            </span>
          </>
        }
      />
    ) : state?.kind === 'incompatible' ? (
      <Alert banner type="error" role="alert" data-testid="seat-banner" message={<b>本席位程序与镇服务器版本不一致</b>} description={state.message} />
    ) : null
  return (
    <div className={strip ? 'seat-frame seat-frame-strip' : 'seat-frame'}>
      {strip}
      <div className="seat-frame-body">{children}</div>
    </div>
  )
}

// The frame of the sign-in, lock and change-password screens (and of 系统设置 → 本机使用方式).
import type { ReactNode } from 'react'
import { seatSettingsAvailable, useDataKeptAt } from '../../api/seat'

export function AuthCard({
  title,
  children,
  wide = false,
  settingsLink = false
}: {
  title: string
  children: ReactNode
  wide?: boolean
  settingsLink?: boolean
}) {
  const keptAt = useDataKeptAt()
  return (
    <main className="auth-screen">
      <section className={wide ? 'auth-card auth-card-wide' : 'auth-card'} aria-label={title}>
        <div className="auth-brand">狮山镇网格化指挥中心</div>
        <h1 className="auth-title">{title}</h1>
        {children}
      </section>
      <footer className="auth-footer">
        数据仅保存在{keptAt} · 操作全程留痕
        {/* Which server this PC uses is chosen before signing in to it (the desktop app only). */}
        {settingsLink && seatSettingsAvailable() && (
          <>
            {' · '}
            <a href="#/seat-setup" className="auth-footer-link" data-testid="seat-settings-link">
              系统设置
            </a>
          </>
        )}
      </footer>
    </main>
  )
}

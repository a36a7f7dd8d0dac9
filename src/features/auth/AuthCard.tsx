// The frame of the sign-in, lock and change-password screens.
import type { ReactNode } from 'react'
import { dataKeptAt } from '../../api/shell'

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-screen">
      <section className="auth-card" aria-label={title}>
        <div className="auth-brand">狮山镇网格化指挥中心</div>
        <h1 className="auth-title">{title}</h1>
        {children}
      </section>
      <footer className="auth-footer">数据仅保存在{dataKeptAt()} · 操作全程留痕</footer>
    </main>
  )
}

// The town server's page for browser seats (issue 20): how to install the town's CA in the browsers
// the town's PCs have (360 安全浏览器, Edge, Chrome — all use Windows' certificate store), and the CA
// itself. The CA certificate is public; the fingerprint lets whoever installs it check it is the
// town's (the IT person gives it on paper), so a forged page cannot slip in another.
import type { ServerResponse } from 'node:http'
import type { TownTls } from './seats'

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

export function caPage(res: ServerResponse, path: string, tls: TownTls, port: number) {
  if (path === '/town-ca.crt') {
    res.writeHead(200, {
      'content-type': 'application/x-x509-ca-cert',
      'content-disposition': 'attachment; filename="town-ca.crt"; filename*=UTF-8\'\'%E7%8B%AE%E5%B1%B1%E9%95%87%E6%A0%B9%E8%AF%81%E4%B9%A6.crt',
      'cache-control': 'no-store'
    })
    return void res.end(tls.ca)
  }
  const address = `https://${tls.hosts[0] ?? '镇服务器'}:${port}/`
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>安装狮山镇根证书 — 网格化指挥中心</title>
<style>
body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:760px;margin:32px auto;padding:0 16px;color:#1f2937;line-height:1.7}
h1{font-size:22px;color:#b91c1c}code{background:#f3f4f6;padding:2px 6px;border-radius:4px;word-break:break-all}
ol li{margin:6px 0}.box{border:1px solid #e5e7eb;border-radius:6px;padding:12px 16px;margin:16px 0;background:#fafafa}
a.button{display:inline-block;background:#b91c1c;color:#fff;padding:8px 18px;border-radius:4px;text-decoration:none}
</style></head><body>
<h1>狮山镇网格化指挥中心 · 浏览器席位安装根证书</h1>
<p>镇服务器使用本镇自己的证书（狮山镇根证书）加密通信。每台电脑只需安装一次根证书，之后用 360 安全浏览器、Edge 或 Chrome 打开
<code>${escape(address)}</code> 即可登录，不再出现“不安全”提示。</p>
<div class="box"><p><a class="button" href="/town-ca.crt" download>下载狮山镇根证书</a></p>
<p>根证书指纹（SHA-256），请与信息化负责人提供的纸质指纹逐段核对，一致才可安装：</p>
<p><code>${escape(tls.caFingerprint)}</code></p></div>
<h2>安装步骤（Windows 10 / 11）</h2>
<ol>
<li>双击下载的“狮山镇根证书.crt”，点击“打开”，再点“安装证书…”。</li>
<li>存储位置选“本地计算机”（需要管理员权限；没有权限时选“当前用户”），点“下一步”。</li>
<li>选“将所有的证书都放入下列存储”，点“浏览”，选择<b>“受信任的根证书颁发机构”</b>，确定后点“下一步”“完成”。</li>
<li>出现安全警告时，核对其中的指纹与上面一致，点“是”。</li>
<li>关闭所有浏览器窗口后重新打开 <code>${escape(address)}</code>。</li>
</ol>
<h2>说明</h2>
<ul>
<li>360 安全浏览器、Edge、Chrome 都使用 Windows 的证书存储，装一次即可；360 浏览器请使用“极速模式”。</li>
<li>浏览器席位不需要席位证书；系统管理员、安全管理员、审计员等角色按本镇安全设置只能在桌面席位上登录。</li>
<li>如指纹不一致，请不要安装，并立即告知镇信息化负责人。</li>
</ul>
</body></html>`
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store'
  })
  res.end(html)
}

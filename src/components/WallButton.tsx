// 指挥大屏: in the desktop app, choose the display the wall goes to (fullscreen; remembered); in
// browser mode, the wall opens in a new tab, to be dragged to the wall's screen. Either way the wall
// signs in with this window's session, handed over in its URL.
import { useState } from 'react'
import { Button, Dropdown } from 'antd'
import { DesktopOutlined } from '@ant-design/icons'
import { displays, isDesktop, openWallOn, type DisplayInfo } from '../api/shell'
import { sessionToken } from '../api/session'

export function WallButton() {
  const [screens, setScreens] = useState<DisplayInfo[]>([])
  const button = (
    <Button
      ghost
      size="small"
      icon={<DesktopOutlined />}
      onClick={isDesktop() ? undefined : () => window.open(`#/wall?session=${encodeURIComponent(sessionToken() ?? '')}`, '_blank', 'noopener')}
      data-testid="open-wall"
    >
      指挥大屏
    </Button>
  )
  if (!isDesktop()) return button
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(open) => open && void displays().then(setScreens)}
      menu={{
        items: screens.map((d) => ({
          key: String(d.id),
          label: `${d.label}（${d.width}×${d.height}${d.primary ? '，主屏' : ''}${d.remembered ? '，上次使用' : ''}）`
        })),
        onClick: ({ key }) => void openWallOn(Number(key))
      }}
    >
      {button}
    </Dropdown>
  )
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { QueryClientProvider } from '@tanstack/react-query'
import { createQueryClient } from './api/queryClient'
import { App, startEarly } from './App'
// MapLibre's stylesheet before ours, once for every map: the screens are lazy chunks, and a chunk's
// CSS would otherwise land after styles.css and win over it.
import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'

const queryClient = createQueryClient()

// antd's pickers take month and weekday names from dayjs: 十二月 and 一 二 三, never Dec or Su Mo Tu.
dayjs.locale('zh-cn')
startEarly(queryClient)

// A PC set to show no animations (Windows: 显示动画 off; slow office PCs often are) gets none:
// menus and dialogs appear at once instead of sliding in.
const motion = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { motion, colorPrimary: '#1d4e89', borderRadius: 4, fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>
)

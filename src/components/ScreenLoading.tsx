// What a screen shows while its session, code or data is on the way: a still note, not a spinner.
// Without a GPU (many office PCs, and our test machines) every frame of an animation is composited in
// software, and a spinner over the boot cost the map's first drawing about a second (issue 9).
export function ScreenLoading({ text = '正在载入…' }: { text?: string }) {
  return (
    <div className="screen-loading" role="status">
      {text}
    </div>
  )
}

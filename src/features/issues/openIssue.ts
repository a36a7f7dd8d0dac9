// Another screen (a pin on the map, a print view coming back) opens an issue on 事件处置: it leaves
// the issue's id here and goes to the screen, which takes it when shown — mounted anew or kept.
const KEY = 'issues.selected'

export const leaveIssueToOpen = (issueId: number) => sessionStorage.setItem(KEY, String(issueId))

export function takeIssueToOpen(): number | null {
  const id = Number(sessionStorage.getItem(KEY)) || null
  sessionStorage.removeItem(KEY)
  return id
}

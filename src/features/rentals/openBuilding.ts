// Another screen (a building on the map) opens a rental building in 出租屋整治: it leaves the
// building's id here and goes to the screen, which takes it when shown — mounted anew or kept.
const KEY = 'rentals.building'

export const leaveBuildingToOpen = (buildingId: number) => sessionStorage.setItem(KEY, String(buildingId))
export const buildingWaiting = () => sessionStorage.getItem(KEY) !== null

export function takeBuildingToOpen(): number | null {
  const id = Number(sessionStorage.getItem(KEY)) || null
  sessionStorage.removeItem(KEY)
  return id
}

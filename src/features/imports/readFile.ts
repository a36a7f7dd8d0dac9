/** A chosen file as base64, the form grids.import takes over IPC and HTTP alike. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`))
    reader.readAsDataURL(file)
  })
}

/** The extent of a preview, to show it all on the map. */
export function previewBounds(fc: { features: { geometry: { coordinates: unknown } }[] }): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[]
      b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y]
    } else if (Array.isArray(c)) c.forEach(visit)
  }
  fc.features.forEach((f) => visit(f.geometry.coordinates))
  return b
}

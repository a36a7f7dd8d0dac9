/** A feature as read from a file, before any checking. `geometry` is whatever the file held. */
export type RawFeature = { index: number; layer?: string; geometry: unknown; properties: Record<string, unknown> }

export type ReadResult = { format: 'GeoJSON' | 'KML' | 'KMZ' | 'Shapefile'; features: RawFeature[]; fields: string[]; warnings: string[] }

/** The file as a whole cannot be read; the message says why, in words an officer can act on. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportFileError'
  }
}

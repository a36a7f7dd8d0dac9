// The demo town: deterministic, at the seeds' scale, and properly nested (no gaps, no overlaps).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import polygonClipping from 'polygon-clipping'
import area from '@turf/area'
import { generateDemoTown, parseVillageCsv, type DemoGrid, type DemoTown } from '../../electron/core/demo/town'
import { fromGeoJsonGeometry, multiPolygonArea, pointInMultiPolygon, type MultiPolygonCoords } from '../../electron/core/kernel/geometry'
import { defaultResourcesFolder } from '../../electron/core/paths'
import { gridTargets, townTotals } from '../../electron/core/demo/facts'
import { checkGridGeometry } from '../../electron/core/grids/domain/gridShape'
import { checkGridHealth } from '../../electron/core/grids/domain/gridHealth'

const villages = parseVillageCsv(readFileSync(join(defaultResourcesFolder, 'data', 'shishan_villages.csv'), 'utf8'))
const shape = (g: DemoGrid): MultiPolygonCoords => fromGeoJsonGeometry(JSON.parse(g.geometry))
const intersectionArea = (a: MultiPolygonCoords, b: MultiPolygonCoords) =>
  multiPolygonArea(polygonClipping.intersection(a as polygonClipping.MultiPolygon, b as polygonClipping.MultiPolygon) as MultiPolygonCoords)
const bboxesTouch = (a: DemoGrid, b: DemoGrid) => a.bbox[0] <= b.bbox[2] && b.bbox[0] <= a.bbox[2] && a.bbox[1] <= b.bbox[3] && b.bbox[1] <= a.bbox[3]
const hash = (t: DemoTown) => createHash('sha256').update(JSON.stringify(t)).digest('hex')

let town: DemoTown
let byKey: Map<string, DemoGrid>
let childrenOf: Map<string, DemoGrid[]>

beforeAll(() => {
  town = generateDemoTown(villages, 2023)
  byKey = new Map(town.grids.map((g) => [g.key, g]))
  childrenOf = new Map()
  for (const g of town.grids) if (g.parentKey) childrenOf.set(g.parentKey, [...(childrenOf.get(g.parentKey) ?? []), g])
})

describe('demo town generator', () => {
  it('is deterministic: the same seed gives the same town byte for byte, another seed another town', () => {
    expect(hash(generateDemoTown(villages, 2023))).toBe(hash(town))
    expect(hash(generateDemoTown(villages, 7))).not.toBe(hash(town))
  })

  it('has every real village once as a tier-1 grid, and the seeds’ scale of tier-2 and tier-3 grids', () => {
    const tier1 = town.grids.filter((g) => g.tier === 1)
    expect(villages).toHaveLength(84)
    expect(tier1.map((g) => g.code).sort()).toEqual(villages.map((v) => v.code).sort())
    expect(tier1.find((g) => g.code === '440605124056')?.name).toBe('汀圃社区')
    expect(town.grids.filter((g) => g.tier === 2)).toHaveLength(gridTargets.tier2)
    expect(town.grids.filter((g) => g.tier === 2 && g.kind === '经济社')).toHaveLength(583)
    expect(town.grids.filter((g) => g.tier === 3)).toHaveLength(gridTargets.tier3)
    expect(new Set(town.grids.map((g) => g.code)).size).toBe(town.grids.length)
  })

  it('marks every generated grid illustrative and every office assignment 示意', () => {
    expect(town.grids.every((g) => g.illustrative)).toBe(true)
    expect(town.units.filter((u) => u.kind === 'office').every((u) => u.illustrative)).toBe(true)
    expect(town.meta.dataNote).toContain('示意')
  })

  it('places villages the seeds name under their office (汀圃→官窑, 状元→罗村, 大学城→大圃)', () => {
    const officeOf = (name: string) => town.units.find((u) => u.name === name)?.parentKey
    expect(officeOf('汀圃社区')).toBe('office:官窑')
    expect(officeOf('状元社区')).toBe('office:罗村')
    expect(officeOf('大学城社区')).toBe('office:大圃')
    expect(officeOf('小塘社区')).toBe('office:小塘')
  })

  it('draws a town outline of about 230 km² in the expected area', () => {
    const outline = JSON.parse(town.units.find((u) => u.kind === 'town')!.geometry!)
    const km2 = area({ type: 'Feature', geometry: outline, properties: {} }) / 1e6
    expect(km2).toBeGreaterThan(220)
    expect(km2).toBeLessThan(240)
    const tier1Total = town.grids.filter((g) => g.tier === 1).reduce((s, g) => s + g.areaKm2, 0)
    expect(tier1Total).toBeCloseTo(230, 0)
    for (const g of town.grids.filter((g) => g.tier === 1)) {
      expect(g.bbox[0]).toBeGreaterThan(112.9)
      expect(g.bbox[2]).toBeLessThan(113.15)
      expect(g.bbox[1]).toBeGreaterThan(23.0)
      expect(g.bbox[3]).toBeLessThan(23.3)
    }
  })

  it('nests every child inside its parent (tier 3 in tier 2 in tier 1)', () => {
    for (const g of town.grids.filter((g) => g.tier > 1)) {
      const parent = byKey.get(g.parentKey!)!
      expect(parent.tier).toBe(g.tier - 1)
      expect(parent.villageKey).toBe(g.villageKey)
      const inside = intersectionArea(shape(g), shape(parent)) / multiPolygonArea(shape(g))
      expect(inside, `${g.name} inside ${parent.name}`).toBeGreaterThan(1 - 1e-9)
    }
  })

  it('lets no two siblings overlap, and covers each parent completely with its children', () => {
    const tier1 = town.grids.filter((g) => g.tier === 1)
    const families: DemoGrid[][] = [tier1, ...[...childrenOf.values()]]
    for (const siblings of families) {
      for (let i = 0; i < siblings.length; i++)
        for (let j = i + 1; j < siblings.length; j++) {
          if (!bboxesTouch(siblings[i], siblings[j])) continue
          const overlap = intersectionArea(shape(siblings[i]), shape(siblings[j]))
          expect(overlap / multiPolygonArea(shape(siblings[i])), `${siblings[i].name} × ${siblings[j].name}`).toBeLessThan(1e-9)
        }
    }
    for (const [parentKey, children] of childrenOf) {
      const parentArea = multiPolygonArea(shape(byKey.get(parentKey)!))
      const covered = children.reduce((s, c) => s + multiPolygonArea(shape(c)), 0)
      expect(Math.abs(covered - parentArea) / parentArea, `${parentKey} covered`).toBeLessThan(1e-9)
    }
  })

  it('gives every grid a valid shape and passes the whole health check with no problem at all', () => {
    for (const g of town.grids) expect(checkGridGeometry(JSON.parse(g.geometry)).problems, g.name).toEqual([])
    const ids = new Map(town.grids.map((g, i) => [g.key, i + 1]))
    const problems = checkGridHealth(
      town.grids.map((g, i) => ({
        id: i + 1,
        tier: g.tier,
        name: g.name,
        parentId: g.parentKey ? ids.get(g.parentKey)! : null,
        shape: shape(g),
        partyOrganisation: g.partyOrganisation,
        inspector: g.inspector
      })),
      fromGeoJsonGeometry(JSON.parse(town.units.find((u) => u.kind === 'town')!.geometry!))
    )
    expect(problems.map((p) => p.message)).toEqual([])
  })

  it('puts each grid’s label point inside the grid', () => {
    for (const g of town.grids) expect(pointInMultiPolygon(g.labelPoint, shape(g)), g.name).toBe(true)
  })

  it('adds tier-3 figures up to the town totals, and each parent is the sum of its children', () => {
    const tier3 = town.grids.filter((g) => g.tier === 3)
    expect(tier3.reduce((s, g) => s + g.households, 0)).toBe(townTotals.households)
    expect(tier3.reduce((s, g) => s + g.nonHukouPopulation, 0)).toBe(townTotals.nonHukouPopulation)
    expect(tier3.reduce((s, g) => s + g.registeredPopulation, 0)).toBe(townTotals.registeredPopulation)
    for (const [parentKey, children] of childrenOf) {
      const parent = byKey.get(parentKey)!
      expect(children.reduce((s, c) => s + c.households, 0)).toBe(parent.households)
      expect(children.reduce((s, c) => s + c.nonHukouPopulation, 0)).toBe(parent.nonHukouPopulation)
    }
    expect(tier3.every((g) => g.inspector && g.inspector.length >= 2)).toBe(true)
  })
})

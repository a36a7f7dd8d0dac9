// The briefing document (简报) as the core composes it and the print view renders it. Issued ones are
// stored as this JSON, unchanged forever. No electron, no node:, no DOM.
import { z } from 'zod'

export const briefingKinds = ['周报', '月报', '季报', '年报', '专报'] as const
export const BriefingKind = z.enum(briefingKinds)

/** A table as printed: header cells and rows of text (numbers already formatted). */
export const BriefingTable = z.object({
  caption: z.string().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  align: z.array(z.enum(['left', 'right', 'center'])).optional()
})

export const sectionKeys = ['overview', 'linkage', 'reporting', 'keyIssues', 'ranking', 'rentals', 'community', 'nextSteps'] as const
export const BriefingSection = z.object({
  key: z.enum(sectionKeys),
  heading: z.string(),
  /** Narrative paragraphs; the officer may edit them before issuing. */
  paragraphs: z.array(z.string().max(4000)),
  tables: z.array(BriefingTable),
  /** Drawings made by the core (ECharts SVG renderer, the scope's map): SVG markup. */
  figures: z.array(z.object({ caption: z.string(), svg: z.string() }))
})
export type BriefingSection = z.infer<typeof BriefingSection>

/** The key figures behind the text, kept so a reprint and a test can compare them. */
export const BriefingFigures = z.record(z.string(), z.number().nullable())

export const BriefingDocument = z.object({
  kind: BriefingKind,
  title: z.string(),
  /** 第N期 — null while a draft. */
  number: z.number().int().nullable(),
  year: z.number().int(),
  issuingUnit: z.string(),
  /** ISO date printed under the title (the day of issue; for a draft, today). */
  date: z.string(),
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  scope: z.object({ unitId: z.number().int().nullable(), name: z.string() }),
  sections: z.array(BriefingSection),
  figures: BriefingFigures
})
export type BriefingDocument = z.infer<typeof BriefingDocument>

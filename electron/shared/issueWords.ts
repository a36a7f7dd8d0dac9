// The issue linkage's words, for the screens: declared with the feature (electron/core/issues/words.ts).
export * from '../core/issues/words'

/** The statistics engine of an assessment: pure, one pass, mergeable. See ARCHITECTURE.md (domain/statistics). */
export * from './bands.ts';
export * from './builder.ts';
export * from './format.ts';
export * from './items.ts';
export * from './labels.ts';
export * from './percent.ts';
export * from './summary.ts';
export * from './tree.ts';

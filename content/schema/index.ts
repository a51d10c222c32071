/**
 * The Honghei registry: the record schema, its rules and the reading of the content repository.
 * Imported by the site (site/content.config.ts), the validator, the bot and the exporters.
 */
export * from './attachments.ts';
export * from './calendar.ts';
export * from './calendar-checks.ts';
export * from './config.ts';
export * from './config-error.ts';
export * from './content-root.ts';
export * from './dates.ts';
export * from './field-labels.ts';
export * from './field-meta.ts';
export * from './field-rules.ts';
export * from './fields.ts';
export * from './labels.ts';
export * from './messages.ts';
export * from './personal-data.ts';
export * from './problems.ts';
export * from './publication-date.ts';
export * from './record.ts';
export * from './region.ts';
export * from './review-rules.ts';
export * from './settings.ts';
export * from './settings-read.ts';
export * from './source.ts';
export * from './stages.ts';
export * from './uscc.ts';
export * from './validate.ts';
export * from './visibility.ts';
export * from './working-days.ts';

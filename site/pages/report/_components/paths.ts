/** The addresses of the report pages. */

/** /report/<year>/: the yearly report. */
export const reportPath = (year: string) => `/report/${year}/`;

/** /report/<year>.csv: its tables as CSV. */
export const reportCsvPath = (year: string) => `/report/${year}.csv`;

/** /report/bulletin/<batch>/: the quarterly publication notice. */
export const bulletinPath = (batch: string) => `/report/bulletin/${batch}/`;

/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, every field quoted when it holds a
 * comma, quote or line break, CRLF between rows, and a byte-order mark so Excel reads UTF-8
 * (umlauts in names) instead of guessing a code page.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  /** The header cell: an i18n key, translated by the caller. */
  header: string;
  value: (row: Row) => CsvValue;
}

const BOM = '\uFEFF';
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One cell. Text from people (a customer's note, a reason, a file name) that starts like a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so a spreadsheet
 * shows it instead of running it (CSV injection); numbers stay numbers.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header row of translated column names, then one row per record. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], translate: (key: string) => string = (key) => key): string {
  const lines = [columns.map((column) => csvCell(translate(column.header))).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

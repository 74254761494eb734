/** How many records one request asks for: the API's largest page, so each page is one API call. */
export const EXPORT_PAGE_SIZE = 100;

/** A safety net far above any real export (a million audit rows would be 10,000 requests). */
export const EXPORT_MAX_PAGES = 10_000;

export interface PageAnswer<Record> {
  data: Record[];
  total?: number;
}

/**
 * Every record of a list, page by page, however many there are: no cut at 1,000 or at what is on
 * screen. Stops when the total the API counts is reached, or at an empty or short page. Records
 * are kept once by id: a row written while the export runs pushes the others one place down (new
 * audit entries come first), and the next page starts with a record already seen.
 */
export async function collectAll<Record extends { id: string | number }>(
  fetchPage: (page: number, perPage: number) => Promise<PageAnswer<Record>>,
  onProgress?: (loaded: number, total: number | undefined) => void,
  perPage = EXPORT_PAGE_SIZE,
): Promise<Record[]> {
  const seen = new Set<string | number>();
  const records: Record[] = [];
  for (let page = 1; page <= EXPORT_MAX_PAGES; page++) {
    const { data, total } = await fetchPage(page, perPage);
    for (const record of data) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      records.push(record);
    }
    onProgress?.(records.length, total);
    if (data.length < perPage) break;
    if (total !== undefined && page * perPage >= total) break;
  }
  return records;
}

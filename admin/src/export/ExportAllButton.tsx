import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import { Button, downloadCSV, useDataProvider, useListContext, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { collectAll } from './collect-all';
import { toCsv, type CsvColumn } from './csv';

interface ExportAllButtonProps<Row extends RaRecord> {
  columns: readonly CsvColumn<Row>[];
  /** The file's name without `.csv`; the date of the export is added. */
  filename: string;
}

/**
 * Downloads the whole list as CSV, with the filters and order on screen: every page the API has,
 * fetched 100 at a time (react-admin's ExportButton stops at `maxResults`, 1,000 by default).
 */
export function ExportAllButton<Row extends RaRecord>({ columns, filename }: ExportAllButtonProps<Row>) {
  const { resource, filterValues, sort, total } = useListContext<Row>();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const [progress, setProgress] = useState<string | null>(null);

  const run = async () => {
    setProgress('0');
    try {
      const records = await collectAll<Row>(
        (page, perPage) => dataProvider.getList<Row>(resource, { pagination: { page, perPage }, sort, filter: filterValues }),
        (loaded, all) => setProgress(all === undefined ? String(loaded) : `${loaded} / ${all}`),
      );
      downloadCSV(toCsv(columns, records, (key) => translate(key)), `${filename}-${new Date().toISOString().slice(0, 10)}`);
      notify('pixgate.export.done', { type: 'success', messageArgs: { smart_count: records.length } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Button
      label={progress === null ? 'ra.action.export' : translate('pixgate.export.running', { progress })}
      onClick={() => void run()}
      disabled={progress !== null || total === 0}
    >
      <DownloadIcon />
    </Button>
  );
}

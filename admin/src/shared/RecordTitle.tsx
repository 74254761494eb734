import { useRecordContext } from 'react-admin';

/** A show page's title: one field of its record (a job's title, a customer's name). */
export function RecordTitle({ field }: { field: string }) {
  const record = useRecordContext();
  const value: unknown = record?.[field];
  return <>{typeof value === 'string' ? value : ''}</>;
}

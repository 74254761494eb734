import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { deDE } from '@mui/x-date-pickers/locales';
import { localeFor } from '@pixgate/labels';
import { de, enUS } from 'date-fns/locale';
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, type InputProps } from 'react-admin';
import { fromIsoDate, toIsoDate } from './iso-date';

/** The date-fns locale (order, separators, month names) and MUI X's own texts per app language. */
const PICKER_LOCALES = {
  de: { adapterLocale: de, localeText: deDE.components.MuiLocalizationProvider.defaultProps.localeText },
  en: { adapterLocale: enUS, localeText: undefined },
} as const;

/**
 * A date in the app's language, not the browser's: react-admin's DateInput is the browser's
 * `<input type="date">`, which Chromium formats by its own UI language whatever the page's `lang`
 * says, so a German back office in an English browser showed and asked for mm/dd/yyyy. This is
 * MUI X's date field (typed sections, a calendar to pick from) with the adapter locale of the app's
 * language: TT.MM.JJJJ in German, MM/DD/YYYY in English. Its value is what DateInput gives, an ISO
 * `yyyy-MM-dd` string ('' for none), so the data providers and the API see no difference.
 */
export function LocalizedDatePicker({ value, onChange, label, disabled, className, variant = 'outlined', width = 170, textField }: {
  value: string;
  /** A whole date, or '' when the field was emptied; nothing while a date is still being typed. */
  onChange(value: string): void;
  label?: ReactNode;
  disabled?: boolean;
  className?: string;
  /** react-admin's inputs are filled, MUI's dialogs' fields outlined. */
  variant?: 'filled' | 'outlined';
  /** As wide as a date and its calendar button need, like the browser's date input was; more for a longer label. */
  width?: number;
  /** What the text field gets besides its size: react-admin's wiring, a helper text. */
  textField?: { id?: string; name?: string; inputRef?: Ref<HTMLInputElement>; onBlur?: () => void; error?: boolean; helperText?: ReactNode };
}) {
  const [locale] = useLocaleState();
  const { adapterLocale, localeText } = PICKER_LOCALES[localeFor(locale)];
  // What the field shows, which may be a date still being typed (invalid); a change from outside
  // (a reset filter) replaces it.
  const [shown, setShown] = useState<Date | null>(() => fromIsoDate(value));
  useEffect(() => {
    setShown((current) => (toIsoDate(current) === value ? current : fromIsoDate(value)));
  }, [value]);

  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={adapterLocale} localeText={localeText}>
      <DatePicker
        className={className}
        label={label}
        value={shown}
        onChange={(date) => {
          setShown(date);
          const iso = toIsoDate(date);
          if (date === null || iso !== '') onChange(iso);
        }}
        disabled={disabled}
        sx={{ width }}
        slotProps={{ textField: { size: 'small', variant, ...textField } }}
      />
    </LocalizationProvider>
  );
}

/** LocalizedDatePicker as a react-admin input (filters, forms): a drop-in for DateInput. */
export function LocalizedDateInput(props: InputProps & { alwaysOn?: boolean; className?: string }) {
  const { label, source, resource, helperText, className, defaultValue, validate, disabled, readOnly } = props;
  const { field, fieldState, id, isRequired } = useInput({ source, resource, defaultValue, validate, disabled, readOnly });
  return (
    <LocalizedDatePicker
      className={['ra-input', `ra-input-${source}`, className].filter(Boolean).join(' ')}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(iso) => field.onChange(iso === '' ? null : iso)}
      disabled={disabled || readOnly}
      variant="filled"
      label={label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null}
      textField={{
        id,
        name: field.name,
        inputRef: field.ref,
        onBlur: field.onBlur,
        error: fieldState.invalid,
        helperText: helperText !== false || fieldState.invalid ? <InputHelperText error={fieldState.error?.message} helperText={helperText} /> : null,
      }}
    />
  );
}

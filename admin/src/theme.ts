import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default look, with the system's fonts: the app loads no web fonts (the CSP allows none from elsewhere). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
  },
};

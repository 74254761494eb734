import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled part of a show page: a landmark region named by its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

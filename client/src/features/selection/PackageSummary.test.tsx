import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../gql';
import { LocaleProvider } from '../../i18n/i18n';
import { PackageSummary, PackageSummaryFragment } from './PackageSummary';

const job = (facts: Partial<{ includedImages: number; includedCount: number; pendingExtraCount: number; allImagesIncluded: boolean; extraPaid: number; extraFree: number }>) =>
  makeFragmentData(
    {
      id: 'job',
      includedImages: facts.includedImages ?? 10,
      allImagesIncluded: facts.allImagesIncluded ?? false,
      includedCount: facts.includedCount ?? 0,
      pendingExtraCount: facts.pendingExtraCount ?? 0,
      downloadableCount: 0,
      selectionCounts: { extraPaid: facts.extraPaid ?? 0, extraFree: facts.extraFree ?? 0 },
    },
    PackageSummaryFragment,
  );

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the package counter', () => {
  it('says how many of the package are included and how many extras are requested and approved', () => {
    const html = renderToStaticMarkup(
      <LocaleProvider initial="en">
        <PackageSummary job={job({ includedCount: 7, pendingExtraCount: 2, extraFree: 1 })} showRoom />
      </LocaleProvider>,
    );
    expect(text(html)).toBe('7 of 10 included · 2 extras requested · 1 extra approved You can choose 3 more images.');
  });

  it('says "all images included" instead, in German too', () => {
    expect(text(renderToStaticMarkup(<LocaleProvider initial="en"><PackageSummary job={job({ allImagesIncluded: true })} /></LocaleProvider>))).toBe('All images included');
    expect(text(renderToStaticMarkup(<LocaleProvider initial="de"><PackageSummary job={job({ includedCount: 10 })} showRoom /></LocaleProvider>))).toBe(
      '10 von 10 im Paket Ihr Paket ist voll: Weitere Bilder sind Anfragen für Extras.',
    );
  });
});

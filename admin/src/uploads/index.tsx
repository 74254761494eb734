import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { Route } from 'react-router';

export { uploadMessages } from './messages';
export { UploadImagesButton } from './UploadImagesButton';

// Its own chunk: the job list a person sees first after signing in does not wait for the uploader.
const UploadPage = lazy(() => import('./UploadPage').then((module) => ({ default: module.UploadPage })));

/** The upload screen's route, for <CustomRoutes> (inside the layout, signed-in only). */
export const uploadRoute = (
  <Route
    path="/jobs/:id/upload"
    element={
      <Suspense fallback={<Loading />}>
        <UploadPage />
      </Suspense>
    }
  />
);

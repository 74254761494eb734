/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClientMyLanguage {\n    me {\n      id\n      language\n    }\n  }\n": typeof types.ClientMyLanguageDocument,
    "\n  query ClientAccount {\n    me {\n      id\n      name\n      email\n      hasPassword\n      ...NotificationSwitches\n    }\n  }\n": typeof types.ClientAccountDocument,
    "\n  fragment NotificationSwitches on User {\n    id\n    notificationSettings {\n      kind\n      enabled\n    }\n  }\n": typeof types.NotificationSwitchesFragmentDoc,
    "\n  mutation ClientChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, sessionCookie: CLIENT) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.ClientChangeMyPasswordDocument,
    "\n  mutation ClientSignOutEverywhere {\n    signOutEverywhere(sessionCookie: CLIENT)\n  }\n": typeof types.ClientSignOutEverywhereDocument,
    "\n  mutation ClientUpdateMySettings($input: MySettingsInput!) {\n    updateMySettings(input: $input) {\n      id\n      language\n      ...NotificationSwitches\n    }\n  }\n": typeof types.ClientUpdateMySettingsDocument,
    "\n  fragment DownloadAllFacts on Job {\n    id\n    downloadableCount\n    allImagesIncluded\n  }\n": typeof types.DownloadAllFactsFragmentDoc,
    "\n  mutation ClientJobArchiveDownload($jobId: ID!) {\n    jobArchiveDownload(jobId: $jobId) {\n      url\n      filename\n      byteSize\n      fileCount\n      expiresAt\n    }\n  }\n": typeof types.ClientJobArchiveDownloadDocument,
    "\n  mutation ClientImageDownloadUrl($imageId: ID!) {\n    imageDownloadUrl(imageId: $imageId) {\n      url\n      filename\n    }\n  }\n": typeof types.ClientImageDownloadUrlDocument,
    "\n  query ClientImageLock($id: ID!) {\n    image(id: $id) {\n      id\n      locked\n      thumbnailUrl\n      previewUrl\n      mediaUrlsExpireAt\n    }\n  }\n": typeof types.ClientImageLockDocument,
    "\n  fragment EnhancePanelImage on Image {\n    id\n    filename\n    previewUrl\n    enhancements {\n      id\n      status\n      progress\n      cancelRequestedAt\n      modelId\n      model {\n        id\n        name\n      }\n      error {\n        message\n      }\n      result {\n        id\n        filename\n        previewUrl\n        ...SelectionFacts\n      }\n    }\n  }\n": typeof types.EnhancePanelImageFragmentDoc,
    "\n  query ClientEnhanceOptions {\n    enhancementAvailability {\n      unitsLeft\n      resetAt\n      creditBalance\n      plan {\n        id\n        name\n        creditsAllowed\n      }\n      models {\n        available\n        reason\n        availableAgainAt\n        model {\n          id\n          name\n          description\n          costUnits\n        }\n      }\n    }\n  }\n": typeof types.ClientEnhanceOptionsDocument,
    "\n  mutation ClientEnhanceImage($imageId: ID!, $modelId: String!) {\n    enhanceImage(imageId: $imageId, modelId: $modelId) {\n      id\n      image {\n        id\n        ...EnhancePanelImage\n      }\n    }\n  }\n": typeof types.ClientEnhanceImageDocument,
    "\n  mutation ClientCancelEnhancement($id: ID!) {\n    cancelEnhancement(id: $id) {\n      id\n      status\n      cancelRequestedAt\n    }\n  }\n": typeof types.ClientCancelEnhancementDocument,
    "\n  query ClientEnhancementProgress($id: ID!) {\n    image(id: $id) {\n      id\n      ...EnhancePanelImage\n    }\n  }\n": typeof types.ClientEnhancementProgressDocument,
    "\n  query ClientGallery($jobId: ID!) {\n    job(id: $jobId) {\n      id\n      title\n      ...PackageSummary\n      ...DownloadAllFacts\n      ...GalleryTileJob\n      ...LightboxJob\n      ...JobRequests\n    }\n  }\n": typeof types.ClientGalleryDocument,
    "\n  fragment GalleryTileImage on Image {\n    id\n    filename\n    thumbnailUrl\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n": typeof types.GalleryTileImageFragmentDoc,
    "\n  fragment GalleryTileJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n": typeof types.GalleryTileJobFragmentDoc,
    "\n  query ClientGalleryImages($jobId: ID!, $first: Int!, $after: String) {\n    job(id: $jobId) {\n      id\n      images(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          thumbnailUrl\n          mediaUrlsExpireAt\n          ...GalleryTileImage\n        }\n      }\n    }\n  }\n": typeof types.ClientGalleryImagesDocument,
    "\n  query ClientGalleryAccess($jobId: ID!) {\n    job(id: $jobId) {\n      id\n    }\n  }\n": typeof types.ClientGalleryAccessDocument,
    "\n  fragment JobCard on Job {\n    id\n    title\n    deliveredAt\n    images(first: 1) {\n      totalCount\n      nodes {\n        id\n        thumbnailUrl\n      }\n    }\n    ...PackageSummary\n  }\n": typeof types.JobCardFragmentDoc,
    "\n  query ClientJobs {\n    jobs(first: 100, filter: { status: [DELIVERED] }, sortBy: CREATED_AT, sortDirection: DESC) {\n      nodes {\n        id\n        images(first: 1) {\n          nodes {\n            id\n            thumbnailUrl\n            mediaUrlsExpireAt\n          }\n        }\n        ...JobCard\n      }\n    }\n  }\n": typeof types.ClientJobsDocument,
    "\n  fragment ImageDetails on Image {\n    id\n    extraRequests {\n      id\n      ...RequestOutcome\n    }\n    ...EnhancePanelImage\n  }\n": typeof types.ImageDetailsFragmentDoc,
    "\n  fragment LightboxImage on Image {\n    id\n    filename\n    previewUrl\n    width\n    height\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n": typeof types.LightboxImageFragmentDoc,
    "\n  fragment LightboxJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n": typeof types.LightboxJobFragmentDoc,
    "\n  query ClientLightbox($id: ID!) {\n    image(id: $id) {\n      id\n      previewUrl\n      mediaUrlsExpireAt\n      ...LightboxImage\n      ...ImageDetails\n    }\n  }\n": typeof types.ClientLightboxDocument,
    "\n  fragment JobRequests on Job {\n    id\n    extraRequests {\n      id\n      image {\n        id\n        filename\n      }\n      ...RequestOutcome\n    }\n  }\n": typeof types.JobRequestsFragmentDoc,
    "\n  fragment PackageSummary on Job {\n    id\n    includedImages\n    allImagesIncluded\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    selectionCounts {\n      extraPaid\n      extraFree\n    }\n  }\n": typeof types.PackageSummaryFragmentDoc,
    "\n  fragment RequestOutcome on ExtraRequest {\n    id\n    status\n    note\n    decisionNote\n    decidedAt\n    createdAt\n  }\n": typeof types.RequestOutcomeFragmentDoc,
    "\n  mutation ClientSelectImage($imageId: ID!, $extraNote: String) {\n    selectImage(imageId: $imageId, extraNote: $extraNote) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n": typeof types.ClientSelectImageDocument,
    "\n  mutation ClientDeselectImage($imageId: ID!) {\n    deselectImage(imageId: $imageId) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n": typeof types.ClientDeselectImageDocument,
    "\n  fragment SelectionFacts on Image {\n    id\n    filename\n    selectionState\n    locked\n    downloadable\n    derivedFrom {\n      id\n    }\n  }\n": typeof types.SelectionFactsFragmentDoc,
    "\n  fragment PackageRoom on Job {\n    id\n    includedImages\n    includedCount\n    allImagesIncluded\n  }\n": typeof types.PackageRoomFragmentDoc,
    "\n  mutation ClientRequestLoginCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n": typeof types.ClientRequestLoginCodeDocument,
    "\n  fragment ClientSessionAnswer on LoginResult {\n    accessToken\n    accessTokenExpiresAt\n    secondFactorRequired\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.ClientSessionAnswerFragmentDoc,
    "\n  mutation ClientVerifyLoginCode($email: String!, $code: String!, $rememberMe: Boolean!) {\n    verifyLoginCode(email: $email, code: $code, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n": typeof types.ClientVerifyLoginCodeDocument,
    "\n  mutation ClientPasswordLogin($email: String!, $password: String!, $rememberMe: Boolean!) {\n    login(email: $email, password: $password, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n": typeof types.ClientPasswordLoginDocument,
};
const documents: Documents = {
    "\n  query ClientMyLanguage {\n    me {\n      id\n      language\n    }\n  }\n": types.ClientMyLanguageDocument,
    "\n  query ClientAccount {\n    me {\n      id\n      name\n      email\n      hasPassword\n      ...NotificationSwitches\n    }\n  }\n": types.ClientAccountDocument,
    "\n  fragment NotificationSwitches on User {\n    id\n    notificationSettings {\n      kind\n      enabled\n    }\n  }\n": types.NotificationSwitchesFragmentDoc,
    "\n  mutation ClientChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, sessionCookie: CLIENT) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.ClientChangeMyPasswordDocument,
    "\n  mutation ClientSignOutEverywhere {\n    signOutEverywhere(sessionCookie: CLIENT)\n  }\n": types.ClientSignOutEverywhereDocument,
    "\n  mutation ClientUpdateMySettings($input: MySettingsInput!) {\n    updateMySettings(input: $input) {\n      id\n      language\n      ...NotificationSwitches\n    }\n  }\n": types.ClientUpdateMySettingsDocument,
    "\n  fragment DownloadAllFacts on Job {\n    id\n    downloadableCount\n    allImagesIncluded\n  }\n": types.DownloadAllFactsFragmentDoc,
    "\n  mutation ClientJobArchiveDownload($jobId: ID!) {\n    jobArchiveDownload(jobId: $jobId) {\n      url\n      filename\n      byteSize\n      fileCount\n      expiresAt\n    }\n  }\n": types.ClientJobArchiveDownloadDocument,
    "\n  mutation ClientImageDownloadUrl($imageId: ID!) {\n    imageDownloadUrl(imageId: $imageId) {\n      url\n      filename\n    }\n  }\n": types.ClientImageDownloadUrlDocument,
    "\n  query ClientImageLock($id: ID!) {\n    image(id: $id) {\n      id\n      locked\n      thumbnailUrl\n      previewUrl\n      mediaUrlsExpireAt\n    }\n  }\n": types.ClientImageLockDocument,
    "\n  fragment EnhancePanelImage on Image {\n    id\n    filename\n    previewUrl\n    enhancements {\n      id\n      status\n      progress\n      cancelRequestedAt\n      modelId\n      model {\n        id\n        name\n      }\n      error {\n        message\n      }\n      result {\n        id\n        filename\n        previewUrl\n        ...SelectionFacts\n      }\n    }\n  }\n": types.EnhancePanelImageFragmentDoc,
    "\n  query ClientEnhanceOptions {\n    enhancementAvailability {\n      unitsLeft\n      resetAt\n      creditBalance\n      plan {\n        id\n        name\n        creditsAllowed\n      }\n      models {\n        available\n        reason\n        availableAgainAt\n        model {\n          id\n          name\n          description\n          costUnits\n        }\n      }\n    }\n  }\n": types.ClientEnhanceOptionsDocument,
    "\n  mutation ClientEnhanceImage($imageId: ID!, $modelId: String!) {\n    enhanceImage(imageId: $imageId, modelId: $modelId) {\n      id\n      image {\n        id\n        ...EnhancePanelImage\n      }\n    }\n  }\n": types.ClientEnhanceImageDocument,
    "\n  mutation ClientCancelEnhancement($id: ID!) {\n    cancelEnhancement(id: $id) {\n      id\n      status\n      cancelRequestedAt\n    }\n  }\n": types.ClientCancelEnhancementDocument,
    "\n  query ClientEnhancementProgress($id: ID!) {\n    image(id: $id) {\n      id\n      ...EnhancePanelImage\n    }\n  }\n": types.ClientEnhancementProgressDocument,
    "\n  query ClientGallery($jobId: ID!) {\n    job(id: $jobId) {\n      id\n      title\n      ...PackageSummary\n      ...DownloadAllFacts\n      ...GalleryTileJob\n      ...LightboxJob\n      ...JobRequests\n    }\n  }\n": types.ClientGalleryDocument,
    "\n  fragment GalleryTileImage on Image {\n    id\n    filename\n    thumbnailUrl\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n": types.GalleryTileImageFragmentDoc,
    "\n  fragment GalleryTileJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n": types.GalleryTileJobFragmentDoc,
    "\n  query ClientGalleryImages($jobId: ID!, $first: Int!, $after: String) {\n    job(id: $jobId) {\n      id\n      images(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          thumbnailUrl\n          mediaUrlsExpireAt\n          ...GalleryTileImage\n        }\n      }\n    }\n  }\n": types.ClientGalleryImagesDocument,
    "\n  query ClientGalleryAccess($jobId: ID!) {\n    job(id: $jobId) {\n      id\n    }\n  }\n": types.ClientGalleryAccessDocument,
    "\n  fragment JobCard on Job {\n    id\n    title\n    deliveredAt\n    images(first: 1) {\n      totalCount\n      nodes {\n        id\n        thumbnailUrl\n      }\n    }\n    ...PackageSummary\n  }\n": types.JobCardFragmentDoc,
    "\n  query ClientJobs {\n    jobs(first: 100, filter: { status: [DELIVERED] }, sortBy: CREATED_AT, sortDirection: DESC) {\n      nodes {\n        id\n        images(first: 1) {\n          nodes {\n            id\n            thumbnailUrl\n            mediaUrlsExpireAt\n          }\n        }\n        ...JobCard\n      }\n    }\n  }\n": types.ClientJobsDocument,
    "\n  fragment ImageDetails on Image {\n    id\n    extraRequests {\n      id\n      ...RequestOutcome\n    }\n    ...EnhancePanelImage\n  }\n": types.ImageDetailsFragmentDoc,
    "\n  fragment LightboxImage on Image {\n    id\n    filename\n    previewUrl\n    width\n    height\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n": types.LightboxImageFragmentDoc,
    "\n  fragment LightboxJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n": types.LightboxJobFragmentDoc,
    "\n  query ClientLightbox($id: ID!) {\n    image(id: $id) {\n      id\n      previewUrl\n      mediaUrlsExpireAt\n      ...LightboxImage\n      ...ImageDetails\n    }\n  }\n": types.ClientLightboxDocument,
    "\n  fragment JobRequests on Job {\n    id\n    extraRequests {\n      id\n      image {\n        id\n        filename\n      }\n      ...RequestOutcome\n    }\n  }\n": types.JobRequestsFragmentDoc,
    "\n  fragment PackageSummary on Job {\n    id\n    includedImages\n    allImagesIncluded\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    selectionCounts {\n      extraPaid\n      extraFree\n    }\n  }\n": types.PackageSummaryFragmentDoc,
    "\n  fragment RequestOutcome on ExtraRequest {\n    id\n    status\n    note\n    decisionNote\n    decidedAt\n    createdAt\n  }\n": types.RequestOutcomeFragmentDoc,
    "\n  mutation ClientSelectImage($imageId: ID!, $extraNote: String) {\n    selectImage(imageId: $imageId, extraNote: $extraNote) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n": types.ClientSelectImageDocument,
    "\n  mutation ClientDeselectImage($imageId: ID!) {\n    deselectImage(imageId: $imageId) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n": types.ClientDeselectImageDocument,
    "\n  fragment SelectionFacts on Image {\n    id\n    filename\n    selectionState\n    locked\n    downloadable\n    derivedFrom {\n      id\n    }\n  }\n": types.SelectionFactsFragmentDoc,
    "\n  fragment PackageRoom on Job {\n    id\n    includedImages\n    includedCount\n    allImagesIncluded\n  }\n": types.PackageRoomFragmentDoc,
    "\n  mutation ClientRequestLoginCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n": types.ClientRequestLoginCodeDocument,
    "\n  fragment ClientSessionAnswer on LoginResult {\n    accessToken\n    accessTokenExpiresAt\n    secondFactorRequired\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.ClientSessionAnswerFragmentDoc,
    "\n  mutation ClientVerifyLoginCode($email: String!, $code: String!, $rememberMe: Boolean!) {\n    verifyLoginCode(email: $email, code: $code, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n": types.ClientVerifyLoginCodeDocument,
    "\n  mutation ClientPasswordLogin($email: String!, $password: String!, $rememberMe: Boolean!) {\n    login(email: $email, password: $password, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n": types.ClientPasswordLoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientMyLanguage {\n    me {\n      id\n      language\n    }\n  }\n"): (typeof documents)["\n  query ClientMyLanguage {\n    me {\n      id\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientAccount {\n    me {\n      id\n      name\n      email\n      hasPassword\n      ...NotificationSwitches\n    }\n  }\n"): (typeof documents)["\n  query ClientAccount {\n    me {\n      id\n      name\n      email\n      hasPassword\n      ...NotificationSwitches\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationSwitches on User {\n    id\n    notificationSettings {\n      kind\n      enabled\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationSwitches on User {\n    id\n    notificationSettings {\n      kind\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, sessionCookie: CLIENT) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, sessionCookie: CLIENT) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSignOutEverywhere {\n    signOutEverywhere(sessionCookie: CLIENT)\n  }\n"): (typeof documents)["\n  mutation ClientSignOutEverywhere {\n    signOutEverywhere(sessionCookie: CLIENT)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientUpdateMySettings($input: MySettingsInput!) {\n    updateMySettings(input: $input) {\n      id\n      language\n      ...NotificationSwitches\n    }\n  }\n"): (typeof documents)["\n  mutation ClientUpdateMySettings($input: MySettingsInput!) {\n    updateMySettings(input: $input) {\n      id\n      language\n      ...NotificationSwitches\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DownloadAllFacts on Job {\n    id\n    downloadableCount\n    allImagesIncluded\n  }\n"): (typeof documents)["\n  fragment DownloadAllFacts on Job {\n    id\n    downloadableCount\n    allImagesIncluded\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientJobArchiveDownload($jobId: ID!) {\n    jobArchiveDownload(jobId: $jobId) {\n      url\n      filename\n      byteSize\n      fileCount\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ClientJobArchiveDownload($jobId: ID!) {\n    jobArchiveDownload(jobId: $jobId) {\n      url\n      filename\n      byteSize\n      fileCount\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientImageDownloadUrl($imageId: ID!) {\n    imageDownloadUrl(imageId: $imageId) {\n      url\n      filename\n    }\n  }\n"): (typeof documents)["\n  mutation ClientImageDownloadUrl($imageId: ID!) {\n    imageDownloadUrl(imageId: $imageId) {\n      url\n      filename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientImageLock($id: ID!) {\n    image(id: $id) {\n      id\n      locked\n      thumbnailUrl\n      previewUrl\n      mediaUrlsExpireAt\n    }\n  }\n"): (typeof documents)["\n  query ClientImageLock($id: ID!) {\n    image(id: $id) {\n      id\n      locked\n      thumbnailUrl\n      previewUrl\n      mediaUrlsExpireAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnhancePanelImage on Image {\n    id\n    filename\n    previewUrl\n    enhancements {\n      id\n      status\n      progress\n      cancelRequestedAt\n      modelId\n      model {\n        id\n        name\n      }\n      error {\n        message\n      }\n      result {\n        id\n        filename\n        previewUrl\n        ...SelectionFacts\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment EnhancePanelImage on Image {\n    id\n    filename\n    previewUrl\n    enhancements {\n      id\n      status\n      progress\n      cancelRequestedAt\n      modelId\n      model {\n        id\n        name\n      }\n      error {\n        message\n      }\n      result {\n        id\n        filename\n        previewUrl\n        ...SelectionFacts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientEnhanceOptions {\n    enhancementAvailability {\n      unitsLeft\n      resetAt\n      creditBalance\n      plan {\n        id\n        name\n        creditsAllowed\n      }\n      models {\n        available\n        reason\n        availableAgainAt\n        model {\n          id\n          name\n          description\n          costUnits\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientEnhanceOptions {\n    enhancementAvailability {\n      unitsLeft\n      resetAt\n      creditBalance\n      plan {\n        id\n        name\n        creditsAllowed\n      }\n      models {\n        available\n        reason\n        availableAgainAt\n        model {\n          id\n          name\n          description\n          costUnits\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientEnhanceImage($imageId: ID!, $modelId: String!) {\n    enhanceImage(imageId: $imageId, modelId: $modelId) {\n      id\n      image {\n        id\n        ...EnhancePanelImage\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientEnhanceImage($imageId: ID!, $modelId: String!) {\n    enhanceImage(imageId: $imageId, modelId: $modelId) {\n      id\n      image {\n        id\n        ...EnhancePanelImage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCancelEnhancement($id: ID!) {\n    cancelEnhancement(id: $id) {\n      id\n      status\n      cancelRequestedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ClientCancelEnhancement($id: ID!) {\n    cancelEnhancement(id: $id) {\n      id\n      status\n      cancelRequestedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientEnhancementProgress($id: ID!) {\n    image(id: $id) {\n      id\n      ...EnhancePanelImage\n    }\n  }\n"): (typeof documents)["\n  query ClientEnhancementProgress($id: ID!) {\n    image(id: $id) {\n      id\n      ...EnhancePanelImage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientGallery($jobId: ID!) {\n    job(id: $jobId) {\n      id\n      title\n      ...PackageSummary\n      ...DownloadAllFacts\n      ...GalleryTileJob\n      ...LightboxJob\n      ...JobRequests\n    }\n  }\n"): (typeof documents)["\n  query ClientGallery($jobId: ID!) {\n    job(id: $jobId) {\n      id\n      title\n      ...PackageSummary\n      ...DownloadAllFacts\n      ...GalleryTileJob\n      ...LightboxJob\n      ...JobRequests\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GalleryTileImage on Image {\n    id\n    filename\n    thumbnailUrl\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n"): (typeof documents)["\n  fragment GalleryTileImage on Image {\n    id\n    filename\n    thumbnailUrl\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GalleryTileJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n"): (typeof documents)["\n  fragment GalleryTileJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientGalleryImages($jobId: ID!, $first: Int!, $after: String) {\n    job(id: $jobId) {\n      id\n      images(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          thumbnailUrl\n          mediaUrlsExpireAt\n          ...GalleryTileImage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientGalleryImages($jobId: ID!, $first: Int!, $after: String) {\n    job(id: $jobId) {\n      id\n      images(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          thumbnailUrl\n          mediaUrlsExpireAt\n          ...GalleryTileImage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientGalleryAccess($jobId: ID!) {\n    job(id: $jobId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ClientGalleryAccess($jobId: ID!) {\n    job(id: $jobId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobCard on Job {\n    id\n    title\n    deliveredAt\n    images(first: 1) {\n      totalCount\n      nodes {\n        id\n        thumbnailUrl\n      }\n    }\n    ...PackageSummary\n  }\n"): (typeof documents)["\n  fragment JobCard on Job {\n    id\n    title\n    deliveredAt\n    images(first: 1) {\n      totalCount\n      nodes {\n        id\n        thumbnailUrl\n      }\n    }\n    ...PackageSummary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientJobs {\n    jobs(first: 100, filter: { status: [DELIVERED] }, sortBy: CREATED_AT, sortDirection: DESC) {\n      nodes {\n        id\n        images(first: 1) {\n          nodes {\n            id\n            thumbnailUrl\n            mediaUrlsExpireAt\n          }\n        }\n        ...JobCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientJobs {\n    jobs(first: 100, filter: { status: [DELIVERED] }, sortBy: CREATED_AT, sortDirection: DESC) {\n      nodes {\n        id\n        images(first: 1) {\n          nodes {\n            id\n            thumbnailUrl\n            mediaUrlsExpireAt\n          }\n        }\n        ...JobCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImageDetails on Image {\n    id\n    extraRequests {\n      id\n      ...RequestOutcome\n    }\n    ...EnhancePanelImage\n  }\n"): (typeof documents)["\n  fragment ImageDetails on Image {\n    id\n    extraRequests {\n      id\n      ...RequestOutcome\n    }\n    ...EnhancePanelImage\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LightboxImage on Image {\n    id\n    filename\n    previewUrl\n    width\n    height\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n"): (typeof documents)["\n  fragment LightboxImage on Image {\n    id\n    filename\n    previewUrl\n    width\n    height\n    selectionState\n    locked\n    ...SelectionFacts\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LightboxJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n"): (typeof documents)["\n  fragment LightboxJob on Job {\n    id\n    allImagesIncluded\n    ...PackageRoom\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientLightbox($id: ID!) {\n    image(id: $id) {\n      id\n      previewUrl\n      mediaUrlsExpireAt\n      ...LightboxImage\n      ...ImageDetails\n    }\n  }\n"): (typeof documents)["\n  query ClientLightbox($id: ID!) {\n    image(id: $id) {\n      id\n      previewUrl\n      mediaUrlsExpireAt\n      ...LightboxImage\n      ...ImageDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobRequests on Job {\n    id\n    extraRequests {\n      id\n      image {\n        id\n        filename\n      }\n      ...RequestOutcome\n    }\n  }\n"): (typeof documents)["\n  fragment JobRequests on Job {\n    id\n    extraRequests {\n      id\n      image {\n        id\n        filename\n      }\n      ...RequestOutcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PackageSummary on Job {\n    id\n    includedImages\n    allImagesIncluded\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    selectionCounts {\n      extraPaid\n      extraFree\n    }\n  }\n"): (typeof documents)["\n  fragment PackageSummary on Job {\n    id\n    includedImages\n    allImagesIncluded\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    selectionCounts {\n      extraPaid\n      extraFree\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestOutcome on ExtraRequest {\n    id\n    status\n    note\n    decisionNote\n    decidedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment RequestOutcome on ExtraRequest {\n    id\n    status\n    note\n    decisionNote\n    decidedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSelectImage($imageId: ID!, $extraNote: String) {\n    selectImage(imageId: $imageId, extraNote: $extraNote) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSelectImage($imageId: ID!, $extraNote: String) {\n    selectImage(imageId: $imageId, extraNote: $extraNote) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeselectImage($imageId: ID!) {\n    deselectImage(imageId: $imageId) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeselectImage($imageId: ID!) {\n    deselectImage(imageId: $imageId) {\n      id\n      ...SelectionFacts\n      thumbnailUrl\n      mediaUrlsExpireAt\n      extraRequests {\n        id\n        status\n      }\n      job {\n        id\n        ...PackageSummary\n        ...JobRequests\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SelectionFacts on Image {\n    id\n    filename\n    selectionState\n    locked\n    downloadable\n    derivedFrom {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment SelectionFacts on Image {\n    id\n    filename\n    selectionState\n    locked\n    downloadable\n    derivedFrom {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PackageRoom on Job {\n    id\n    includedImages\n    includedCount\n    allImagesIncluded\n  }\n"): (typeof documents)["\n  fragment PackageRoom on Job {\n    id\n    includedImages\n    includedCount\n    allImagesIncluded\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientRequestLoginCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n"): (typeof documents)["\n  mutation ClientRequestLoginCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientSessionAnswer on LoginResult {\n    accessToken\n    accessTokenExpiresAt\n    secondFactorRequired\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  fragment ClientSessionAnswer on LoginResult {\n    accessToken\n    accessTokenExpiresAt\n    secondFactorRequired\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientVerifyLoginCode($email: String!, $code: String!, $rememberMe: Boolean!) {\n    verifyLoginCode(email: $email, code: $code, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n"): (typeof documents)["\n  mutation ClientVerifyLoginCode($email: String!, $code: String!, $rememberMe: Boolean!) {\n    verifyLoginCode(email: $email, code: $code, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientPasswordLogin($email: String!, $password: String!, $rememberMe: Boolean!) {\n    login(email: $email, password: $password, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n"): (typeof documents)["\n  mutation ClientPasswordLogin($email: String!, $password: String!, $rememberMe: Boolean!) {\n    login(email: $email, password: $password, rememberMe: $rememberMe, sessionCookie: CLIENT) {\n      ...ClientSessionAnswer\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
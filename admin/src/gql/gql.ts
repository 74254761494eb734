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
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  query AdminSessionUser {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.AdminSessionUserDocument,
    "\n  fragment SignInResultFields on LoginResult {\n    secondFactorRequired\n    challenge\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.SignInResultFieldsFragmentDoc,
    "\n  mutation AdminPasswordSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n": typeof types.AdminPasswordSignInDocument,
    "\n  mutation AdminRequestSignInCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n": typeof types.AdminRequestSignInCodeDocument,
    "\n  mutation AdminCodeSignIn($email: String!, $code: String!) {\n    verifyLoginCode(email: $email, code: $code, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n": typeof types.AdminCodeSignInDocument,
    "\n  mutation AdminSecondFactor($challenge: String!, $code: String!) {\n    verifySecondFactor(challenge: $challenge, code: $code, sessionCookie: ADMIN) {\n      ...SessionFields\n    }\n  }\n": typeof types.AdminSecondFactorDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    createdAt\n    subject\n    field\n    oldValue\n    newValue\n    reason\n    requestId\n    actorName\n    actorRole\n    actor {\n      id\n    }\n    job {\n      id\n      title\n    }\n    image {\n      id\n      filename\n    }\n    customer {\n      id\n      name\n    }\n    user {\n      id\n      name\n    }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AdminAuditEntryList($first: Int, $offset: Int, $filter: AuditFilter, $sortDirection: SortDirection) {\n    auditEntries(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...AuditEntryFields\n      }\n    }\n  }\n": typeof types.AdminAuditEntryListDocument,
    "\n  fragment CustomerFields on Customer {\n    id\n    name\n    contactEmail\n    createdAt\n    updatedAt\n    creditBalance\n    plan {\n      id\n      name\n    }\n  }\n": typeof types.CustomerFieldsFragmentDoc,
    "\n  fragment CustomerDetailFields on Customer {\n    ...CustomerFields\n    notes\n    plan {\n      ...PlanFields\n    }\n    users {\n      id\n      name\n      email\n      role\n      active\n      lastLoginAt\n    }\n  }\n": typeof types.CustomerDetailFieldsFragmentDoc,
    "\n  query AdminCustomerList($first: Int, $offset: Int, $filter: CustomerFilter, $sortBy: CustomerSortField, $sortDirection: SortDirection) {\n    customers(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...CustomerFields\n      }\n    }\n  }\n": typeof types.AdminCustomerListDocument,
    "\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailFields\n    }\n  }\n": typeof types.AdminCustomerDocument,
    "\n  query AdminCustomersByIds($ids: [ID!]!) {\n    customersByIds(ids: $ids) {\n      ...CustomerFields\n    }\n  }\n": typeof types.AdminCustomersByIdsDocument,
    "\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n": typeof types.AdminCreateCustomerDocument,
    "\n  mutation AdminUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n": typeof types.AdminUpdateCustomerDocument,
    "\n  query AdminCustomerUsage($customerId: ID!) {\n    usage(customerId: $customerId) {\n      creditBalance\n      day {\n        used\n        limit\n        remaining\n        resetAt\n      }\n      month {\n        used\n        limit\n        remaining\n        resetAt\n      }\n    }\n  }\n": typeof types.AdminCustomerUsageDocument,
    "\n  mutation AdminSetCustomerPlan($customerId: ID!, $planId: ID!, $reason: String) {\n    setCustomerPlan(customerId: $customerId, planId: $planId, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n": typeof types.AdminSetCustomerPlanDocument,
    "\n  mutation AdminGrantEnhancementCredits($customerId: ID!, $units: Int!, $reason: String) {\n    grantEnhancementCredits(customerId: $customerId, units: $units, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n": typeof types.AdminGrantEnhancementCreditsDocument,
    "\n  fragment ExtraRequestFields on ExtraRequest {\n    id\n    createdAt\n    status\n    note\n    decisionNote\n    decidedAt\n    final\n    mayAskAgainFrom\n    image {\n      id\n      filename\n      thumbnailUrl\n    }\n    job {\n      id\n      title\n      customer {\n        id\n        name\n      }\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n": typeof types.ExtraRequestFieldsFragmentDoc,
    "\n  query AdminExtraRequestList($first: Int, $offset: Int, $filter: ExtraRequestFilter, $sortDirection: SortDirection) {\n    extraRequests(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...ExtraRequestFields\n      }\n    }\n  }\n": typeof types.AdminExtraRequestListDocument,
    "\n  mutation AdminDecideExtraRequest($id: ID!, $decision: ExtraDecision!, $note: String, $mayAskAgainFrom: DateTimeISO, $final: Boolean) {\n    decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $mayAskAgainFrom, final: $final) {\n      ...ExtraRequestFields\n    }\n  }\n": typeof types.AdminDecideExtraRequestDocument,
    "\n  fragment ImageFields on Image {\n    id\n    filename\n    status\n    selectionState\n    locked\n    downloadable\n    thumbnailUrl\n    width\n    height\n    byteSize\n    failureReason\n    createdAt\n    updatedAt\n    job {\n      id\n    }\n    derivedFrom {\n      id\n    }\n  }\n": typeof types.ImageFieldsFragmentDoc,
    "\n  query AdminJobImages($jobId: ID!, $first: Int, $offset: Int, $filter: ImageFilter, $sortBy: ImageSortField, $sortDirection: SortDirection) {\n    job(id: $jobId) {\n      id\n      images(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n        totalCount\n        nodes {\n          ...ImageFields\n        }\n      }\n    }\n  }\n": typeof types.AdminJobImagesDocument,
    "\n  query AdminImage($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n      contentType\n      sha256\n      uploadedBy {\n        id\n        name\n      }\n      job {\n        id\n        title\n        customer {\n          id\n          name\n        }\n      }\n      derivedFrom {\n        id\n        filename\n        previewUrl\n      }\n      deliveries {\n        id\n        createdAt\n        endedAt\n        path\n        outcome\n        bytesSent\n        byteSize\n        user {\n          id\n          name\n          email\n          role\n        }\n      }\n      enhancements {\n        id\n        status\n        modelId\n        model {\n          name\n        }\n        provider\n        progress\n        createdAt\n        finishedAt\n        error {\n          code\n          message\n        }\n        requestedBy {\n          id\n          name\n        }\n        image {\n          id\n          filename\n          previewUrl\n        }\n        result {\n          id\n          filename\n          previewUrl\n        }\n      }\n      extraRequests {\n        id\n        status\n        note\n        decisionNote\n        createdAt\n        decidedAt\n        final\n        mayAskAgainFrom\n        requestedBy {\n          id\n          name\n        }\n        decidedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminImageDocument,
    "\n  query AdminImagePreview($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n    }\n  }\n": typeof types.AdminImagePreviewDocument,
    "\n  query AdminImagesByIds($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...ImageFields\n    }\n  }\n": typeof types.AdminImagesByIdsDocument,
    "\n  query AdminCurrentSelection($jobId: ID!, $ids: [ID!]!) {\n    job(id: $jobId) {\n      id\n      version\n    }\n    imagesByIds(ids: $ids) {\n      id\n      filename\n      selectionState\n    }\n  }\n": typeof types.AdminCurrentSelectionDocument,
    "\n  query AdminLatestImageAuditEntries($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      id\n      auditTrail(first: 1) {\n        nodes {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n": typeof types.AdminLatestImageAuditEntriesDocument,
    "\n  mutation AdminSetImageSelectionState($imageId: ID!, $state: SelectionState!, $reason: String!) {\n    setImageSelectionState(imageId: $imageId, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n": typeof types.AdminSetImageSelectionStateDocument,
    "\n  mutation AdminSetImagesSelectionState($imageIds: [ID!]!, $state: SelectionState!, $reason: String!) {\n    setImagesSelectionState(imageIds: $imageIds, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n": typeof types.AdminSetImagesSelectionStateDocument,
    "\n  mutation AdminUnlockImageSelection($imageId: ID!, $reason: String!) {\n    unlockImageSelection(imageId: $imageId, reason: $reason) {\n      ...ImageFields\n    }\n  }\n": typeof types.AdminUnlockImageSelectionDocument,
    "\n  mutation AdminRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...ImageFields\n    }\n  }\n": typeof types.AdminRetryImageRenderDocument,
    "\n  mutation AdminRemoveImage($imageId: ID!, $reason: String!, $replacementId: ID) {\n    removeImage(imageId: $imageId, reason: $reason, replacementId: $replacementId) {\n      deleted\n      removedImageIds\n      replacement {\n        id\n        filename\n      }\n    }\n  }\n": typeof types.AdminRemoveImageDocument,
    "\n  fragment JobFields on Job {\n    id\n    title\n    status\n    includedImages\n    allImagesIncluded\n    allowCustomerUploads\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    version\n    createdAt\n    updatedAt\n    deliveredAt\n    customer {\n      id\n      name\n    }\n  }\n": typeof types.JobFieldsFragmentDoc,
    "\n  fragment JobDetailFields on Job {\n    ...JobFields\n    selectionCounts {\n      none\n      included\n      extraPending\n      extraPaid\n      extraFree\n      blocked\n    }\n  }\n": typeof types.JobDetailFieldsFragmentDoc,
    "\n  query AdminJobList($first: Int, $offset: Int, $filter: JobFilter, $sortBy: JobSortField, $sortDirection: SortDirection) {\n    jobs(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...JobFields\n      }\n    }\n  }\n": typeof types.AdminJobListDocument,
    "\n  query AdminJob($id: ID!) {\n    job(id: $id) {\n      ...JobDetailFields\n    }\n  }\n": typeof types.AdminJobDocument,
    "\n  query AdminJobsByIds($ids: [ID!]!) {\n    jobsByIds(ids: $ids) {\n      ...JobFields\n    }\n  }\n": typeof types.AdminJobsByIdsDocument,
    "\n  mutation AdminCreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      ...JobDetailFields\n    }\n  }\n": typeof types.AdminCreateJobDocument,
    "\n  mutation AdminUpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      ...JobDetailFields\n    }\n  }\n": typeof types.AdminUpdateJobDocument,
    "\n  mutation AdminSetIncludedImages($jobId: ID!, $includedImages: Int!, $reason: String!, $expectedVersion: Int) {\n    setIncludedImages(jobId: $jobId, includedImages: $includedImages, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n": typeof types.AdminSetIncludedImagesDocument,
    "\n  mutation AdminSetAllImagesIncluded($jobId: ID!, $value: Boolean!, $reason: String!, $expectedVersion: Int) {\n    setAllImagesIncluded(jobId: $jobId, value: $value, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n": typeof types.AdminSetAllImagesIncludedDocument,
    "\n  fragment MailOutboxFields on MailOutboxMessage {\n    id\n    createdAt\n    to\n    subject\n    text\n  }\n": typeof types.MailOutboxFieldsFragmentDoc,
    "\n  query AdminMailOutboxList($first: Int, $offset: Int) {\n    mailOutbox(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...MailOutboxFields\n      }\n    }\n  }\n": typeof types.AdminMailOutboxListDocument,
    "\n  fragment PlanFields on Plan {\n    id\n    key\n    name\n    dailyUnits\n    monthlyUnits\n    maxUpscale\n    faceEnhance\n    creditsAllowed\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  query AdminPlanList {\n    plans {\n      ...PlanFields\n    }\n  }\n": typeof types.AdminPlanListDocument,
    "\n  fragment SecurityEventFields on SecurityEvent {\n    id\n    createdAt\n    type\n    userId\n    ip\n    requestId\n    details\n  }\n": typeof types.SecurityEventFieldsFragmentDoc,
    "\n  query AdminSecurityEventList($first: Int, $offset: Int, $filter: SecurityEventFilter) {\n    securityEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...SecurityEventFields\n      }\n    }\n  }\n": typeof types.AdminSecurityEventListDocument,
    "\n  fragment StudioSettingsFields on StudioSettings {\n    name\n    watermarkText\n    defaultIncludedImages\n    defaultAllowCustomerUploads\n    updatedAt\n  }\n": typeof types.StudioSettingsFieldsFragmentDoc,
    "\n  query AdminStudioSettings {\n    studio {\n      ...StudioSettingsFields\n    }\n  }\n": typeof types.AdminStudioSettingsDocument,
    "\n  mutation AdminUpdateStudioSettings($input: UpdateStudioSettingsInput!) {\n    updateStudioSettings(input: $input) {\n      ...StudioSettingsFields\n    }\n  }\n": typeof types.AdminUpdateStudioSettingsDocument,
    "\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    active\n    totpEnabled\n    lastLoginAt\n    deactivatedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query AdminUserList($first: Int, $offset: Int, $filter: UserFilter, $sortBy: UserSortField, $sortDirection: SortDirection) {\n    users(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n": typeof types.AdminUserListDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  query AdminUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminUsersByIdsDocument,
    "\n  mutation AdminDeactivateUser($id: ID!, $reason: String) {\n    deactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminDeactivateUserDocument,
    "\n  mutation AdminReactivateUser($id: ID!, $reason: String) {\n    reactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminReactivateUserDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!, $reason: String) {\n    updateUser(id: $id, input: $input, reason: $reason) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminUpdateUserDocument,
    "\n  mutation AdminResetUserTotp($id: ID!, $reason: String!) {\n    resetUserTotp(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n": typeof types.AdminResetUserTotpDocument,
    "\n  fragment UploadedImageFields on Image {\n    id\n    status\n    failureReason\n    thumbnailUrl\n  }\n": typeof types.UploadedImageFieldsFragmentDoc,
    "\n  mutation UploadRequestImage($input: RequestImageUploadInput!) {\n    requestImageUpload(input: $input) {\n      url\n      method\n      expiresAt\n      headers {\n        name\n        value\n      }\n      image {\n        id\n      }\n    }\n  }\n": typeof types.UploadRequestImageDocument,
    "\n  mutation UploadCompleteImage($imageId: ID!) {\n    completeImageUpload(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n": typeof types.UploadCompleteImageDocument,
    "\n  mutation UploadRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n": typeof types.UploadRetryImageRenderDocument,
    "\n  query UploadedImages($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...UploadedImageFields\n    }\n  }\n": typeof types.UploadedImagesDocument,
};
const documents: Documents = {
    "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  query AdminSessionUser {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.AdminSessionUserDocument,
    "\n  fragment SignInResultFields on LoginResult {\n    secondFactorRequired\n    challenge\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.SignInResultFieldsFragmentDoc,
    "\n  mutation AdminPasswordSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n": types.AdminPasswordSignInDocument,
    "\n  mutation AdminRequestSignInCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n": types.AdminRequestSignInCodeDocument,
    "\n  mutation AdminCodeSignIn($email: String!, $code: String!) {\n    verifyLoginCode(email: $email, code: $code, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n": types.AdminCodeSignInDocument,
    "\n  mutation AdminSecondFactor($challenge: String!, $code: String!) {\n    verifySecondFactor(challenge: $challenge, code: $code, sessionCookie: ADMIN) {\n      ...SessionFields\n    }\n  }\n": types.AdminSecondFactorDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    createdAt\n    subject\n    field\n    oldValue\n    newValue\n    reason\n    requestId\n    actorName\n    actorRole\n    actor {\n      id\n    }\n    job {\n      id\n      title\n    }\n    image {\n      id\n      filename\n    }\n    customer {\n      id\n      name\n    }\n    user {\n      id\n      name\n    }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AdminAuditEntryList($first: Int, $offset: Int, $filter: AuditFilter, $sortDirection: SortDirection) {\n    auditEntries(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...AuditEntryFields\n      }\n    }\n  }\n": types.AdminAuditEntryListDocument,
    "\n  fragment CustomerFields on Customer {\n    id\n    name\n    contactEmail\n    createdAt\n    updatedAt\n    creditBalance\n    plan {\n      id\n      name\n    }\n  }\n": types.CustomerFieldsFragmentDoc,
    "\n  fragment CustomerDetailFields on Customer {\n    ...CustomerFields\n    notes\n    plan {\n      ...PlanFields\n    }\n    users {\n      id\n      name\n      email\n      role\n      active\n      lastLoginAt\n    }\n  }\n": types.CustomerDetailFieldsFragmentDoc,
    "\n  query AdminCustomerList($first: Int, $offset: Int, $filter: CustomerFilter, $sortBy: CustomerSortField, $sortDirection: SortDirection) {\n    customers(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...CustomerFields\n      }\n    }\n  }\n": types.AdminCustomerListDocument,
    "\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailFields\n    }\n  }\n": types.AdminCustomerDocument,
    "\n  query AdminCustomersByIds($ids: [ID!]!) {\n    customersByIds(ids: $ids) {\n      ...CustomerFields\n    }\n  }\n": types.AdminCustomersByIdsDocument,
    "\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n": types.AdminCreateCustomerDocument,
    "\n  mutation AdminUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n": types.AdminUpdateCustomerDocument,
    "\n  query AdminCustomerUsage($customerId: ID!) {\n    usage(customerId: $customerId) {\n      creditBalance\n      day {\n        used\n        limit\n        remaining\n        resetAt\n      }\n      month {\n        used\n        limit\n        remaining\n        resetAt\n      }\n    }\n  }\n": types.AdminCustomerUsageDocument,
    "\n  mutation AdminSetCustomerPlan($customerId: ID!, $planId: ID!, $reason: String) {\n    setCustomerPlan(customerId: $customerId, planId: $planId, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n": types.AdminSetCustomerPlanDocument,
    "\n  mutation AdminGrantEnhancementCredits($customerId: ID!, $units: Int!, $reason: String) {\n    grantEnhancementCredits(customerId: $customerId, units: $units, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n": types.AdminGrantEnhancementCreditsDocument,
    "\n  fragment ExtraRequestFields on ExtraRequest {\n    id\n    createdAt\n    status\n    note\n    decisionNote\n    decidedAt\n    final\n    mayAskAgainFrom\n    image {\n      id\n      filename\n      thumbnailUrl\n    }\n    job {\n      id\n      title\n      customer {\n        id\n        name\n      }\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n": types.ExtraRequestFieldsFragmentDoc,
    "\n  query AdminExtraRequestList($first: Int, $offset: Int, $filter: ExtraRequestFilter, $sortDirection: SortDirection) {\n    extraRequests(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...ExtraRequestFields\n      }\n    }\n  }\n": types.AdminExtraRequestListDocument,
    "\n  mutation AdminDecideExtraRequest($id: ID!, $decision: ExtraDecision!, $note: String, $mayAskAgainFrom: DateTimeISO, $final: Boolean) {\n    decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $mayAskAgainFrom, final: $final) {\n      ...ExtraRequestFields\n    }\n  }\n": types.AdminDecideExtraRequestDocument,
    "\n  fragment ImageFields on Image {\n    id\n    filename\n    status\n    selectionState\n    locked\n    downloadable\n    thumbnailUrl\n    width\n    height\n    byteSize\n    failureReason\n    createdAt\n    updatedAt\n    job {\n      id\n    }\n    derivedFrom {\n      id\n    }\n  }\n": types.ImageFieldsFragmentDoc,
    "\n  query AdminJobImages($jobId: ID!, $first: Int, $offset: Int, $filter: ImageFilter, $sortBy: ImageSortField, $sortDirection: SortDirection) {\n    job(id: $jobId) {\n      id\n      images(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n        totalCount\n        nodes {\n          ...ImageFields\n        }\n      }\n    }\n  }\n": types.AdminJobImagesDocument,
    "\n  query AdminImage($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n      contentType\n      sha256\n      uploadedBy {\n        id\n        name\n      }\n      job {\n        id\n        title\n        customer {\n          id\n          name\n        }\n      }\n      derivedFrom {\n        id\n        filename\n        previewUrl\n      }\n      deliveries {\n        id\n        createdAt\n        endedAt\n        path\n        outcome\n        bytesSent\n        byteSize\n        user {\n          id\n          name\n          email\n          role\n        }\n      }\n      enhancements {\n        id\n        status\n        modelId\n        model {\n          name\n        }\n        provider\n        progress\n        createdAt\n        finishedAt\n        error {\n          code\n          message\n        }\n        requestedBy {\n          id\n          name\n        }\n        image {\n          id\n          filename\n          previewUrl\n        }\n        result {\n          id\n          filename\n          previewUrl\n        }\n      }\n      extraRequests {\n        id\n        status\n        note\n        decisionNote\n        createdAt\n        decidedAt\n        final\n        mayAskAgainFrom\n        requestedBy {\n          id\n          name\n        }\n        decidedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminImageDocument,
    "\n  query AdminImagePreview($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n    }\n  }\n": types.AdminImagePreviewDocument,
    "\n  query AdminImagesByIds($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...ImageFields\n    }\n  }\n": types.AdminImagesByIdsDocument,
    "\n  query AdminCurrentSelection($jobId: ID!, $ids: [ID!]!) {\n    job(id: $jobId) {\n      id\n      version\n    }\n    imagesByIds(ids: $ids) {\n      id\n      filename\n      selectionState\n    }\n  }\n": types.AdminCurrentSelectionDocument,
    "\n  query AdminLatestImageAuditEntries($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      id\n      auditTrail(first: 1) {\n        nodes {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n": types.AdminLatestImageAuditEntriesDocument,
    "\n  mutation AdminSetImageSelectionState($imageId: ID!, $state: SelectionState!, $reason: String!) {\n    setImageSelectionState(imageId: $imageId, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n": types.AdminSetImageSelectionStateDocument,
    "\n  mutation AdminSetImagesSelectionState($imageIds: [ID!]!, $state: SelectionState!, $reason: String!) {\n    setImagesSelectionState(imageIds: $imageIds, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n": types.AdminSetImagesSelectionStateDocument,
    "\n  mutation AdminUnlockImageSelection($imageId: ID!, $reason: String!) {\n    unlockImageSelection(imageId: $imageId, reason: $reason) {\n      ...ImageFields\n    }\n  }\n": types.AdminUnlockImageSelectionDocument,
    "\n  mutation AdminRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...ImageFields\n    }\n  }\n": types.AdminRetryImageRenderDocument,
    "\n  mutation AdminRemoveImage($imageId: ID!, $reason: String!, $replacementId: ID) {\n    removeImage(imageId: $imageId, reason: $reason, replacementId: $replacementId) {\n      deleted\n      removedImageIds\n      replacement {\n        id\n        filename\n      }\n    }\n  }\n": types.AdminRemoveImageDocument,
    "\n  fragment JobFields on Job {\n    id\n    title\n    status\n    includedImages\n    allImagesIncluded\n    allowCustomerUploads\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    version\n    createdAt\n    updatedAt\n    deliveredAt\n    customer {\n      id\n      name\n    }\n  }\n": types.JobFieldsFragmentDoc,
    "\n  fragment JobDetailFields on Job {\n    ...JobFields\n    selectionCounts {\n      none\n      included\n      extraPending\n      extraPaid\n      extraFree\n      blocked\n    }\n  }\n": types.JobDetailFieldsFragmentDoc,
    "\n  query AdminJobList($first: Int, $offset: Int, $filter: JobFilter, $sortBy: JobSortField, $sortDirection: SortDirection) {\n    jobs(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...JobFields\n      }\n    }\n  }\n": types.AdminJobListDocument,
    "\n  query AdminJob($id: ID!) {\n    job(id: $id) {\n      ...JobDetailFields\n    }\n  }\n": types.AdminJobDocument,
    "\n  query AdminJobsByIds($ids: [ID!]!) {\n    jobsByIds(ids: $ids) {\n      ...JobFields\n    }\n  }\n": types.AdminJobsByIdsDocument,
    "\n  mutation AdminCreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      ...JobDetailFields\n    }\n  }\n": types.AdminCreateJobDocument,
    "\n  mutation AdminUpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      ...JobDetailFields\n    }\n  }\n": types.AdminUpdateJobDocument,
    "\n  mutation AdminSetIncludedImages($jobId: ID!, $includedImages: Int!, $reason: String!, $expectedVersion: Int) {\n    setIncludedImages(jobId: $jobId, includedImages: $includedImages, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n": types.AdminSetIncludedImagesDocument,
    "\n  mutation AdminSetAllImagesIncluded($jobId: ID!, $value: Boolean!, $reason: String!, $expectedVersion: Int) {\n    setAllImagesIncluded(jobId: $jobId, value: $value, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n": types.AdminSetAllImagesIncludedDocument,
    "\n  fragment MailOutboxFields on MailOutboxMessage {\n    id\n    createdAt\n    to\n    subject\n    text\n  }\n": types.MailOutboxFieldsFragmentDoc,
    "\n  query AdminMailOutboxList($first: Int, $offset: Int) {\n    mailOutbox(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...MailOutboxFields\n      }\n    }\n  }\n": types.AdminMailOutboxListDocument,
    "\n  fragment PlanFields on Plan {\n    id\n    key\n    name\n    dailyUnits\n    monthlyUnits\n    maxUpscale\n    faceEnhance\n    creditsAllowed\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  query AdminPlanList {\n    plans {\n      ...PlanFields\n    }\n  }\n": types.AdminPlanListDocument,
    "\n  fragment SecurityEventFields on SecurityEvent {\n    id\n    createdAt\n    type\n    userId\n    ip\n    requestId\n    details\n  }\n": types.SecurityEventFieldsFragmentDoc,
    "\n  query AdminSecurityEventList($first: Int, $offset: Int, $filter: SecurityEventFilter) {\n    securityEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...SecurityEventFields\n      }\n    }\n  }\n": types.AdminSecurityEventListDocument,
    "\n  fragment StudioSettingsFields on StudioSettings {\n    name\n    watermarkText\n    defaultIncludedImages\n    defaultAllowCustomerUploads\n    updatedAt\n  }\n": types.StudioSettingsFieldsFragmentDoc,
    "\n  query AdminStudioSettings {\n    studio {\n      ...StudioSettingsFields\n    }\n  }\n": types.AdminStudioSettingsDocument,
    "\n  mutation AdminUpdateStudioSettings($input: UpdateStudioSettingsInput!) {\n    updateStudioSettings(input: $input) {\n      ...StudioSettingsFields\n    }\n  }\n": types.AdminUpdateStudioSettingsDocument,
    "\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    active\n    totpEnabled\n    lastLoginAt\n    deactivatedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query AdminUserList($first: Int, $offset: Int, $filter: UserFilter, $sortBy: UserSortField, $sortDirection: SortDirection) {\n    users(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n": types.AdminUserListDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": types.AdminUserDocument,
    "\n  query AdminUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      ...UserFields\n    }\n  }\n": types.AdminUsersByIdsDocument,
    "\n  mutation AdminDeactivateUser($id: ID!, $reason: String) {\n    deactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n": types.AdminDeactivateUserDocument,
    "\n  mutation AdminReactivateUser($id: ID!, $reason: String) {\n    reactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n": types.AdminReactivateUserDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!, $reason: String) {\n    updateUser(id: $id, input: $input, reason: $reason) {\n      ...UserFields\n    }\n  }\n": types.AdminUpdateUserDocument,
    "\n  mutation AdminResetUserTotp($id: ID!, $reason: String!) {\n    resetUserTotp(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n": types.AdminResetUserTotpDocument,
    "\n  fragment UploadedImageFields on Image {\n    id\n    status\n    failureReason\n    thumbnailUrl\n  }\n": types.UploadedImageFieldsFragmentDoc,
    "\n  mutation UploadRequestImage($input: RequestImageUploadInput!) {\n    requestImageUpload(input: $input) {\n      url\n      method\n      expiresAt\n      headers {\n        name\n        value\n      }\n      image {\n        id\n      }\n    }\n  }\n": types.UploadRequestImageDocument,
    "\n  mutation UploadCompleteImage($imageId: ID!) {\n    completeImageUpload(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n": types.UploadCompleteImageDocument,
    "\n  mutation UploadRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n": types.UploadRetryImageRenderDocument,
    "\n  query UploadedImages($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...UploadedImageFields\n    }\n  }\n": types.UploadedImagesDocument,
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
export function graphql(source: "\n  fragment SessionFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSessionUser {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  query AdminSessionUser {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignInResultFields on LoginResult {\n    secondFactorRequired\n    challenge\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  fragment SignInResultFields on LoginResult {\n    secondFactorRequired\n    challenge\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPasswordSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminPasswordSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRequestSignInCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n"): (typeof documents)["\n  mutation AdminRequestSignInCode($email: String!) {\n    requestLoginCode(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCodeSignIn($email: String!, $code: String!) {\n    verifyLoginCode(email: $email, code: $code, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCodeSignIn($email: String!, $code: String!) {\n    verifyLoginCode(email: $email, code: $code, sessionCookie: ADMIN) {\n      ...SignInResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSecondFactor($challenge: String!, $code: String!) {\n    verifySecondFactor(challenge: $challenge, code: $code, sessionCookie: ADMIN) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSecondFactor($challenge: String!, $code: String!) {\n    verifySecondFactor(challenge: $challenge, code: $code, sessionCookie: ADMIN) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    createdAt\n    subject\n    field\n    oldValue\n    newValue\n    reason\n    requestId\n    actorName\n    actorRole\n    actor {\n      id\n    }\n    job {\n      id\n      title\n    }\n    image {\n      id\n      filename\n    }\n    customer {\n      id\n      name\n    }\n    user {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEntry {\n    id\n    createdAt\n    subject\n    field\n    oldValue\n    newValue\n    reason\n    requestId\n    actorName\n    actorRole\n    actor {\n      id\n    }\n    job {\n      id\n      title\n    }\n    image {\n      id\n      filename\n    }\n    customer {\n      id\n      name\n    }\n    user {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditEntryList($first: Int, $offset: Int, $filter: AuditFilter, $sortDirection: SortDirection) {\n    auditEntries(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...AuditEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditEntryList($first: Int, $offset: Int, $filter: AuditFilter, $sortDirection: SortDirection) {\n    auditEntries(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...AuditEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerFields on Customer {\n    id\n    name\n    contactEmail\n    createdAt\n    updatedAt\n    creditBalance\n    plan {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerFields on Customer {\n    id\n    name\n    contactEmail\n    createdAt\n    updatedAt\n    creditBalance\n    plan {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerDetailFields on Customer {\n    ...CustomerFields\n    notes\n    plan {\n      ...PlanFields\n    }\n    users {\n      id\n      name\n      email\n      role\n      active\n      lastLoginAt\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerDetailFields on Customer {\n    ...CustomerFields\n    notes\n    plan {\n      ...PlanFields\n    }\n    users {\n      id\n      name\n      email\n      role\n      active\n      lastLoginAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomerList($first: Int, $offset: Int, $filter: CustomerFilter, $sortBy: CustomerSortField, $sortDirection: SortDirection) {\n    customers(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...CustomerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomerList($first: Int, $offset: Int, $filter: CustomerFilter, $sortBy: CustomerSortField, $sortDirection: SortDirection) {\n    customers(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...CustomerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailFields\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomersByIds($ids: [ID!]!) {\n    customersByIds(ids: $ids) {\n      ...CustomerFields\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomersByIds($ids: [ID!]!) {\n    customersByIds(ids: $ids) {\n      ...CustomerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomerUsage($customerId: ID!) {\n    usage(customerId: $customerId) {\n      creditBalance\n      day {\n        used\n        limit\n        remaining\n        resetAt\n      }\n      month {\n        used\n        limit\n        remaining\n        resetAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomerUsage($customerId: ID!) {\n    usage(customerId: $customerId) {\n      creditBalance\n      day {\n        used\n        limit\n        remaining\n        resetAt\n      }\n      month {\n        used\n        limit\n        remaining\n        resetAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetCustomerPlan($customerId: ID!, $planId: ID!, $reason: String) {\n    setCustomerPlan(customerId: $customerId, planId: $planId, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetCustomerPlan($customerId: ID!, $planId: ID!, $reason: String) {\n    setCustomerPlan(customerId: $customerId, planId: $planId, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantEnhancementCredits($customerId: ID!, $units: Int!, $reason: String) {\n    grantEnhancementCredits(customerId: $customerId, units: $units, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminGrantEnhancementCredits($customerId: ID!, $units: Int!, $reason: String) {\n    grantEnhancementCredits(customerId: $customerId, units: $units, reason: $reason) {\n      ...CustomerDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExtraRequestFields on ExtraRequest {\n    id\n    createdAt\n    status\n    note\n    decisionNote\n    decidedAt\n    final\n    mayAskAgainFrom\n    image {\n      id\n      filename\n      thumbnailUrl\n    }\n    job {\n      id\n      title\n      customer {\n        id\n        name\n      }\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ExtraRequestFields on ExtraRequest {\n    id\n    createdAt\n    status\n    note\n    decisionNote\n    decidedAt\n    final\n    mayAskAgainFrom\n    image {\n      id\n      filename\n      thumbnailUrl\n    }\n    job {\n      id\n      title\n      customer {\n        id\n        name\n      }\n    }\n    requestedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminExtraRequestList($first: Int, $offset: Int, $filter: ExtraRequestFilter, $sortDirection: SortDirection) {\n    extraRequests(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...ExtraRequestFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminExtraRequestList($first: Int, $offset: Int, $filter: ExtraRequestFilter, $sortDirection: SortDirection) {\n    extraRequests(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...ExtraRequestFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDecideExtraRequest($id: ID!, $decision: ExtraDecision!, $note: String, $mayAskAgainFrom: DateTimeISO, $final: Boolean) {\n    decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $mayAskAgainFrom, final: $final) {\n      ...ExtraRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDecideExtraRequest($id: ID!, $decision: ExtraDecision!, $note: String, $mayAskAgainFrom: DateTimeISO, $final: Boolean) {\n    decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $mayAskAgainFrom, final: $final) {\n      ...ExtraRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImageFields on Image {\n    id\n    filename\n    status\n    selectionState\n    locked\n    downloadable\n    thumbnailUrl\n    width\n    height\n    byteSize\n    failureReason\n    createdAt\n    updatedAt\n    job {\n      id\n    }\n    derivedFrom {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment ImageFields on Image {\n    id\n    filename\n    status\n    selectionState\n    locked\n    downloadable\n    thumbnailUrl\n    width\n    height\n    byteSize\n    failureReason\n    createdAt\n    updatedAt\n    job {\n      id\n    }\n    derivedFrom {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminJobImages($jobId: ID!, $first: Int, $offset: Int, $filter: ImageFilter, $sortBy: ImageSortField, $sortDirection: SortDirection) {\n    job(id: $jobId) {\n      id\n      images(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n        totalCount\n        nodes {\n          ...ImageFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminJobImages($jobId: ID!, $first: Int, $offset: Int, $filter: ImageFilter, $sortBy: ImageSortField, $sortDirection: SortDirection) {\n    job(id: $jobId) {\n      id\n      images(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n        totalCount\n        nodes {\n          ...ImageFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminImage($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n      contentType\n      sha256\n      uploadedBy {\n        id\n        name\n      }\n      job {\n        id\n        title\n        customer {\n          id\n          name\n        }\n      }\n      derivedFrom {\n        id\n        filename\n        previewUrl\n      }\n      deliveries {\n        id\n        createdAt\n        endedAt\n        path\n        outcome\n        bytesSent\n        byteSize\n        user {\n          id\n          name\n          email\n          role\n        }\n      }\n      enhancements {\n        id\n        status\n        modelId\n        model {\n          name\n        }\n        provider\n        progress\n        createdAt\n        finishedAt\n        error {\n          code\n          message\n        }\n        requestedBy {\n          id\n          name\n        }\n        image {\n          id\n          filename\n          previewUrl\n        }\n        result {\n          id\n          filename\n          previewUrl\n        }\n      }\n      extraRequests {\n        id\n        status\n        note\n        decisionNote\n        createdAt\n        decidedAt\n        final\n        mayAskAgainFrom\n        requestedBy {\n          id\n          name\n        }\n        decidedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminImage($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n      contentType\n      sha256\n      uploadedBy {\n        id\n        name\n      }\n      job {\n        id\n        title\n        customer {\n          id\n          name\n        }\n      }\n      derivedFrom {\n        id\n        filename\n        previewUrl\n      }\n      deliveries {\n        id\n        createdAt\n        endedAt\n        path\n        outcome\n        bytesSent\n        byteSize\n        user {\n          id\n          name\n          email\n          role\n        }\n      }\n      enhancements {\n        id\n        status\n        modelId\n        model {\n          name\n        }\n        provider\n        progress\n        createdAt\n        finishedAt\n        error {\n          code\n          message\n        }\n        requestedBy {\n          id\n          name\n        }\n        image {\n          id\n          filename\n          previewUrl\n        }\n        result {\n          id\n          filename\n          previewUrl\n        }\n      }\n      extraRequests {\n        id\n        status\n        note\n        decisionNote\n        createdAt\n        decidedAt\n        final\n        mayAskAgainFrom\n        requestedBy {\n          id\n          name\n        }\n        decidedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminImagePreview($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n    }\n  }\n"): (typeof documents)["\n  query AdminImagePreview($id: ID!) {\n    image(id: $id) {\n      ...ImageFields\n      previewUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminImagesByIds($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...ImageFields\n    }\n  }\n"): (typeof documents)["\n  query AdminImagesByIds($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...ImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCurrentSelection($jobId: ID!, $ids: [ID!]!) {\n    job(id: $jobId) {\n      id\n      version\n    }\n    imagesByIds(ids: $ids) {\n      id\n      filename\n      selectionState\n    }\n  }\n"): (typeof documents)["\n  query AdminCurrentSelection($jobId: ID!, $ids: [ID!]!) {\n    job(id: $jobId) {\n      id\n      version\n    }\n    imagesByIds(ids: $ids) {\n      id\n      filename\n      selectionState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminLatestImageAuditEntries($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      id\n      auditTrail(first: 1) {\n        nodes {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminLatestImageAuditEntries($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      id\n      auditTrail(first: 1) {\n        nodes {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetImageSelectionState($imageId: ID!, $state: SelectionState!, $reason: String!) {\n    setImageSelectionState(imageId: $imageId, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetImageSelectionState($imageId: ID!, $state: SelectionState!, $reason: String!) {\n    setImageSelectionState(imageId: $imageId, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetImagesSelectionState($imageIds: [ID!]!, $state: SelectionState!, $reason: String!) {\n    setImagesSelectionState(imageIds: $imageIds, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetImagesSelectionState($imageIds: [ID!]!, $state: SelectionState!, $reason: String!) {\n    setImagesSelectionState(imageIds: $imageIds, state: $state, reason: $reason) {\n      ...ImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUnlockImageSelection($imageId: ID!, $reason: String!) {\n    unlockImageSelection(imageId: $imageId, reason: $reason) {\n      ...ImageFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUnlockImageSelection($imageId: ID!, $reason: String!) {\n    unlockImageSelection(imageId: $imageId, reason: $reason) {\n      ...ImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...ImageFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...ImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRemoveImage($imageId: ID!, $reason: String!, $replacementId: ID) {\n    removeImage(imageId: $imageId, reason: $reason, replacementId: $replacementId) {\n      deleted\n      removedImageIds\n      replacement {\n        id\n        filename\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRemoveImage($imageId: ID!, $reason: String!, $replacementId: ID) {\n    removeImage(imageId: $imageId, reason: $reason, replacementId: $replacementId) {\n      deleted\n      removedImageIds\n      replacement {\n        id\n        filename\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobFields on Job {\n    id\n    title\n    status\n    includedImages\n    allImagesIncluded\n    allowCustomerUploads\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    version\n    createdAt\n    updatedAt\n    deliveredAt\n    customer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment JobFields on Job {\n    id\n    title\n    status\n    includedImages\n    allImagesIncluded\n    allowCustomerUploads\n    includedCount\n    pendingExtraCount\n    downloadableCount\n    version\n    createdAt\n    updatedAt\n    deliveredAt\n    customer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobDetailFields on Job {\n    ...JobFields\n    selectionCounts {\n      none\n      included\n      extraPending\n      extraPaid\n      extraFree\n      blocked\n    }\n  }\n"): (typeof documents)["\n  fragment JobDetailFields on Job {\n    ...JobFields\n    selectionCounts {\n      none\n      included\n      extraPending\n      extraPaid\n      extraFree\n      blocked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminJobList($first: Int, $offset: Int, $filter: JobFilter, $sortBy: JobSortField, $sortDirection: SortDirection) {\n    jobs(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...JobFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminJobList($first: Int, $offset: Int, $filter: JobFilter, $sortBy: JobSortField, $sortDirection: SortDirection) {\n    jobs(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...JobFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminJob($id: ID!) {\n    job(id: $id) {\n      ...JobDetailFields\n    }\n  }\n"): (typeof documents)["\n  query AdminJob($id: ID!) {\n    job(id: $id) {\n      ...JobDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminJobsByIds($ids: [ID!]!) {\n    jobsByIds(ids: $ids) {\n      ...JobFields\n    }\n  }\n"): (typeof documents)["\n  query AdminJobsByIds($ids: [ID!]!) {\n    jobsByIds(ids: $ids) {\n      ...JobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      ...JobDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      ...JobDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      ...JobDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      ...JobDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetIncludedImages($jobId: ID!, $includedImages: Int!, $reason: String!, $expectedVersion: Int) {\n    setIncludedImages(jobId: $jobId, includedImages: $includedImages, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetIncludedImages($jobId: ID!, $includedImages: Int!, $reason: String!, $expectedVersion: Int) {\n    setIncludedImages(jobId: $jobId, includedImages: $includedImages, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetAllImagesIncluded($jobId: ID!, $value: Boolean!, $reason: String!, $expectedVersion: Int) {\n    setAllImagesIncluded(jobId: $jobId, value: $value, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetAllImagesIncluded($jobId: ID!, $value: Boolean!, $reason: String!, $expectedVersion: Int) {\n    setAllImagesIncluded(jobId: $jobId, value: $value, reason: $reason, expectedVersion: $expectedVersion) {\n      ...JobDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MailOutboxFields on MailOutboxMessage {\n    id\n    createdAt\n    to\n    subject\n    text\n  }\n"): (typeof documents)["\n  fragment MailOutboxFields on MailOutboxMessage {\n    id\n    createdAt\n    to\n    subject\n    text\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMailOutboxList($first: Int, $offset: Int) {\n    mailOutbox(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...MailOutboxFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMailOutboxList($first: Int, $offset: Int) {\n    mailOutbox(first: $first, offset: $offset) {\n      totalCount\n      nodes {\n        ...MailOutboxFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on Plan {\n    id\n    key\n    name\n    dailyUnits\n    monthlyUnits\n    maxUpscale\n    faceEnhance\n    creditsAllowed\n  }\n"): (typeof documents)["\n  fragment PlanFields on Plan {\n    id\n    key\n    name\n    dailyUnits\n    monthlyUnits\n    maxUpscale\n    faceEnhance\n    creditsAllowed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPlanList {\n    plans {\n      ...PlanFields\n    }\n  }\n"): (typeof documents)["\n  query AdminPlanList {\n    plans {\n      ...PlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecurityEventFields on SecurityEvent {\n    id\n    createdAt\n    type\n    userId\n    ip\n    requestId\n    details\n  }\n"): (typeof documents)["\n  fragment SecurityEventFields on SecurityEvent {\n    id\n    createdAt\n    type\n    userId\n    ip\n    requestId\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSecurityEventList($first: Int, $offset: Int, $filter: SecurityEventFilter) {\n    securityEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...SecurityEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminSecurityEventList($first: Int, $offset: Int, $filter: SecurityEventFilter) {\n    securityEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      nodes {\n        ...SecurityEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StudioSettingsFields on StudioSettings {\n    name\n    watermarkText\n    defaultIncludedImages\n    defaultAllowCustomerUploads\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment StudioSettingsFields on StudioSettings {\n    name\n    watermarkText\n    defaultIncludedImages\n    defaultAllowCustomerUploads\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStudioSettings {\n    studio {\n      ...StudioSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query AdminStudioSettings {\n    studio {\n      ...StudioSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateStudioSettings($input: UpdateStudioSettingsInput!) {\n    updateStudioSettings(input: $input) {\n      ...StudioSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateStudioSettings($input: UpdateStudioSettingsInput!) {\n    updateStudioSettings(input: $input) {\n      ...StudioSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    active\n    totpEnabled\n    lastLoginAt\n    deactivatedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    name\n    email\n    role\n    active\n    totpEnabled\n    lastLoginAt\n    deactivatedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUserList($first: Int, $offset: Int, $filter: UserFilter, $sortBy: UserSortField, $sortDirection: SortDirection) {\n    users(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUserList($first: Int, $offset: Int, $filter: UserFilter, $sortBy: UserSortField, $sortDirection: SortDirection) {\n    users(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {\n      totalCount\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query AdminUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateUser($id: ID!, $reason: String) {\n    deactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeactivateUser($id: ID!, $reason: String) {\n    deactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateUser($id: ID!, $reason: String) {\n    reactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReactivateUser($id: ID!, $reason: String) {\n    reactivateUser(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!, $reason: String) {\n    updateUser(id: $id, input: $input, reason: $reason) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!, $reason: String) {\n    updateUser(id: $id, input: $input, reason: $reason) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResetUserTotp($id: ID!, $reason: String!) {\n    resetUserTotp(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminResetUserTotp($id: ID!, $reason: String!) {\n    resetUserTotp(id: $id, reason: $reason) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UploadedImageFields on Image {\n    id\n    status\n    failureReason\n    thumbnailUrl\n  }\n"): (typeof documents)["\n  fragment UploadedImageFields on Image {\n    id\n    status\n    failureReason\n    thumbnailUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadRequestImage($input: RequestImageUploadInput!) {\n    requestImageUpload(input: $input) {\n      url\n      method\n      expiresAt\n      headers {\n        name\n        value\n      }\n      image {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadRequestImage($input: RequestImageUploadInput!) {\n    requestImageUpload(input: $input) {\n      url\n      method\n      expiresAt\n      headers {\n        name\n        value\n      }\n      image {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadCompleteImage($imageId: ID!) {\n    completeImageUpload(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n"): (typeof documents)["\n  mutation UploadCompleteImage($imageId: ID!) {\n    completeImageUpload(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n"): (typeof documents)["\n  mutation UploadRetryImageRender($imageId: ID!) {\n    retryImageRender(imageId: $imageId) {\n      ...UploadedImageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadedImages($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...UploadedImageFields\n    }\n  }\n"): (typeof documents)["\n  query UploadedImages($ids: [ID!]!) {\n    imagesByIds(ids: $ids) {\n      ...UploadedImageFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
import { extraRequestStatusLabels, jobStatusLabels, selectionStateLabels, userRoleLabels } from '../i18n/labels';

/** Choices for react-admin selects: every value of the enum, named by its i18n key. */
const choicesOf = (enumName: string, labels: Record<string, string>) => Object.keys(labels).map((id) => ({ id, name: `pixgate.enums.${enumName}.${id}` }));

export const jobStatusChoices = choicesOf('JobStatus', jobStatusLabels.en);
export const selectionStateChoices = choicesOf('SelectionState', selectionStateLabels.en);
export const userRoleChoices = choicesOf('UserRole', userRoleLabels.en);
export const extraRequestStatusChoices = choicesOf('ExtraRequestStatus', extraRequestStatusLabels.en);

import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Language } from '../../shared/domain/language.js';

export enum NotificationKind {
  JOB_DELIVERED = 'JOB_DELIVERED',
  EXTRAS_REQUESTED = 'EXTRAS_REQUESTED',
  EXTRA_DECIDED = 'EXTRA_DECIDED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'A kind of mail the API sends; each user can switch off the kinds that apply to them.',
  valuesConfig: {
    JOB_DELIVERED: { description: 'Customer users: a job of theirs was delivered.' },
    EXTRAS_REQUESTED: { description: 'Staff: customers asked for extras in a job (at most one mail per job per 15 minutes, 5 minutes after the last request).' },
    EXTRA_DECIDED: { description: 'Customer users: the studio decided their requests for extras.' },
  },
});

@ObjectType({ description: 'Whether the user gets one kind of notification mail.' })
export class NotificationSetting {
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field() enabled!: boolean;
}

@InputType()
export class NotificationSettingInput {
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field() enabled!: boolean;
}

@InputType({ description: 'The signed-in user’s own settings; what is left out stays as it is.' })
export class MySettingsInput {
  @Field(() => Language, { nullable: true }) language?: Language | null;
  @Field(() => [NotificationSettingInput], { nullable: true, description: 'Only kinds that apply to the user’s role (User.notificationSettings lists them); another kind is FORBIDDEN.' })
  notifications?: NotificationSettingInput[] | null;
}

import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../../shared/connection.js';
import { Connection } from '../../shared/connection.js';
import { User } from './user.entity.js';
import { UserRole } from '../../shared/domain/user-role.js';

export const UserConnection = Connection(User, 'User');

@InputType()
export class CreateUserInput {
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field(() => ID, { nullable: true, description: 'Required for CUSTOMER users, forbidden for staff.' }) customerId?: string;
  @Field(() => String, { nullable: true, description: 'At least 10 characters. Customers may also sign in without one later (email code).' })
  password?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => UserRole, { nullable: true }) role?: UserRole;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => String, { nullable: true, description: 'Sets a new password and ends the user’s other sessions.' }) password?: string;
}

export enum UserSortField {
  CREATED_AT = 'createdAt',
  NAME = 'name',
  EMAIL = 'email',
}
registerEnumType(UserSortField, { name: 'UserSortField' });

@InputType()
export class UserFilter {
  @Field(() => UserRole, { nullable: true }) role?: UserRole;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => String, { nullable: true, description: 'Matches name or email, case-insensitively.' }) search?: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => UserFilter, { nullable: true }) filter?: UserFilter;
  @Field(() => UserSortField, { nullable: true, defaultValue: UserSortField.CREATED_AT }) sortBy!: UserSortField;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC }) sortDirection!: SortDirection;
}

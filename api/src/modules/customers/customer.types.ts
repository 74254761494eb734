import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs, SortDirection } from '../../shared/connection.js';
import { Customer } from './customer.entity.js';

export const CustomerConnection = Connection(Customer, 'Customer');

@InputType()
export class CreateCustomerInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) contactEmail?: string;
  @Field(() => String, { nullable: true }) notes?: string;
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) contactEmail?: string;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' }) notes?: string;
}

export enum CustomerSortField {
  CREATED_AT = 'createdAt',
  NAME = 'name',
}
registerEnumType(CustomerSortField, { name: 'CustomerSortField' });

@InputType()
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Matches name or contact email, case-insensitively.' }) search?: string;
}

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => CustomerFilter, { nullable: true }) filter?: CustomerFilter;
  @Field(() => CustomerSortField, { nullable: true, defaultValue: CustomerSortField.NAME }) sortBy!: CustomerSortField;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC }) sortDirection!: SortDirection;
}

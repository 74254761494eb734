import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../../shared/connection.js';
import type { RequestContext } from '../../graphql/context.js';
import { MailOutboxMessage } from './mail-outbox-message.entity.js';
import { Requires } from '../../graphql/requires.js';

export const MailOutboxMessageConnection = Connection(MailOutboxMessage, 'MailOutboxMessage');

@Resolver(() => MailOutboxMessage)
export class MailOutboxResolver {
  @Requires('mail.read')
  @Query(() => MailOutboxMessageConnection, {
    description: 'Mail kept instead of sent, newest first (admins only). Exists only outside production while SMTP_URL is unset; otherwise NOT_FOUND with reason OUTBOX_DISABLED.',
  })
  mailOutbox(@Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.mailOutbox.list(ctx.em, page);
  }
}

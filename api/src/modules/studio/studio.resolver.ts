import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { StudioSettings } from './studio-settings.entity.js';
import { UpdateStudioSettingsInput } from './studio.types.js';
import { Requires } from '../../graphql/requires.js';

@Resolver(() => StudioSettings)
export class StudioResolver {
  @Requires('studio.read')
  @Query(() => StudioSettings)
  studio(@Ctx() ctx: RequestContext): Promise<StudioSettings> {
    return ctx.services.studio.get(ctx.em);
  }

  @Requires('studio.update')
  @Mutation(() => StudioSettings)
  updateStudioSettings(@Arg('input') input: UpdateStudioSettingsInput, @Ctx() ctx: RequestContext): Promise<StudioSettings> {
    return ctx.services.studio.update(ctx.em, input);
  }
}

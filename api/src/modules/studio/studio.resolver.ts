import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { StudioSettings } from './studio-settings.entity.js';
import { UpdateStudioSettingsInput } from './studio.types.js';

@Resolver(() => StudioSettings)
export class StudioResolver {
  @Query(() => StudioSettings)
  studio(@Ctx() ctx: RequestContext): Promise<StudioSettings> {
    return ctx.services.studio.get(ctx.em);
  }

  @Mutation(() => StudioSettings)
  updateStudioSettings(@Arg('input') input: UpdateStudioSettingsInput, @Ctx() ctx: RequestContext): Promise<StudioSettings> {
    return ctx.services.studio.update(ctx.em, input);
  }
}

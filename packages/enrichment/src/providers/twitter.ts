import { z } from "zod";
import { httpProvider, type NetworkAdapter } from "./http-lookup";
import type { Provider, ProviderConfig } from "./types";

/** v2-style answer: `data` when found, a 200 with `errors` when not. */
export const TwitterLookupBody = z.union([
  z.object({
    data: z.object({
      id: z.string(),
      username: z.string(),
      name: z.string(),
      url: z.string(),
      profile_image_url: z.string().nullish(),
      location: z.string().nullish(),
      description: z.string().nullish(),
      public_metrics: z.object({ followers_count: z.number() }),
    }),
  }),
  z.object({ errors: z.array(z.object({ title: z.string(), detail: z.string().nullish() })).min(1) }),
]);
export type TwitterLookupBody = z.infer<typeof TwitterLookupBody>;

const userFields = "description,location,profile_image_url,public_metrics,url";

export const twitterAdapter: NetworkAdapter<TwitterLookupBody> = {
  network: "twitter",
  request: (emailHash) => ({
    method: "GET",
    path: `/twitter/2/users/by/email_sha256/${emailHash}?user.fields=${userFields}`,
  }),
  schema: TwitterLookupBody,
  toProfile: (body) => {
    if (!("data" in body)) return null;
    const user = body.data;
    return {
      handle: user.username,
      profileUrl: user.url,
      photoUrl: user.profile_image_url ?? null,
      location: user.location || null,
      bio: user.description || null,
      followers: user.public_metrics.followers_count,
    };
  },
};

export const twitterProvider = (config: ProviderConfig): Provider => httpProvider(twitterAdapter, config);

import { z } from "zod";
import { httpProvider, type NetworkAdapter } from "./http-lookup";
import type { Provider, ProviderConfig } from "./types";

/** Graph-style answer: a list that is empty when nobody matches. */
export const FacebookLookupBody = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      link: z.string(),
      picture: z.object({ data: z.object({ url: z.string() }) }).nullish(),
      location: z.object({ name: z.string() }).nullish(),
      about: z.string().nullish(),
      followers_count: z.number(),
    }),
  ),
});
export type FacebookLookupBody = z.infer<typeof FacebookLookupBody>;

const fields = "id,username,link,picture,location,about,followers_count";

export const facebookAdapter: NetworkAdapter<FacebookLookupBody> = {
  network: "facebook",
  request: (emailHash) => ({
    method: "GET",
    path: `/facebook/v19.0/lookup?email_sha256=${emailHash}&fields=${fields}`,
  }),
  schema: FacebookLookupBody,
  toProfile: ({ data }) => {
    const user = data[0];
    if (user === undefined) return null;
    return {
      handle: user.username,
      profileUrl: user.link,
      photoUrl: user.picture?.data.url ?? null,
      location: user.location?.name || null,
      bio: user.about || null,
      followers: user.followers_count,
    };
  },
};

export const facebookProvider = (config: ProviderConfig): Provider => httpProvider(facebookAdapter, config);

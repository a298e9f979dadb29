import { z } from "zod";
import { httpProvider, type NetworkAdapter } from "./http-lookup";
import type { Provider, ProviderConfig } from "./types";

/** People-lookup answer; an unknown member is an HTTP 404. */
export const LinkedinLookupBody = z.object({
  id: z.string(),
  vanityName: z.string(),
  publicProfileUrl: z.string(),
  profilePicture: z.object({ displayImageUrl: z.string() }).nullish(),
  geoLocation: z.object({ city: z.string(), countryCode: z.string().nullish() }).nullish(),
  headline: z.string().nullish(),
  followerCount: z.number(),
});
export type LinkedinLookupBody = z.infer<typeof LinkedinLookupBody>;

export const linkedinAdapter: NetworkAdapter<LinkedinLookupBody> = {
  network: "linkedin",
  request: (emailHash) => ({
    method: "POST",
    path: "/linkedin/v2/peopleLookup",
    body: { emailSha256: emailHash },
  }),
  notFoundStatus: 404,
  schema: LinkedinLookupBody,
  toProfile: (member) => ({
    handle: member.vanityName,
    profileUrl: member.publicProfileUrl,
    photoUrl: member.profilePicture?.displayImageUrl ?? null,
    location: member.geoLocation?.city || null,
    bio: member.headline || null,
    followers: member.followerCount,
  }),
};

export const linkedinProvider = (config: ProviderConfig): Provider => httpProvider(linkedinAdapter, config);

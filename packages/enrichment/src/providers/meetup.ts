import { z } from "zod";
import { httpProvider, type NetworkAdapter } from "./http-lookup";
import type { Provider, ProviderConfig } from "./types";

/** GraphQL-style answer: `memberByEmailHash` is null when nobody matches. Meetup has no followers. */
export const MeetupLookupBody = z.object({
  data: z.object({
    memberByEmailHash: z
      .object({
        id: z.string(),
        name: z.string(),
        memberUrl: z.string(),
        memberPhoto: z.object({ baseUrl: z.string() }).nullish(),
        city: z.string().nullish(),
        bio: z.string().nullish(),
      })
      .nullable(),
  }),
});
export type MeetupLookupBody = z.infer<typeof MeetupLookupBody>;

export const meetupLookupQuery =
  "query Lookup($emailHash: String!) { memberByEmailHash(emailHash: $emailHash) " +
  "{ id name memberUrl memberPhoto { baseUrl } city bio } }";

export const meetupAdapter: NetworkAdapter<MeetupLookupBody> = {
  network: "meetup",
  request: (emailHash) => ({
    method: "POST",
    path: "/meetup/gql",
    body: { query: meetupLookupQuery, variables: { emailHash } },
  }),
  schema: MeetupLookupBody,
  toProfile: ({ data }) => {
    const member = data.memberByEmailHash;
    if (member === null) return null;
    return {
      handle: member.id,
      profileUrl: member.memberUrl,
      photoUrl: member.memberPhoto?.baseUrl ?? null,
      location: member.city || null,
      bio: member.bio || null,
      followers: null,
    };
  },
};

export const meetupProvider = (config: ProviderConfig): Provider => httpProvider(meetupAdapter, config);

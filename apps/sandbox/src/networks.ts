import type { Network, SyntheticMember } from "./population";

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One network's lookup endpoint: where it listens, where the hash is, and its own JSON shapes. */
export interface NetworkRoute {
  network: Network;
  method: "GET" | "POST";
  pattern: RegExp;
  /** The email hash as sent (validated by the server), read from the path, query or JSON body. */
  emailHash(url: URL, match: RegExpExecArray, body: unknown): unknown;
  found(member: SyntheticMember): Reply;
  notFound(): Reply;
}

const field = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined),
    value,
  );

/** Graph-style: GET /facebook/vXX.X/lookup?email_sha256=…; a list, empty when nobody matches. */
const facebook: NetworkRoute = {
  network: "facebook",
  method: "GET",
  pattern: /^\/facebook\/v\d+\.\d+\/lookup$/,
  emailHash: (url) => url.searchParams.get("email_sha256"),
  found: (m) => ({
    status: 200,
    body: {
      data: [
        {
          id: m.id,
          name: m.displayName,
          username: m.handle,
          link: m.profileUrl,
          picture: m.photoUrl === null ? null : { data: { url: m.photoUrl, is_silhouette: false } },
          location: m.city === null ? null : { name: m.city },
          about: m.bio,
          followers_count: m.followers,
        },
      ],
    },
  }),
  notFound: () => ({ status: 200, body: { data: [] } }),
};

/** POST /linkedin/v2/peopleLookup {emailSha256}; an unknown member is a 404. */
const linkedin: NetworkRoute = {
  network: "linkedin",
  method: "POST",
  pattern: /^\/linkedin\/v2\/peopleLookup$/,
  emailHash: (_url, _match, body) => field(body, "emailSha256"),
  found: (m) => ({
    status: 200,
    body: {
      id: m.id,
      localizedName: m.displayName,
      vanityName: m.handle,
      publicProfileUrl: m.profileUrl,
      profilePicture: m.photoUrl === null ? null : { displayImageUrl: m.photoUrl },
      geoLocation: m.city === null ? null : { city: m.city, countryCode: "FR" },
      headline: m.bio,
      followerCount: m.followers,
    },
  }),
  notFound: () => ({
    status: 404,
    body: { status: 404, serviceErrorCode: 100, message: "Member not found" },
  }),
};

/** v2-style: GET /twitter/2/users/by/email_sha256/:hash; not found is a 200 carrying `errors`. */
const twitter: NetworkRoute = {
  network: "twitter",
  method: "GET",
  pattern: /^\/twitter\/2\/users\/by\/email_sha256\/([^/]+)$/,
  emailHash: (_url, match) => match[1],
  found: (m) => ({
    status: 200,
    body: {
      data: {
        id: m.id,
        name: m.displayName,
        username: m.handle,
        url: m.profileUrl,
        ...(m.photoUrl === null ? {} : { profile_image_url: m.photoUrl }),
        ...(m.city === null ? {} : { location: m.city }),
        description: m.bio ?? "",
        public_metrics: {
          followers_count: m.followers,
          following_count: Math.round(m.followers / 3),
          tweet_count: 0,
        },
      },
    },
  }),
  notFound: () => ({
    status: 200,
    body: {
      errors: [
        {
          title: "Not Found Error",
          detail: "Could not find user with that email hash.",
          type: "about:blank",
        },
      ],
    },
  }),
};

/** GraphQL-style: POST /meetup/gql {query, variables: {emailHash}}; `memberByEmailHash` null when unknown. */
const meetup: NetworkRoute = {
  network: "meetup",
  method: "POST",
  pattern: /^\/meetup\/gql$/,
  emailHash: (_url, _match, body) => field(body, "variables", "emailHash"),
  found: (m) => ({
    status: 200,
    body: {
      data: {
        memberByEmailHash: {
          id: m.id,
          name: m.displayName,
          memberUrl: m.profileUrl,
          memberPhoto: m.photoUrl === null ? null : { baseUrl: m.photoUrl },
          city: m.city,
          bio: m.bio,
        },
      },
    },
  }),
  notFound: () => ({ status: 200, body: { data: { memberByEmailHash: null } } }),
};

export const routes: readonly NetworkRoute[] = [facebook, linkedin, twitter, meetup];

/** The route a request is for, if any, with its path match. */
export function findRoute(method: string, pathname: string) {
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (match) return { route, match, methodAllowed: route.method === method };
  }
  return undefined;
}

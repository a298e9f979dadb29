// Test helper: each network's canned answers and the common profile they must map to.

import type { EnrichedProfile, Network } from "../providers/types";
import type { StubReply } from "./stub-server";

export interface AdapterFixture {
  found: StubReply;
  notFound: StubReply;
  wrongShape: StubReply;
  expected: EnrichedProfile;
  method: "GET" | "POST";
  pathPrefix: string;
}

const photo = "https://photos.sandbox.example/camille.png";

export const adapterFixtures: Record<Network, AdapterFixture> = {
  facebook: {
    method: "GET",
    pathPrefix: "/facebook/v19.0/lookup?",
    found: {
      status: 200,
      body: {
        data: [
          {
            id: "100042",
            username: "camille.martin",
            link: "https://facebook.example/camille.martin",
            picture: { data: { url: photo } },
            location: { name: "Lyon" },
            about: "Bénévole associative",
            followers_count: 321,
          },
        ],
      },
    },
    notFound: { status: 200, body: { data: [] } },
    wrongShape: { status: 200, body: { data: [{ id: 42 }] } },
    expected: {
      network: "facebook",
      handle: "camille.martin",
      profileUrl: "https://facebook.example/camille.martin",
      photoUrl: photo,
      location: "Lyon",
      bio: "Bénévole associative",
      followers: 321,
    },
  },
  linkedin: {
    method: "POST",
    pathPrefix: "/linkedin/v2/peopleLookup",
    found: {
      status: 200,
      body: {
        id: "li-7",
        vanityName: "camille-martin-7",
        publicProfileUrl: "https://linkedin.example/in/camille-martin-7",
        profilePicture: null,
        geoLocation: { city: "Villeurbanne", countryCode: "FR" },
        headline: "Cheffe de projet",
        followerCount: 88,
      },
    },
    notFound: { status: 404, body: { status: 404, serviceErrorCode: 100, message: "Member not found" } },
    wrongShape: { status: 200, body: { vanityName: "x" } },
    expected: {
      network: "linkedin",
      handle: "camille-martin-7",
      profileUrl: "https://linkedin.example/in/camille-martin-7",
      photoUrl: null,
      location: "Villeurbanne",
      bio: "Cheffe de projet",
      followers: 88,
    },
  },
  twitter: {
    method: "GET",
    pathPrefix: "/twitter/2/users/by/email_sha256/",
    found: {
      status: 200,
      body: {
        data: {
          id: "9001",
          username: "camille_m",
          name: "Camille Martin",
          url: "https://x.example/camille_m",
          profile_image_url: photo,
          location: "Grenoble",
          description: "",
          public_metrics: { followers_count: 1200 },
        },
      },
    },
    notFound: { status: 200, body: { errors: [{ title: "Not Found Error", detail: "no user" }] } },
    wrongShape: { status: 200, body: { data: { username: "camille_m" } } },
    expected: {
      network: "twitter",
      handle: "camille_m",
      profileUrl: "https://x.example/camille_m",
      photoUrl: photo,
      location: "Grenoble",
      bio: null,
      followers: 1200,
    },
  },
  meetup: {
    method: "POST",
    pathPrefix: "/meetup/gql",
    found: {
      status: 200,
      body: {
        data: {
          memberByEmailHash: {
            id: "318000042",
            name: "Camille M.",
            memberUrl: "https://meetup.example/members/318000042/",
            memberPhoto: { baseUrl: photo },
            city: "Paris",
            bio: null,
          },
        },
      },
    },
    notFound: { status: 200, body: { data: { memberByEmailHash: null } } },
    wrongShape: { status: 200, body: { data: {} } },
    expected: {
      network: "meetup",
      handle: "318000042",
      profileUrl: "https://meetup.example/members/318000042/",
      photoUrl: photo,
      location: "Paris",
      bio: null,
      followers: null,
    },
  },
};

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, isoDayOf, localDay, localInstant, minuteOfDay, parseInstant, shiftMonths } from "./time";

const iso = (ms: number) => new Date(ms).toISOString();

describe("zone arithmetic", () => {
  it("finds midnight in Paris on both sides of the spring DST change", () => {
    expect(iso(localInstant("Europe/Paris", dayNumber("2027-03-28"), 0))).toBe("2027-03-27T23:00:00.000Z");
    expect(iso(localInstant("Europe/Paris", dayNumber("2027-03-29"), 0))).toBe("2027-03-28T22:00:00.000Z");
  });

  it("maps a wall time inside the spring gap to the instant after the gap", () => {
    // 02:30 does not exist in Paris on 28 March 2027: clocks jump from 02:00 to 03:00
    expect(iso(localInstant("Europe/Paris", dayNumber("2027-03-28"), minuteOfDay("02:30")))).toBe(
      "2027-03-28T01:30:00.000Z",
    );
  });

  it("takes the earlier instant of a wall time repeated in the autumn overlap", () => {
    expect(iso(localInstant("Europe/Paris", dayNumber("2027-10-31"), minuteOfDay("02:30")))).toBe(
      "2027-10-31T00:30:00.000Z",
    );
  });

  it("reads 20:00 on a New York election day across the November change", () => {
    expect(iso(localInstant("America/New_York", dayNumber("2026-11-03"), minuteOfDay("20:00")))).toBe(
      "2026-11-04T01:00:00.000Z",
    );
    expect(iso(localInstant("America/New_York", dayNumber("2026-11-01"), 0))).toBe(
      "2026-11-01T04:00:00.000Z",
    );
  });

  it("puts an instant on its local calendar day", () => {
    expect(isoDayOf(localDay("Europe/Paris", Date.parse("2027-03-27T23:30:00Z")))).toBe("2027-03-28");
    expect(isoDayOf(localDay("Europe/London", Date.parse("2027-03-27T23:30:00Z")))).toBe("2027-03-27");
    expect(isoDayOf(localDay("America/New_York", Date.parse("2027-03-01T03:00:00Z")))).toBe("2027-02-28");
  });

  it("agrees with Intl on every hour around the 2027 changes", () => {
    const zones = ["Europe/Paris", "Europe/London", "America/New_York", "Europe/Luxembourg"];
    for (const zone of zones) {
      const fmt = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      for (
        let ms = Date.parse("2027-03-10T00:00:00Z");
        ms < Date.parse("2027-04-02T00:00:00Z");
        ms += 1_800_000
      ) {
        expect(isoDayOf(localDay(zone, ms))).toBe(fmt.format(ms));
      }
    }
  });
});

describe("calendar days", () => {
  it("shifts by months, clamping to the month's length", () => {
    expect(isoDayOf(shiftMonths(dayNumber("2027-08-31"), -6, false))).toBe("2027-02-28");
    expect(isoDayOf(shiftMonths(dayNumber("2028-08-31"), -6, false))).toBe("2028-02-29");
  });

  it("finds the first day of the sixth month before an election month", () => {
    expect(isoDayOf(shiftMonths(dayNumber("2027-04-11"), -6, true))).toBe("2026-10-01");
    expect(isoDayOf(shiftMonths(dayNumber("2027-06-13"), -6, true))).toBe("2026-12-01");
  });
});

describe("parseInstant", () => {
  it("agrees with Date.parse on generated timestamps", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }),
        (d) => {
          const text = d.toISOString();
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads offsets and fractions like Date.parse", () => {
    for (const text of [
      "2027-03-01T10:00:00+02:00",
      "2027-03-01T10:00:00.5-05:30",
      "2027-03-01T10:00:00.123456Z",
    ]) {
      expect(parseInstant(text)).toBe(Date.parse(text));
    }
  });

  it("falls back to Date.parse on other shapes", () => {
    expect(parseInstant("2027-03-01")).toBe(Date.parse("2027-03-01"));
    expect(Number.isNaN(parseInstant("2027-13-01T10:00:00Z"))).toBe(true);
  });
});

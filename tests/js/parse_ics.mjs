// Reads .ics files with ical.js, the engine inside Thunderbird, and prints what a client would see
// as JSON: one entry per file, with each event's start and end as UTC instants.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function instant(time) {
  if (time.isDate) {
    return { date: time.toString() };
  }
  return { utc: time.toJSDate().toISOString() };
}

const result = {};
for (const path of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  result[path] = {
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    timezones: calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid")),
    events: calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        location: event.location,
        status: component.getFirstPropertyValue("status"),
        sequence: event.sequence,
        start: instant(event.startDate),
        end: instant(event.endDate),
        startZone: event.startDate.zone ? event.startDate.zone.tzid : null,
        categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
      };
    }),
  };
}
process.stdout.write(JSON.stringify(result, null, 1));

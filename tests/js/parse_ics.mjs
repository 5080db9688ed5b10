// Reads .ics files with ical.js, the engine inside Thunderbird, and prints what a client would see
// as JSON: one entry per file, with each event's start and end as UTC instants.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

// NAME (RFC 7986) and Apple's X-WR-CALNAME and X-WR-CALDESC hold TEXT, as apps read them. ical.js 2
// does not know these names and would hand over their escaped form, so they are declared as TEXT here.
for (const name of ["name", "x-wr-calname", "x-wr-caldesc"]) {
  ICAL.design.icalendar.property[name] = { defaultType: "text" };
}

function utc(time) {
  return time ? time.toJSDate().toISOString() : null;
}

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
    properties: calendar.getAllProperties().map((property) => property.name.toUpperCase()),
    text: Object.fromEntries(
      ["name", "x-wr-calname", "x-wr-caldesc", "description"]
        .filter((name) => calendar.hasProperty(name))
        .map((name) => [name.toUpperCase(), calendar.getFirstPropertyValue(name)]),
    ),
    timezones: calendar.getAllSubcomponents("vtimezone").map((zone) => zone.getFirstPropertyValue("tzid")),
    events: calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        summaryLanguage: component.hasProperty("summary")
          ? component.getFirstProperty("summary").getParameter("language")
          : null,
        description: event.description,
        location: event.location,
        status: component.getFirstPropertyValue("status"),
        sequence: event.sequence,
        start: instant(event.startDate),
        end: instant(event.endDate),
        startZone: event.startDate.zone ? event.startDate.zone.tzid : null,
        categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
        organizer: component.getFirstPropertyValue("organizer"),
        organizerName: component.hasProperty("organizer")
          ? component.getFirstProperty("organizer").getParameter("cn")
          : null,
        created: utc(component.getFirstPropertyValue("created")),
        lastModified: utc(component.getFirstPropertyValue("last-modified")),
        dtstamp: utc(component.getFirstPropertyValue("dtstamp")),
      };
    }),
  };
}
process.stdout.write(JSON.stringify(result, null, 1));

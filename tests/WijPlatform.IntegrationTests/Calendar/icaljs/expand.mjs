// Reads an iCalendar feed on stdin and prints, as JSON, every occurrence between two instants
// (argv: from, to in ISO 8601) as ical.js understands them: UTC start and end, the wall-clock
// time in the event's own time zone, and the summary, location and status of each.
import ICAL from 'ical.js';

const [from, to] = process.argv.slice(2).map(s => ICAL.Time.fromJSDate(new Date(s), true));
const text = await new Promise(resolve => { let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => resolve(s)); });
const calendar = new ICAL.Component(ICAL.parse(text));
const zones = calendar.getAllSubcomponents('vtimezone').map(z => { ICAL.TimezoneService.register(z); return z.getFirstPropertyValue('tzid'); });

const events = calendar.getAllSubcomponents('vevent').map(v => new ICAL.Event(v));
const masters = new Map();
for (const event of events.filter(e => !e.isRecurrenceException())) masters.set(event.uid, event);
for (const exception of events.filter(e => e.isRecurrenceException())) masters.get(exception.uid)?.relateException(exception);

const occurrences = [];
for (const event of masters.values()) {
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.compare(to) < 0; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    if (details.endDate.compare(from) <= 0) continue;
    occurrences.push({
      uid: event.uid,
      summary: details.item.summary,
      location: details.item.location,
      status: details.item.component.getFirstPropertyValue('status'),
      categories: details.item.component.getFirstPropertyValue('categories'),
      start: details.startDate.toJSDate().toISOString(),
      end: details.endDate.toJSDate().toISOString(),
      localTime: `${String(details.startDate.hour).padStart(2, '0')}:${String(details.startDate.minute).padStart(2, '0')}`,
      timezone: details.startDate.zone?.tzid ?? null,
    });
  }
}
occurrences.sort((a, b) => a.start.localeCompare(b.start));
process.stdout.write(JSON.stringify({ zones, occurrences }));

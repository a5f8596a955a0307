// Package ical writes a participant's event agenda as an iCalendar (RFC
// 5545) file with github.com/arran4/golang-ical, in the form Google
// Calendar, Outlook and Apple Calendar import: a VTIMEZONE for
// Asia/Ho_Chi_Minh and local times that name it.
package ical

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/value"
)

// TZID is the zone every time is written in.
const TZID = "Asia/Ho_Chi_Minh"

const localFormat = "20060102T150405"

// Agenda renders agenda as a calendar: the event itself, then one entry
// per meeting. english picks the language of the texts; now stamps them.
func Agenda(a events.Agenda, english bool, now time.Time) string {
	pick := func(vi, en string) string {
		if english {
			return en
		}
		return vi
	}
	cal := ics.NewCalendar()
	cal.SetMethod(ics.MethodPublish)
	cal.SetProductId("-//Innoport//Hai Phong innovation ecosystem//VI")
	cal.SetName(a.Event.Title)
	cal.SetXWRCalName(a.Event.Title)
	cal.SetXWRTimezone(TZID)
	// Viet Nam keeps +07:00 all year.
	tz := cal.AddTimezone(TZID)
	std := tz.AddStandard()
	std.AddProperty(ics.ComponentPropertyDtStart, "19700101T000000")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0700")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0700")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "ICT")

	ev := cal.AddEvent(a.Event.ID + "@innoport")
	stamp(ev, now, a.Event.Start, a.Event.End)
	ev.SetSummary(a.Event.Title)
	ev.SetLocation(a.Event.Venue)
	if a.Event.Description != "" {
		ev.SetDescription(a.Event.Description)
	}
	for _, it := range a.Items {
		m := cal.AddEvent(a.Event.ID + "-" + it.Meeting.ID + "@innoport")
		stamp(m, now, it.Slot.Start, it.Slot.End)
		who := it.With.Name
		if it.With.Organisation != "" {
			who += " (" + it.With.Organisation + ")"
		}
		m.SetSummary(fmt.Sprintf(pick("Gặp 1:1 với %s", "1:1 meeting with %s"), who))
		m.SetLocation(fmt.Sprintf("%s — %s %s", a.Event.Venue, pick("bàn", "table"), it.Meeting.Table))
		var desc []string
		if it.With.Offers != "" {
			desc = append(desc, pick("Thế mạnh: ", "Offers: ")+it.With.Offers)
		}
		if it.With.Seeks != "" {
			desc = append(desc, pick("Đang tìm: ", "Looking for: ")+it.With.Seeks)
		}
		if len(desc) > 0 {
			m.SetDescription(strings.Join(desc, "\n"))
		}
		if a.Status != events.Final {
			m.SetStatus(ics.ObjectStatusTentative)
		} else {
			m.SetStatus(ics.ObjectStatusConfirmed)
		}
	}
	return cal.Serialize(ics.WithNewLineWindows) // RFC 5545 lines end in CRLF
}

// stamp sets an entry's times in Asia/Ho_Chi_Minh.
func stamp(e *ics.VEvent, now, start, end time.Time) {
	e.SetDtStampTime(now)
	e.SetProperty(ics.ComponentPropertyDtStart, start.In(value.Zone).Format(localFormat), ics.WithTZID(TZID))
	e.SetProperty(ics.ComponentPropertyDtEnd, end.In(value.Zone).Format(localFormat), ics.WithTZID(TZID))
}

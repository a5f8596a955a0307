package ical_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/ical"
)

func TestAgendaParsesBackInHoChiMinhTime(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 12, 5, h, m, 0, 0, value.Zone) }
	a := events.Agenda{
		Event:  events.Event{Meta: record.Meta{ID: "ev1"}, Title: "Cà phê khởi nghiệp", Venue: "Trường ĐH Hàng hải", Start: at(8, 30), End: at(11, 30)},
		Status: events.Final,
		Items: []events.AgendaItem{{
			Meeting: events.Meeting{ID: "m1", Table: "B2"},
			Slot:    events.Slot{Start: at(9, 0), End: at(9, 15)},
			With:    events.Participant{Name: "Nguyễn Văn An", Organisation: "Quỹ Đầu tư Hải Phòng", Seeks: "logistics cảng"},
		}},
	}
	out := ical.Agenda(a, false, at(7, 0))
	require.Contains(t, out, "DTSTART;TZID=Asia/Ho_Chi_Minh:20261205T090000")
	require.Contains(t, out, "BEGIN:VTIMEZONE\r\n")
	require.NotContains(t, strings.ReplaceAll(out, "\r\n", ""), "\n", "every line ends in CRLF")

	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	evs := cal.Events()
	require.Len(t, evs, 2)
	meeting := evs[1]
	start, err := meeting.GetStartAt()
	require.NoError(t, err)
	end, err := meeting.GetEndAt()
	require.NoError(t, err)
	require.True(t, start.Equal(at(9, 0)), "start %s", start)
	require.True(t, end.Equal(at(9, 15)), "end %s", end)
	require.Equal(t, "02:00", start.UTC().Format("15:04"), "09:00 in Hai Phong is 02:00 UTC")
	require.Equal(t, "Gặp 1:1 với Nguyễn Văn An (Quỹ Đầu tư Hải Phòng)", meeting.GetProperty(ics.ComponentPropertySummary).Value)
	require.Equal(t, "CONFIRMED", meeting.GetProperty(ics.ComponentPropertyStatus).Value)
	require.Equal(t, "ev1-m1@innoport", meeting.Id())

	english := ical.Agenda(a, true, at(7, 0))
	cal, err = ics.ParseCalendar(strings.NewReader(english))
	require.NoError(t, err)
	require.Equal(t, "1:1 meeting with Nguyễn Văn An (Quỹ Đầu tư Hải Phòng)", cal.Events()[1].GetProperty(ics.ComponentPropertySummary).Value)
}

package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// startupCafe seeds a Startup Café of the maritime university's centre two
// weeks after now, open for registration, with the demo investors and the
// founders of the first eight startups registered, so recommendations,
// requests and scheduling can be tried at once. Founders sign in as
// "demo-founder-<n>" for startup n, investors as "demo-investor-<n>".
func startupCafe(ctx context.Context, s Stores, now time.Time, incubatorID string, startupIDs, investorIDs []string) error {
	day := value.DateOf(now.AddDate(0, 0, 14)).Start()
	at := func(h, m int) time.Time {
		return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute).UTC()
	}
	e, err := events.Check(events.Event{Meta: record.New(now), IncubatorID: incubatorID, Kind: events.StartupCafe,
		Title:       "Cà phê khởi nghiệp: Logistics xanh và cảng thông minh",
		Description: "Gặp gỡ nhà sáng lập, nhà đầu tư, chuyên gia và sinh viên; các cuộc gặp 1:1 từ 9:00 đến 10:30.",
		Venue:       "Trường Đại học Hàng hải Việt Nam, 484 Lạch Tray", Start: at(8, 0), End: at(11, 30),
		Capacity: 60, WaitlistCapacity: 20, RegistrationOpens: now.Add(-time.Hour), RegCloses: at(7, 0),
		Types: []events.ParticipantType{{Key: "founder", Roles: []identity.Role{identity.RoleStartupMember}},
			{Key: "investor", Roles: []identity.Role{identity.RoleInvestor}}, {Key: "expert", NeedsApproval: true},
			{Key: "student"}, {Key: "official", NeedsApproval: true}},
		Sessions: []events.Session{{Start: at(9, 0), End: at(10, 30)}}, SlotMinutes: 15,
		Tables:      []events.Table{{Name: "Bàn 1", Capacity: 1}, {Name: "Bàn 2", Capacity: 1}, {Name: "Bàn 3", Capacity: 1}, {Name: "Sảnh", Capacity: 3}},
		MaxMeetings: 4, CanMeet: [][2]string{{"founder", "investor"}, {"founder", "expert"}, {"student", "expert"}, {"founder", "official"}},
		RequestMode: events.ApprovalMode, RequestTTL: 48 * time.Hour, ExcludeMetBefore: true, Status: events.Published})
	if err != nil {
		return fmt.Errorf("demo event: %w", err)
	}
	if err := s.Events.Create(ctx, e); err != nil {
		return fmt.Errorf("seed event: %w", err)
	}
	_, err = s.Boards.Update(ctx, e.ID, func(b *events.Board) error {
		for i, id := range investorIDs {
			inv := investors[i]
			sectors, _ := value.ParseSectors(inv.Sectors)
			b.Participants = append(b.Participants, events.Participant{ID: value.NewID(now), Subject: fmt.Sprint("demo-investor-", i),
				Type: "investor", Name: inv.Name, InvestorID: id, Sectors: sectors, Offers: inv.Description,
				Seeks: "Startup giai đoạn sớm có sản phẩm và khách hàng đầu tiên", Status: events.Confirmed, RegisteredAt: now})
		}
		for i, id := range startupIDs[:8] {
			st := startups[i]
			b.Participants = append(b.Participants, events.Participant{ID: value.NewID(now), Subject: fmt.Sprint("demo-founder-", i),
				Type: "founder", Name: st.nameEN, Organisation: st.name, StartupID: id, Sectors: st.sectors, Offers: st.description,
				Seeks: "Nhà đầu tư và khách hàng doanh nghiệp trong lĩnh vực của chúng tôi", Status: events.Confirmed, RegisteredAt: now})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed event registrations: %w", err)
	}
	return nil
}

// matchmakingToday seeds a matchmaking morning of Hai Phong University's
// incubator under way at now: it began an hour ago, its final agenda puts
// three investors with six founders, some meetings over (to be rated),
// some to come (for check-in at the door). Founders of startups 8–13 and
// the first three investors take part, as "demo-founder-<n>" and
// "demo-investor-<n>".
func matchmakingToday(ctx context.Context, s Stores, now time.Time, incubatorID string, startupIDs, investorIDs []string) error {
	start := now.Truncate(15 * time.Minute).Add(-time.Hour).UTC()
	// A millisecond after the café, so that IDs (time-ordered) list the café first.
	e, err := events.Check(events.Event{Meta: record.New(now.Add(time.Millisecond)), IncubatorID: incubatorID, Kind: events.Matchmaking,
		Title:       "Kết nối đầu tư: Chuyển đổi số doanh nghiệp (đang diễn ra)",
		Description: "Buổi kết nối 1:1 giữa nhà đầu tư và nhà sáng lập, đang diễn ra hôm nay: thử điểm danh và đánh giá cuộc gặp.",
		Venue:       "Trường Đại học Hải Phòng, 171 Phan Đăng Lưu", Start: start, End: start.Add(4 * time.Hour),
		Capacity: 30, RegistrationOpens: start.AddDate(0, 0, -14), RegCloses: start,
		Types: []events.ParticipantType{{Key: "founder", Roles: []identity.Role{identity.RoleStartupMember}},
			{Key: "investor", Roles: []identity.Role{identity.RoleInvestor}}},
		Sessions:    []events.Session{{Start: start.Add(15 * time.Minute), End: start.Add(3*time.Hour + 15*time.Minute)}},
		SlotMinutes: 20, Tables: []events.Table{{Name: "Bàn A", Capacity: 1}, {Name: "Bàn B", Capacity: 1}, {Name: "Bàn C", Capacity: 1}},
		MaxMeetings: 4, CanMeet: [][2]string{{"founder", "investor"}},
		RequestMode: events.ApprovalMode, RequestTTL: 24 * time.Hour, Status: events.Published})
	if err != nil {
		return fmt.Errorf("demo event under way: %w", err)
	}
	if err := s.Events.Create(ctx, e); err != nil {
		return fmt.Errorf("seed event: %w", err)
	}
	_, err = s.Boards.Update(ctx, e.ID, func(b *events.Board) error {
		var invIDs, founderIDs []string
		for i, id := range investorIDs[:3] {
			inv := investors[i]
			sectors, _ := value.ParseSectors(inv.Sectors)
			p := events.Participant{ID: value.NewID(now), Subject: fmt.Sprint("demo-investor-", i), Type: "investor", Name: inv.Name,
				InvestorID: id, Sectors: sectors, Offers: inv.Description, Status: events.Confirmed, RegisteredAt: start.AddDate(0, 0, -7)}
			b.Participants = append(b.Participants, p)
			invIDs = append(invIDs, p.ID)
		}
		for i, id := range startupIDs[8:14] {
			st := startups[8+i]
			p := events.Participant{ID: value.NewID(now), Subject: fmt.Sprint("demo-founder-", 8+i), Type: "founder", Name: st.nameEN,
				Organisation: st.name, StartupID: id, Sectors: st.sectors, Offers: st.description, Status: events.Confirmed,
				RegisteredAt: start.AddDate(0, 0, -7)}
			b.Participants = append(b.Participants, p)
			founderIDs = append(founderIDs, p.ID)
		}
		// Each investor at their own table meets a founder in slot 0 (over
		// by now), slot 2 (running: now is 45 to 60 minutes into the
		// session), and slots 5 and 7 (to come).
		for k, inv := range invIDs {
			for j, slot := range []int{0, 2, 5, 7} {
				b.Meetings = append(b.Meetings, events.Meeting{ID: value.NewID(now), A: founderIDs[(2*k+j)%len(founderIDs)], B: inv,
					Slot: slot, Table: e.Tables[k].Name, Source: events.Automatic, Outcome: events.Scheduled})
			}
		}
		b.Agenda = events.Final
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed event registrations: %w", err)
	}
	return nil
}

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

// Package demo seeds an empty store with a realistic Hai Phong innovation
// ecosystem: the three university incubators, startups across the city's
// priority sectors and wards, investors, mentors, and the city venture fund
// with one open and one closed call. Everything goes through the domain's
// constructors, so demo data obeys the same rules as real data.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Stores are where the demo data goes.
type Stores struct {
	Startups   firm.Store
	Incubators ecosystem.IncubatorStore
	Investors  ecosystem.Store[ecosystem.Investor]
	Mentors    ecosystem.Store[ecosystem.Mentor]
	Funds      funding.FundStore
	Calls      funding.CallStore
}

// Counts says how much was seeded.
type Counts struct {
	Incubators, Startups, Investors, Mentors, Funds, Calls int
}

// Seed writes the demo ecosystem, dated relative to now so that the open
// call is open and the closed call closed whenever the demo runs.
func Seed(ctx context.Context, s Stores, now time.Time) (Counts, error) {
	var c Counts
	incIDs := make([]string, len(incubators))
	for i, inc := range incubators {
		inc.Meta = record.New(now)
		incIDs[i] = inc.ID
		if err := s.Incubators.Create(ctx, inc); err != nil {
			return c, fmt.Errorf("seed incubator %q: %w", inc.Name, err)
		}
		c.Incubators++
	}
	today := value.DateOf(now)
	for i, st := range startups {
		// One millisecond apart, so IDs (time-ordered) list in data-file order.
		created := now.Add(time.Duration(i-len(startups)) * time.Millisecond)
		d := st.draft(i, now)
		if st.incubator >= 0 {
			d.IncubatorID = incIDs[st.incubator]
		}
		p, err := firm.NewProfile(d, today)
		if err != nil {
			return c, fmt.Errorf("demo startup %q: %w", st.name, err)
		}
		if err := s.Startups.Create(ctx, firm.Startup{Meta: record.New(created), Profile: p}); err != nil {
			return c, fmt.Errorf("seed startup %q: %w", st.name, err)
		}
		c.Startups++
	}
	for _, d := range investors {
		p, err := ecosystem.NewInvestorProfile(d)
		if err != nil {
			return c, fmt.Errorf("demo investor %q: %w", d.Name, err)
		}
		if err := s.Investors.Create(ctx, ecosystem.Investor{Meta: record.New(now), InvestorProfile: p}); err != nil {
			return c, fmt.Errorf("seed investor %q: %w", d.Name, err)
		}
		c.Investors++
	}
	for _, d := range mentors {
		p, err := ecosystem.NewMentorProfile(d)
		if err != nil {
			return c, fmt.Errorf("demo mentor %q: %w", d.Name, err)
		}
		if err := s.Mentors.Create(ctx, ecosystem.Mentor{Meta: record.New(now), MentorProfile: p}); err != nil {
			return c, fmt.Errorf("seed mentor %q: %w", d.Name, err)
		}
		c.Mentors++
	}
	fund := funding.Fund{Meta: record.New(now), Public: true,
		Name:        "Quỹ Đầu tư Mạo hiểm Thành phố Hải Phòng",
		NameEN:      "Hai Phong City Venture Capital Fund",
		Description: "Quỹ đầu tư mạo hiểm công của thành phố, đồng đầu tư vào doanh nghiệp khởi nghiệp sáng tạo thuộc các lĩnh vực ưu tiên."}
	if err := s.Funds.Create(ctx, fund); err != nil {
		return c, fmt.Errorf("seed fund: %w", err)
	}
	c.Funds++
	for _, call := range calls(fund.ID, now) {
		if err := s.Calls.Create(ctx, call); err != nil {
			return c, fmt.Errorf("seed call %q: %w", call.Title, err)
		}
		c.Calls++
	}
	return c, nil
}

// endOfDay is 23:59:59 of the date d days after now, in Asia/Ho_Chi_Minh.
func endOfDay(now time.Time, days int) time.Time {
	return value.DateOf(now.AddDate(0, 0, days+1)).Start().Add(-time.Second).UTC()
}

func calls(fundID string, now time.Time) []funding.Call {
	bn := value.VND(1_000_000_000)
	open := funding.Call{
		Meta: record.New(now), FundID: fundID, Status: funding.CallOpen,
		Title:       "Đợt kêu gọi 2026: Công nghệ biển, cảng biển và logistics",
		Description: "Đồng đầu tư vào giải pháp công nghệ cho cảng biển, logistics, kinh tế biển và chuyển đổi xanh của Hải Phòng.",
		OpensAt:     value.DateOf(now.AddDate(0, 0, -30)).Start().UTC(), ClosesAt: endOfDay(now, 45),
		Budget: 20 * bn, Ticket: value.Range{Min: bn / 2, Max: 5 * bn},
		Sectors: []value.Sector{value.SectorMarineTech, value.SectorPortLogistics, value.SectorGreenEnergy},
	}
	closed := funding.Call{
		Meta: record.New(now), FundID: fundID, Status: funding.CallClosed,
		Title:       "Đợt kêu gọi 2025: Bán dẫn và trí tuệ nhân tạo",
		Description: "Hỗ trợ doanh nghiệp thiết kế vi mạch, kiểm thử bán dẫn và ứng dụng AI trong sản xuất.",
		OpensAt:     value.DateOf(now.AddDate(0, 0, -240)).Start().UTC(), ClosesAt: endOfDay(now, -150),
		Budget: 15 * bn, Ticket: value.Range{Min: bn, Max: 3 * bn},
		Sectors: []value.Sector{value.SectorSemiconductors, value.SectorAI, value.SectorAdvancedManufacturing},
	}
	return []funding.Call{open, closed}
}

// TaxCode returns the n-th valid tax code with the given two-digit province
// prefix ("02" Hai Phong, "08" the former Hai Duong), skipping sequences for
// which no check digit exists.
func TaxCode(province string, n int) string {
	for seq := 100000 + n*7; ; seq++ {
		nine := fmt.Sprintf("%s%07d", province, seq)
		if d, ok := value.TaxCheckDigit(nine); ok {
			return fmt.Sprintf("%s%d", nine, d)
		}
	}
}

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
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// Stores are where the demo data goes.
type Stores struct {
	Startups     firm.Store
	Incubators   ecosystem.IncubatorStore
	Investors    ecosystem.Store[ecosystem.Investor]
	Mentors      ecosystem.Store[ecosystem.Mentor]
	Funds        funding.FundStore
	Calls        funding.CallStore
	Reviewers    funding.ReviewerStore
	CriteriaSets screening.SetStore
	Programs     sandbox.ProgramStore
	// SandboxApplications gets the applications in the regulator's queue.
	SandboxApplications sandbox.ApplicationStore
	Events              events.EventStore
	Boards              events.BoardStore
	// Technology transfer's.
	ResearchOrgs transfer.Store[transfer.Org, transfer.OrgFilter]
	TechOffers   transfer.Store[transfer.Offer, transfer.OfferFilter]
	TechRequests transfer.Store[transfer.Request, transfer.RequestFilter]
	// Benefits gets the incentives the demo's firms claimed.
	Benefits incentive.BenefitStore
	// Conversations and DetailReads get the demo's deals in progress.
	Conversations transfer.Store[transfer.Conversation, transfer.ConversationFilter]
	DetailReads   transfer.ReadLog
}

// Counts says how much was seeded.
type Counts struct {
	Incubators, Startups, Investors, Mentors, Funds, Calls, Reviewers, CriteriaSets, Programs, Events int
	ResearchOrgs, TechOffers, TechRequests                                                            int
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
	startupIDs := make([]string, len(startups))
	for i, st := range startups {
		// One millisecond apart, so IDs (time-ordered) list in data-file order.
		created := now.Add(time.Duration(i-len(startups)) * time.Millisecond)
		d := st.draft(i, now)
		if ev, ok := evidence[i]; ok {
			d.Evidence = ev(now)
		}
		if st.incubator >= 0 {
			d.IncubatorID = incIDs[st.incubator]
		}
		p, err := firm.NewProfile(d, today)
		if err != nil {
			return c, fmt.Errorf("demo startup %q: %w", st.name, err)
		}
		fs := firm.Startup{Meta: record.New(created), Profile: p}
		if err := s.Startups.Create(ctx, fs); err != nil {
			return c, fmt.Errorf("seed startup %q: %w", st.name, err)
		}
		startupIDs[i] = fs.ID
		c.Startups++
	}
	pick := func(idx []int) []string {
		ids := make([]string, len(idx))
		for i, x := range idx {
			ids[i] = startupIDs[x]
		}
		return ids
	}
	investorIDs := make([]string, len(investors))
	for i, d := range investors {
		d.Portfolio = pick(portfolios[i])
		p, err := ecosystem.NewInvestorProfile(d)
		if err != nil {
			return c, fmt.Errorf("demo investor %q: %w", d.Name, err)
		}
		inv := ecosystem.Investor{Meta: record.New(now), InvestorProfile: p}
		if err := s.Investors.Create(ctx, inv); err != nil {
			return c, fmt.Errorf("seed investor %q: %w", d.Name, err)
		}
		investorIDs[i] = inv.ID
		c.Investors++
	}
	mentorIDs := make([]string, len(mentors))
	for i, d := range mentors {
		d.Mentees = pick(mentees[i])
		p, err := ecosystem.NewMentorProfile(d)
		if err != nil {
			return c, fmt.Errorf("demo mentor %q: %w", d.Name, err)
		}
		m := ecosystem.Mentor{Meta: record.New(now), MentorProfile: p}
		if err := s.Mentors.Create(ctx, m); err != nil {
			return c, fmt.Errorf("seed mentor %q: %w", d.Name, err)
		}
		mentorIDs[i] = m.ID
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
	demoCalls, err := calls(fund.ID, now)
	if err != nil {
		return c, err
	}
	for _, call := range demoCalls {
		if err := s.Calls.Create(ctx, call); err != nil {
			return c, fmt.Errorf("seed call %q: %w", call.Title, err)
		}
		c.Calls++
	}
	for _, rv := range reviewers {
		prof := funding.ReviewerProfile{Subject: rv.subject, Name: rv.name}
		if rv.incubator >= 0 {
			prof.IncubatorID = incIDs[rv.incubator]
		}
		if rv.investor >= 0 {
			prof.InvestorID = investorIDs[rv.investor]
		}
		if rv.mentor >= 0 {
			prof.MentorID = mentorIDs[rv.mentor]
		}
		if err := s.Reviewers.Create(ctx, funding.Reviewer{Meta: record.New(now), ReviewerProfile: prof}); err != nil {
			return c, fmt.Errorf("seed reviewer %q: %w", rv.name, err)
		}
		c.Reviewers++
	}
	for _, spec := range []screening.SetSpec{screening.InnovativeStartupSME(), screening.STEnterprise()} {
		spec, err := screening.NewSetSpec(spec)
		if err != nil {
			return c, fmt.Errorf("criteria set %s: %w", spec.Key, err)
		}
		set := screening.CriteriaSet{Meta: record.New(now), SetSpec: spec, SetVersion: 1, Status: screening.SetActive}
		if err := s.CriteriaSets.Create(ctx, set); err != nil {
			return c, fmt.Errorf("seed criteria set %s: %w", spec.Key, err)
		}
		c.CriteriaSets++
	}
	prog, err := sandbox.CheckProgram(sandbox.Program{Meta: record.New(now),
		Name: "Cơ chế thử nghiệm có kiểm soát công nghệ mới của Hải Phòng", NameEN: "Hai Phong new-technology sandbox",
		Sectors:        []value.Sector{value.SectorFintech, value.SectorPortLogistics, value.SectorSmartCity, value.SectorHealthtech},
		Limits:         sandbox.Limits{DurationDays: 730, MaxCustomers: 5000, CapPerCustomer: 100_000_000, TotalCap: 50_000_000_000},
		AckWorkingDays: 5, AssessmentDays: 90, StartWithinDays: 90, ReportPeriodDays: 30,
		Calendar: sandbox.Calendar{Holidays: VietnamHolidays()}})
	if err != nil {
		return c, fmt.Errorf("demo sandbox program: %w", err)
	}
	if err := s.Programs.Create(ctx, prog); err != nil {
		return c, fmt.Errorf("seed sandbox program: %w", err)
	}
	c.Programs++
	if err := sandboxQueue(ctx, s, now, prog, startupIDs); err != nil {
		return c, err
	}
	if err := startupCafe(ctx, s, now, incIDs[0], startupIDs, investorIDs); err != nil {
		return c, err
	}
	if err := matchmakingToday(ctx, s, now, incIDs[1], startupIDs, investorIDs); err != nil {
		return c, err
	}
	c.Events += 2
	if err := seedClaims(ctx, s, now, incIDs, startupIDs); err != nil {
		return c, err
	}
	c.ResearchOrgs, c.TechOffers, c.TechRequests, err = seedTransfer(ctx, s, now, startupIDs)
	return c, err
}

// seedClaims records the incentives three demo firms claimed: the S&T
// enterprise's tax exemption received, an innovative startup's consulting
// support received, and infrastructure support applied for.
func seedClaims(ctx context.Context, s Stores, now time.Time, incIDs, startupIDs []string) error {
	for _, c := range []struct {
		startup int
		key     string
		status  incentive.ClaimStatus
		applied int // months ago
		decided int // months ago; -1 while undecided
		amount  value.VND
	}{
		{13, "st_enterprise_cit", incentive.Received, 5, 3, 180_000_000},
		{0, "innovative_sme_consulting", incentive.Received, 7, 6, 60_000_000},
		{5, "innovative_sme_infrastructure", incentive.Applied, 1, -1, 0},
	} {
		d := incentive.BenefitDraft{StartupID: startupIDs[c.startup], IncentiveKey: c.key, Status: c.status,
			AppliedOn: ago(now, 0, c.applied, 0), Amount: c.amount}
		if c.decided >= 0 {
			d.DecidedOn = ago(now, 0, c.decided, 0)
		}
		st := startups[c.startup]
		b := incentive.BenefitRecord{Meta: record.New(now), BenefitDraft: d, RecordedBy: "admin-1"}
		if st.incubator >= 0 {
			b.IncubatorID = incIDs[st.incubator]
		}
		if err := s.Benefits.Create(ctx, b); err != nil {
			return fmt.Errorf("seed claim of %s: %w", c.key, err)
		}
	}
	return nil
}

// endOfDay is 23:59:59 of the date d days after now, in Asia/Ho_Chi_Minh.
func endOfDay(now time.Time, days int) time.Time {
	return value.DateOf(now.AddDate(0, 0, days+1)).Start().Add(-time.Second).UTC()
}

func calls(fundID string, now time.Time) ([]funding.Call, error) {
	bn := int64(1_000_000_000)
	form := []funding.Question{
		{Key: "solution", LabelVI: "Mô tả giải pháp và điểm đổi mới", LabelEN: "The solution and what is new about it",
			Kind: funding.QuestionText, Required: true, MinLength: 50, MaxLength: 3000},
		{Key: "pilot_customers", LabelVI: "Số khách hàng thí điểm", LabelEN: "Pilot customers",
			Kind: funding.QuestionNumber, Required: true, Min: ptr(0.0)},
		{Key: "readiness", LabelVI: "Mức độ sẵn sàng của sản phẩm", LabelEN: "Product readiness",
			Kind: funding.QuestionSingle, Required: true, Options: []string{"Ý tưởng", "Mẫu thử", "Thí điểm", "Thương mại"}},
		{Key: "business_plan", LabelVI: "Kế hoạch kinh doanh (tài liệu)", LabelEN: "Business plan (document)",
			Kind: funding.QuestionDocument},
	}
	rules := []funding.Rule{
		{Key: "young_firm", DescriptionVI: "Thành lập không quá 5 năm", DescriptionEN: "Founded at most 5 years ago",
			Expression: "startup.foundedOn >= today.addYears(-5)"},
		{Key: "priority_sector", DescriptionVI: "Hoạt động trong lĩnh vực ưu tiên của đợt kêu gọi",
			DescriptionEN: "Works in one of the call's priority sectors",
			Expression:    "call.sectors.size() == 0 || startup.sectors.exists(s, s in call.sectors)"},
		{Key: "in_area", DescriptionVI: "Có trụ sở tại địa bàn của đợt kêu gọi", DescriptionEN: "Based in the call's area",
			Expression: "call.wards.size() == 0 || startup.ward in call.wards"},
	}
	rubric := funding.Rubric{OverallThreshold: 12, Criteria: []funding.Criterion{
		{Key: "innovation", NameVI: "Tính đổi mới sáng tạo", NameEN: "Innovation", Weight: 1.5, Max: 5, HalfPoints: true, Threshold: 3},
		{Key: "team", NameVI: "Năng lực đội ngũ", NameEN: "Team", Weight: 1, Max: 5, HalfPoints: true, Threshold: 3},
		{Key: "market", NameVI: "Thị trường và mô hình kinh doanh", NameEN: "Market and business model", Weight: 1, Max: 5, HalfPoints: true, Threshold: 2.5},
		{Key: "impact", NameVI: "Tác động kinh tế – xã hội cho Hải Phòng", NameEN: "Impact for Hai Phong", Weight: 1.5, Max: 5, HalfPoints: true, Threshold: 3},
	}}
	specs := []struct {
		status funding.CallStatus
		in     funding.CallInput
	}{
		{funding.CallOpen, funding.CallInput{
			Title:       "Đợt kêu gọi 2026: Công nghệ biển, cảng biển và logistics",
			Description: "Đồng đầu tư vào giải pháp công nghệ cho cảng biển, logistics, kinh tế biển và chuyển đổi xanh của Hải Phòng.",
			OpensAt:     value.DateOf(now.AddDate(0, 0, -30)).Start().UTC(), ClosesAt: endOfDay(now, 45),
			Budget: 20 * bn, TicketMin: bn / 2, TicketMax: 5 * bn,
			Sectors:   []string{"MARINE_SCIENCE_TECH", "PORT_LOGISTICS", "GREEN_INDUSTRY_ENERGY"},
			Questions: form, Rules: rules, Rubric: rubric,
		}},
		{funding.CallClosed, funding.CallInput{
			Title:       "Đợt kêu gọi 2025: Bán dẫn và trí tuệ nhân tạo",
			Description: "Hỗ trợ doanh nghiệp thiết kế vi mạch, kiểm thử bán dẫn và ứng dụng AI trong sản xuất.",
			OpensAt:     value.DateOf(now.AddDate(0, 0, -240)).Start().UTC(), ClosesAt: endOfDay(now, -150),
			Budget: 15 * bn, TicketMin: bn, TicketMax: 3 * bn,
			Sectors:   []string{"SEMICONDUCTORS", "ARTIFICIAL_INTELLIGENCE", "ADVANCED_MANUFACTURING"},
			Questions: form[:2], Rules: rules[:2], Rubric: rubric,
		}},
	}
	var out []funding.Call
	for _, sp := range specs {
		spec, err := funding.NewCallSpec(sp.in)
		if err != nil {
			return nil, fmt.Errorf("demo call %q: %w", sp.in.Title, err)
		}
		out = append(out, funding.Call{Meta: record.New(now), FundID: fundID, Status: sp.status, CallSpec: spec})
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }

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

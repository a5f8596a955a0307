package stats

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
)

// firms counts the firms founded by the end of the period.
func (c *computation) firms(ctx context.Context) ([]Series, error) {
	incs, err := c.src.Incubators(ctx)
	if err != nil {
		return nil, err
	}
	incName := map[string][2]string{}
	for _, i := range incs {
		incName[i.ID] = [2]string{i.Name, cmp.Or(i.NameEN, i.Name)}
	}
	total, sector, ward, stage, inc, year, quarter := newTally(), newTally(), newTally(), newTally(), newTally(), newTally(), newTally()
	for _, q := range c.quarters() {
		y, n := q[:4], q[6:]
		quarter.add(q, "Quý "+n+"/"+y, "Q"+n+" "+y, 0)
	}
	err = c.src.Firms(ctx, func(f firm.Startup) error {
		if f.FoundedOn.After(c.to) {
			return nil
		}
		total.add("all", "Tất cả", "All", 1)
		for _, s := range f.Sectors {
			sector.add(string(s), s.Label(false), s.Label(true), 1)
		}
		ward.add(f.Ward.String(), f.Ward.String(), f.Ward.String(), 1)
		stage.add(string(f.Stage), f.Stage.Label(false), f.Stage.Label(true), 1)
		if f.IncubatorID == "" {
			inc.add("none", "Không được ươm tạo", "Not incubated", 1)
		} else {
			n := incName[f.IncubatorID]
			inc.add(f.IncubatorID, n[0], n[1], 1)
		}
		y := strconv.Itoa(f.FoundedOn.Year)
		year.add(y, y, y, 1)
		if c.withinDate(f.FoundedOn) {
			k, vi, en := quarterOf(f.FoundedOn)
			quarter.add(k, vi, en, 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	years := slices.Sorted(maps.Keys(year.n))
	founded := "Doanh nghiệp trên Innoport thành lập đến hết kỳ (ngày thành lập ≤ ngày cuối kỳ)"
	foundedEN := "Firms on Innoport founded by the end of the period (founding date ≤ its last day)"
	return []Series{
		{Key: "firms_total", TitleVI: "Doanh nghiệp khởi nghiệp", TitleEN: "Startups", Unit: Firms, Chart: Bars,
			HowVI: founded + ".", HowEN: foundedEN + ".", Points: total.points("all")},
		{Key: "firms_by_sector", TitleVI: "Doanh nghiệp theo lĩnh vực", TitleEN: "Firms by sector", Unit: Firms, Chart: Bars,
			HowVI: founded + ", theo từng lĩnh vực doanh nghiệp khai báo; một doanh nghiệp nhiều lĩnh vực được đếm ở mỗi lĩnh vực.",
			HowEN: foundedEN + ", per sector the firm declares; a firm in several sectors counts in each.", Points: sector.points()},
		{Key: "firms_by_ward", TitleVI: "Doanh nghiệp theo phường, xã", TitleEN: "Firms by ward", Unit: Firms, Chart: Bars,
			HowVI: founded + ", theo phường, xã đặt trụ sở.", HowEN: foundedEN + ", by the ward of their seat.", Points: ward.points()},
		{Key: "firms_by_stage", TitleVI: "Doanh nghiệp theo giai đoạn", TitleEN: "Firms by stage", Unit: Firms, Chart: Bars,
			HowVI: founded + ", theo giai đoạn hiện tại.", HowEN: foundedEN + ", by their current stage.", Points: stage.points()},
		{Key: "firms_by_incubator", TitleVI: "Doanh nghiệp theo cơ sở ươm tạo", TitleEN: "Firms by incubator", Unit: Firms, Chart: Bars,
			HowVI: founded + ", theo cơ sở ươm tạo hiện tại.", HowEN: foundedEN + ", by their current incubator.", Points: inc.points()},
		{Key: "firms_by_founding_year", TitleVI: "Doanh nghiệp theo năm thành lập", TitleEN: "Firms by founding year", Unit: Firms, Chart: Trend,
			HowVI: founded + ", theo năm thành lập.", HowEN: foundedEN + ", by founding year.", Points: year.points(years...)},
		{Key: "new_firms_per_quarter", TitleVI: "Doanh nghiệp mới theo quý", TitleEN: "New firms per quarter", Unit: Firms, Chart: Trend,
			HowVI: "Doanh nghiệp trên Innoport có ngày thành lập trong kỳ, theo quý thành lập.",
			HowEN: "Firms on Innoport founded within the period, by quarter of founding.", Points: quarter.points(c.quarters()...)},
	}, nil
}

var screeningStatuses = []screening.Status{screening.Eligible, screening.NeedsEvidence, screening.NotEligible}

var screeningLabels = map[screening.Status][2]string{
	screening.Eligible: {"Đủ điều kiện", "Eligible"}, screening.NeedsEvidence: {"Cần bổ sung minh chứng", "Needs evidence"},
	screening.NotEligible: {"Chưa đủ điều kiện", "Not eligible"},
}

// screening counts the firms in each status under each active criteria set,
// as of the latest screening.
func (c *computation) screening(ctx context.Context) ([]Series, error) {
	sets, err := c.src.CriteriaSets(ctx)
	if err != nil {
		return nil, err
	}
	tallies := map[string]*tally{}
	for _, s := range sets {
		t := newTally()
		for _, st := range screeningStatuses {
			t.add(string(st), screeningLabels[st][0], screeningLabels[st][1], 0)
		}
		tallies[s.Key] = t
	}
	for _, s := range sets {
		for _, st := range screeningStatuses {
			n, err := c.src.CountResults(ctx, s.Key, st)
			if err != nil {
				return nil, err
			}
			tallies[s.Key].add(string(st), "", "", int64(n))
		}
	}
	out := make([]Series, 0, len(sets))
	for _, s := range sets {
		out = append(out, Series{Key: "screening_" + s.Key, TitleVI: "Sàng lọc: " + s.TitleVI, TitleEN: "Screening: " + s.TitleEN,
			Unit: Firms, Chart: Bars,
			HowVI:  fmt.Sprintf("Số doanh nghiệp theo kết quả sàng lọc mới nhất với bộ tiêu chí “%s” đang áp dụng (%s); không theo kỳ.", s.TitleVI, s.LegalBasis),
			HowEN:  fmt.Sprintf("Firms by their latest screening under the active “%s” criteria (%s); not per period.", s.TitleEN, s.LegalBasis),
			Points: tallies[s.Key].points(names(screeningStatuses)...)})
	}
	return out, nil
}

// incentives counts the firms qualifying for each incentive now, and the
// claims received in the period with their value.
func (c *computation) incentives(ctx context.Context) ([]Series, error) {
	all, err := c.src.Incentives(ctx)
	if err != nil {
		return nil, err
	}
	qualified, received, amount := newTally(), newTally(), newTally()
	var active []string
	for _, i := range all {
		if i.Status == incentive.Active && !slices.Contains(active, i.Key) {
			active = append(active, i.Key)
			qualified.add(i.Key, i.TitleVI, i.TitleEN, 0)
		}
		received.add(i.Key, i.TitleVI, i.TitleEN, 0)
		amount.add(i.Key, i.TitleVI, i.TitleEN, 0)
	}
	for _, k := range active {
		n, err := c.src.CountQualifying(ctx, k)
		if err != nil {
			return nil, err
		}
		qualified.add(k, "", "", int64(n))
	}
	err = c.src.Claims(ctx, func(b incentive.BenefitRecord) error {
		if b.Status != incentive.Received || !c.withinDate(b.DecidedOn) {
			return nil
		}
		amount.add(b.IncentiveKey, b.IncentiveKey, b.IncentiveKey, int64(b.Amount))
		amount.from(b.IncentiveKey, b.StartupID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, firms := range amount.firms {
		received.add(k, k, k, int64(len(firms)))
	}
	return []Series{
		{Key: "incentives_qualified", TitleVI: "Doanh nghiệp đủ điều kiện hưởng ưu đãi", TitleEN: "Firms qualifying for incentives",
			Unit: Firms, Chart: Bars,
			HowVI:  "Số doanh nghiệp có kết quả “đủ điều kiện” với từng ưu đãi đang áp dụng, theo lần xét mới nhất (hằng đêm và khi dữ liệu thay đổi); không theo kỳ.",
			HowEN:  "Firms whose latest standing (nightly, and on every change) on each active incentive is QUALIFIES; not per period.",
			Points: qualified.points(active...)},
		{Key: "incentives_received", TitleVI: "Doanh nghiệp đã nhận ưu đãi", TitleEN: "Firms that received incentives",
			Unit: Firms, Chart: Bars,
			HowVI:  "Số doanh nghiệp có hồ sơ hưởng ưu đãi “đã nhận” với ngày quyết định trong kỳ, theo ưu đãi (do quản trị viên, cơ sở ươm tạo ghi nhận).",
			HowEN:  "Firms with a claim recorded as received, decided within the period, per incentive (recorded by admins and incubators).",
			Points: nonzero(received.points())},
		{Key: "incentives_received_vnd", TitleVI: "Giá trị ưu đãi đã nhận", TitleEN: "Value of incentives received",
			Unit: VND, Chart: Bars,
			HowVI:  "Tổng số tiền (hoặc giá trị ước tính với ưu đãi thuế, đất) của các hồ sơ “đã nhận” có ngày quyết định trong kỳ, theo ưu đãi.",
			HowEN:  "The sum of amounts (or estimated values, for tax and land) of claims received within the period, per incentive.",
			Points: nonzero(amount.points())},
	}, nil
}

// funding follows the period's calls from opening to award.
func (c *computation) funding(ctx context.Context) ([]Series, error) {
	funnel, money := newTally(), newTally()
	funnel.add("calls", "Đợt gọi vốn mở", "Calls opened", 0)
	funnel.add("submitted", "Hồ sơ đã nộp", "Applications submitted", 0)
	funnel.add("shortlisted", "Hồ sơ vào danh sách ngắn", "Applications shortlisted", 0)
	funnel.add("awarded", "Hồ sơ được tài trợ", "Applications awarded", 0)
	money.add("budget", "Ngân sách các đợt mở trong kỳ", "Budget of the calls opened", 0)
	money.add("awarded", "Số tiền tài trợ", "Amount awarded", 0)
	err := c.src.Calls(ctx, func(call funding.Call) error {
		if c.within(call.OpensAt) {
			funnel.add("calls", "", "", 1)
			money.add("budget", "", "", int64(call.Budget))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = c.src.Applications(ctx, func(a funding.Application) error {
		if c.within(a.SubmittedAt) {
			funnel.add("submitted", "", "", 1)
		}
		for _, t := range a.History {
			if !c.within(t.At) {
				continue
			}
			switch t.To {
			case funding.AppShortlisted:
				funnel.add("shortlisted", "", "", 1)
			case funding.AppAwarded:
				funnel.add("awarded", "", "", 1)
				money.add("awarded", "", "", int64(a.Requested))
				money.from("awarded", a.StartupID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []Series{
		{Key: "funding_funnel", TitleVI: "Quỹ đầu tư mạo hiểm: từ đợt gọi vốn đến tài trợ", TitleEN: "Venture fund: from call to award",
			Unit: Count, Chart: Funnel,
			HowVI:  "Đợt gọi vốn có ngày mở trong kỳ; hồ sơ nộp trong kỳ; hồ sơ chuyển vào danh sách ngắn, được tài trợ trong kỳ.",
			HowEN:  "Calls opening within the period; applications submitted within it; applications shortlisted and awarded within it.",
			Points: funnel.points("calls", "submitted", "shortlisted", "awarded")},
		{Key: "funding_vnd", TitleVI: "Ngân sách và số tiền tài trợ", TitleEN: "Budget and amount awarded", Unit: VND, Chart: Bars,
			HowVI:  "Tổng ngân sách các đợt gọi vốn mở trong kỳ, và tổng số tiền đề nghị của các hồ sơ được tài trợ trong kỳ.",
			HowEN:  "The budgets of the calls opening within the period, and the amounts requested by the applications awarded within it.",
			Points: money.points("budget", "awarded")},
	}, nil
}

// events follows the period's events from participants to deals.
func (c *computation) events(ctx context.Context) ([]Series, error) {
	t := newTally()
	t.add("events", "Sự kiện đã diễn ra", "Events held", 0)
	t.add("participants", "Người tham dự đã xác nhận", "Confirmed participants", 0)
	t.add("meetings", "Cuộc gặp 1:1 đã diễn ra", "1:1 meetings held", 0)
	t.add("follow_ups", "Cuộc gặp có hẹn tiếp theo", "Meetings with a follow-up", 0)
	t.add("deals", "Thành thương vụ (thẩm định trở lên)", "Became deals (due diligence or beyond)", 0)
	held := map[string]bool{}
	err := c.src.Events(ctx, func(e events.Event) error {
		if e.Status == events.Published && c.within(e.Start) {
			held[e.ID] = true
			t.add("events", "", "", 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	met := map[string]bool{} // investor/startup pairs that met
	err = c.src.Boards(ctx, func(b events.Board) error {
		if !held[b.ID] {
			return nil
		}
		for _, p := range b.Participants {
			if p.Status == events.Confirmed {
				t.add("participants", "", "", 1)
			}
		}
		for _, m := range b.Meetings {
			if m.Outcome != events.Held {
				continue
			}
			t.add("meetings", "", "", 1)
			if m.Feedback[0].FollowUp != "" || m.Feedback[1].FollowUp != "" {
				t.add("follow_ups", "", "", 1)
			}
			a, bb := participant(b, m.A), participant(b, m.B)
			switch {
			case a.InvestorID != "" && bb.StartupID != "":
				met[dealflow.DealID(a.InvestorID, bb.StartupID)] = true
			case bb.InvestorID != "" && a.StartupID != "":
				met[dealflow.DealID(bb.InvestorID, a.StartupID)] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = c.src.Deals(ctx, func(d dealflow.Deal) error {
		if met[d.ID] && slices.ContainsFunc(d.History, func(s dealflow.StageChange) bool {
			return (s.Stage == dealflow.DueDiligence || s.Stage == dealflow.TermSheet || s.Stage == dealflow.Invested) && c.within(s.At)
		}) {
			t.add("deals", "", "", 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []Series{{Key: "events_funnel", TitleVI: "Sự kiện kết nối: từ người tham dự đến thương vụ", TitleEN: "Meetups: from participants to deals",
		Unit: Count, Chart: Funnel,
		HowVI:  "Sự kiện đã công bố bắt đầu trong kỳ; người tham dự đã xác nhận của các sự kiện đó; cuộc gặp 1:1 đã diễn ra và cuộc gặp có ghi hẹn tiếp theo; cặp nhà đầu tư – doanh nghiệp đã gặp mà thương vụ vào giai đoạn thẩm định trở lên trong kỳ.",
		HowEN:  "Published events starting within the period; their confirmed participants; 1:1 meetings held, and those with a follow-up noted; investor–startup pairs that met whose deal reached due diligence or beyond within the period.",
		Points: t.points("events", "participants", "meetings", "follow_ups", "deals")}}, nil
}

func participant(b events.Board, id string) events.Participant {
	for _, p := range b.Participants {
		if p.ID == id {
			return p
		}
	}
	return events.Participant{}
}

// sandbox counts the period's sandbox applications, approvals and service
// levels.
func (c *computation) sandbox(ctx context.Context) ([]Series, error) {
	t := newTally()
	t.add("submitted", "Hồ sơ nộp", "Applications submitted", 0)
	t.add("approved", "Được chấp thuận thử nghiệm", "Approved for testing", 0)
	t.add("on_time", "Đúng mọi thời hạn xử lý", "Every service level met", 0)
	t.add("overdue", "Có thời hạn bị trễ", "A service level overdue", 0)
	err := c.src.SandboxApps(ctx, func(a sandbox.Application) error {
		if c.withinDate(a.SubmittedOn) {
			t.add("submitted", "", "", 1)
			if len(a.Flags) == 0 {
				t.add("on_time", "", "", 1)
			} else {
				t.add("overdue", "", "", 1)
			}
		}
		if c.withinDate(a.ApprovedOn) {
			t.add("approved", "", "", 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []Series{{Key: "sandbox", TitleVI: "Cơ chế thử nghiệm có kiểm soát", TitleEN: "Regulatory sandbox", Unit: Count, Chart: Bars,
		HowVI:  "Hồ sơ nộp trong kỳ, và trong số đó hồ sơ đúng mọi thời hạn xử lý (tiếp nhận, thẩm định, bắt đầu thử nghiệm, báo cáo) hoặc có thời hạn bị trễ; hồ sơ được chấp thuận trong kỳ.",
		HowEN:  "Applications submitted within the period, and of those the ones that met every service level (acknowledgement, assessment, start, reports) or have one overdue; applications approved within the period.",
		Points: t.points("submitted", "approved", "on_time", "overdue")}}, nil
}

// transfer counts the period's technology-transfer agreements.
func (c *computation) transfer(ctx context.Context) ([]Series, error) {
	count, money := newTally(), newTally()
	for _, k := range transfer.Cooperations() {
		count.add(string(k), k.Label(false), k.Label(true), 0)
		money.add(string(k), k.Label(false), k.Label(true), 0)
	}
	err := c.src.Conversations(ctx, func(cv transfer.Conversation) error {
		if cv.Stage != transfer.Agreed || cv.Agreement == nil || !c.withinDate(cv.Agreement.SignedOn) {
			return nil
		}
		count.add(string(cv.Agreement.Type), "", "", 1)
		money.add(string(cv.Agreement.Type), "", "", int64(cv.Agreement.Value))
		money.from(string(cv.Agreement.Type), cv.FirmID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	keys := names(transfer.Cooperations())
	return []Series{
		{Key: "transfer_agreements", TitleVI: "Hợp đồng chuyển giao công nghệ", TitleEN: "Technology-transfer agreements", Unit: Count, Chart: Bars,
			HowVI:  "Thoả thuận chuyển giao ký trong kỳ giữa tổ chức nghiên cứu và doanh nghiệp trên Innoport, theo hình thức hợp tác.",
			HowEN:  "Agreements signed within the period between research organisations and firms on Innoport, by kind of cooperation.",
			Points: count.points(keys...)},
		{Key: "transfer_agreements_vnd", TitleVI: "Giá trị hợp đồng chuyển giao", TitleEN: "Value of technology-transfer agreements", Unit: VND, Chart: Bars,
			HowVI:  "Tổng giá trị các thoả thuận chuyển giao ký trong kỳ, theo hình thức hợp tác.",
			HowEN:  "The value of the agreements signed within the period, by kind of cooperation.",
			Points: money.points(keys...)},
	}, nil
}

func nonzero(ps []Point) []Point {
	return slices.DeleteFunc(ps, func(p Point) bool { return p.Value == 0 })
}

func names[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

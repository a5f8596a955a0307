package matching

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/innoport/innoport/domain/value"
)

// phrases per sector make synthetic profiles read like real ones, so the
// text index sees a realistic vocabulary.
var phrases = map[value.Sector][]string{
	value.SectorSemiconductors:        {"thiết kế vi mạch", "đóng gói chip bán dẫn", "kiểm thử wafer"},
	value.SectorAI:                    {"trí tuệ nhân tạo", "thị giác máy tính", "xử lý ngôn ngữ tự nhiên tiếng Việt"},
	value.SectorMarineTech:            {"cảm biến hải dương", "nuôi trồng thuỷ sản biển", "tàu tự hành"},
	value.SectorPortLogistics:         {"logistics cảng biển", "quản lý container", "kho bãi thông minh"},
	value.SectorGreenEnergy:           {"điện mặt trời áp mái", "pin lưu trữ", "giảm phát thải carbon"},
	value.SectorAdvancedManufacturing: {"robot công nghiệp", "in 3D kim loại", "dây chuyền tự động hoá"},
	value.SectorSoftware:              {"phần mềm quản trị doanh nghiệp", "nền tảng SaaS", "điện toán đám mây"},
	value.SectorFintech:               {"thanh toán điện tử", "chấm điểm tín dụng", "ví điện tử"},
	value.SectorEdtech:                {"học trực tuyến", "luyện thi tiếng Anh", "đào tạo kỹ năng số"},
	value.SectorHealthtech:            {"khám bệnh từ xa", "hồ sơ sức khoẻ điện tử", "thiết bị y tế"},
	value.SectorAgritech:              {"nông nghiệp công nghệ cao", "truy xuất nguồn gốc nông sản", "thực phẩm sạch"},
	value.SectorEcommerce:             {"thương mại điện tử", "bán lẻ đa kênh", "giao hàng chặng cuối"},
	value.SectorTourism:               {"du lịch Cát Bà", "đặt phòng khách sạn", "trải nghiệm văn hoá"},
	value.SectorSmartCity:             {"giao thông thông minh", "chiếu sáng đô thị", "quản lý rác thải"},
	value.SectorBiotech:               {"chế phẩm sinh học", "vi sinh vật", "dược liệu"},
	value.SectorIoT:                   {"thiết bị IoT", "cảm biến không dây", "phần cứng nhúng"},
	value.SectorDigitalTransformation: {"chuyển đổi số doanh nghiệp nhỏ", "số hoá quy trình", "hoá đơn điện tử"},
	value.SectorCreativeMedia:         {"sản xuất nội dung số", "thiết kế đồ hoạ", "trò chơi điện tử"},
}

var wards = []string{"Lê Chân", "Ngô Quyền", "Hồng Bàng", "Hải An", "Kiến An", "Thủy Nguyên", "Đặc khu Cát Hải",
	"Hải Dương", "Thành Đông", "Chí Linh", "Kinh Môn", "An Dương", "Đồ Sơn", "Dương Kinh", "Tiên Lãng"}

// synth builds a reproducible snapshot of the given size.
func synth(seed uint64, startups, calls, investors, mentors, programs int) *Snapshot {
	r := rand.New(rand.NewPCG(seed, 7))
	all := value.Sectors()
	pickSectors := func(n int) []value.Sector {
		out := make([]value.Sector, 0, n)
		for range n {
			s := all[r.IntN(len(all))].Sector
			if len(out) == 0 || out[0] != s {
				out = append(out, s)
			}
		}
		return out
	}
	stages := []value.Stage{value.StageIdea, value.StagePrototype, value.StagePreSeed, value.StageSeed, value.StageSeriesA, value.StageGrowth}
	text := func(ss []value.Sector) string {
		var b strings.Builder
		for _, s := range ss {
			p := phrases[s]
			b.WriteString(p[r.IntN(len(p))] + " và " + p[r.IntN(len(p))] + ". ")
		}
		b.WriteString("Đội ngũ trẻ tại Hải Phòng.")
		return b.String()
	}
	s := &Snapshot{Feedback: map[PairKey]Signal{}}
	incubators := []string{"inc-hpu", "inc-vmu", "inc-hdu"}
	for i := range startups {
		sec := pickSectors(1 + r.IntN(2))
		st := Startup{ID: fmt.Sprintf("s%06d", i), Sectors: sec, Stage: stages[r.IntN(len(stages))],
			Ward: wards[r.IntN(len(wards))], Text: text(sec), FundingNeed: int64(1+r.IntN(50)) * 100_000_000}
		if r.IntN(3) == 0 {
			st.IncubatorID = incubators[r.IntN(3)]
		}
		s.Startups = append(s.Startups, st)
	}
	for j := range calls {
		sec := pickSectors(r.IntN(3))
		c := Call{ID: fmt.Sprintf("c%04d", j), Sectors: sec, TicketMin: 200_000_000, TicketMax: int64(5+r.IntN(30)) * 100_000_000,
			Text: "Quỹ đầu tư mạo hiểm Hải Phòng hỗ trợ " + text(sec)}
		if r.IntN(3) == 0 {
			c.Wards = []string{wards[r.IntN(len(wards))], wards[r.IntN(len(wards))]}
		}
		s.Calls = append(s.Calls, c)
	}
	for j := range investors {
		sec := pickSectors(1 + r.IntN(3))
		lo := int64(1+r.IntN(10)) * 500_000_000
		v := Investor{ID: fmt.Sprintf("v%05d", j), Sectors: sec, TicketMin: lo, TicketMax: lo * int64(2+r.IntN(5)),
			Text: "Nhà đầu tư thiên thần quan tâm " + text(sec)}
		for range r.IntN(3) {
			v.Stages = append(v.Stages, stages[r.IntN(len(stages))])
		}
		if r.IntN(4) == 0 {
			v.Geography = []string{"Hải Phòng"}
		}
		for range r.IntN(3) {
			v.Portfolio = append(v.Portfolio, s.Startups[r.IntN(startups)].ID)
		}
		s.Investors = append(s.Investors, v)
	}
	for j := range mentors {
		sec := pickSectors(1 + r.IntN(3))
		m := Mentor{ID: fmt.Sprintf("m%04d", j), Expertise: sec, Capacity: 1 + r.IntN(5),
			Text: "Chuyên gia kiều bào, kinh nghiệm " + text(sec)}
		for range r.IntN(3) {
			m.Mentees = append(m.Mentees, s.Startups[r.IntN(startups)].ID)
		}
		s.Mentors = append(s.Mentors, m)
	}
	for j := range programs {
		sec := pickSectors(1 + r.IntN(3))
		s.Programs = append(s.Programs, Program{IncubatorID: incubators[j%3], Name: fmt.Sprintf("Chương trình %d", j),
			Ward: wards[r.IntN(len(wards))], Sectors: sec, Stages: stages[:2+r.IntN(3)], Text: "Ươm tạo " + text(sec)})
	}
	for range startups / 10 {
		i := r.IntN(startups)
		k := Kinds[r.IntN(len(Kinds))]
		if n := s.count(k); n > 0 {
			s.Feedback[PairKey{s.Startups[i].ID, s.Ref(k, r.IntN(n))}] = Signal{
				Positive: r.IntN(2) == 0, StartupDismissed: r.IntN(4) == 0, TargetDismissed: r.IntN(4) == 0}
		}
	}
	// A rule in the style of the city fund's: young firms only, for calls
	// with an even number.
	ages := make([]int, startups)
	for i := range ages {
		ages[i] = r.IntN(12)
	}
	s.Eligible = func(i, j int) bool { return j%2 == 1 || ages[i] <= 5 }
	return s
}

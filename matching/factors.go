package matching

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Factor is one reason a pair scores what it does.
type Factor uint8

// The factors.
const (
	FactorSector Factor = iota
	FactorStage
	FactorTicket
	FactorText
	FactorLocation
	FactorIncubator
	FactorFeedback
	FactorReciprocity   // no longer computed; kept so stored explanations still read
	FactorNeeds         // event participants: what one seeks against what the other offers
	FactorProfile       // event participants: the engine's score of their organisations
	FactorTRL           // technology transfer: an offer's readiness against the level a request wants
	FactorRecency       // how recently the startup was active
	FactorCollaborative // what targets with outcomes like the target's did with the startup
	numFactors
)

var factorNames = [...]string{"SECTOR", "STAGE", "TICKET", "TEXT", "LOCATION", "INCUBATOR", "FEEDBACK", "RECIPROCITY", "NEEDS", "PROFILE", "TRL", "RECENCY", "COLLABORATIVE"}

func (f Factor) String() string { return factorNames[f] }

// ParseFactor reads a factor from its name.
func ParseFactor(s string) (Factor, bool) {
	for i, n := range factorNames {
		if n == s {
			return Factor(i), true
		}
	}
	return 0, false
}

// weighted is one factor of a score with its weight, where the weights
// are fixed: technology transfer's and event participants' scores.
type weighted struct {
	factor Factor
	weight float64
}

// factors holds one pair's factor values, indexed by Factor.
type factors [numFactors]float64

// The factor values, from what the engine and the naive scorer each compute
// their own way.

// sectorValue: a shared sector is a full fit, a sector of the same taxonomy
// group half of one; a target open to every sector is a fair fit.
func sectorValue(open, exact, group bool) float64 {
	switch {
	case open:
		return 0.6
	case exact:
		return 1
	case group:
		return 0.5
	}
	return 0
}

func locationValue(listed, contains bool) float64 {
	switch {
	case !listed:
		return 0.7
	case contains:
		return 1
	}
	return 0
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Contribution is one line of a match's explanation.
type Contribution struct {
	Factor       Factor
	Weight       float64
	Value        float64
	Contribution float64
	Args         []string // what the detail names: shared sectors, words, ward…
}

// Detail says what a contribution means, in Vietnamese or English.
func (c Contribution) Detail(english bool) string {
	list := strings.Join(c.Args, ", ")
	if c.Factor == FactorSector || c.Factor == FactorStage { // codes, shown by their names
		names := make([]string, len(c.Args))
		for i, a := range c.Args {
			names[i] = value.Sector(a).Label(english)
			if c.Factor == FactorStage {
				names[i] = value.Stage(a).Label(english)
			}
		}
		list = strings.Join(names, ", ")
	}
	pick := func(vi, en string) string {
		if english {
			return en
		}
		return vi
	}
	pct := fmt.Sprintf("%.0f%%", c.Value*100)
	switch c.Factor {
	case FactorSector:
		switch {
		case c.Value == 1 && list != "":
			return pick("Cùng lĩnh vực: "+list, "Shared sectors: "+list)
		case c.Value > 0 && list != "":
			return pick(fmt.Sprintf("Lĩnh vực phù hợp %s so với lĩnh vực trọng tâm: %s", pct, list),
				fmt.Sprintf("Sectors at %s of the main focus: %s", pct, list))
		case c.Value > 0:
			return pick("Không giới hạn lĩnh vực", "Open to every sector")
		}
		return pick("Không có lĩnh vực chung", "No sector in common")
	case FactorStage:
		switch {
		case c.Value == 1:
			return pick("Đúng giai đoạn "+list, "Right stage: "+list)
		case c.Value > 0 && list != "":
			return pick(fmt.Sprintf("Giai đoạn %s: phù hợp %s", list, pct), fmt.Sprintf("Stage %s: %s fit", list, pct))
		case c.Value > 0:
			return pick("Không giới hạn giai đoạn", "Open to every stage")
		}
		return pick("Giai đoạn không phù hợp", "Stage does not fit")
	case FactorRecency:
		if list == "" {
			return pick("Chưa rõ lần hoạt động gần nhất", "Last activity unknown")
		}
		on, _ := time.Parse(time.DateOnly, list) // Explain writes it so
		return pick(fmt.Sprintf("Hoạt động gần nhất %s (%s)", on.Format("02/01/2006"), pct),
			fmt.Sprintf("Last active on %s (%s)", on.Format("2 Jan 2006"), pct))
	case FactorCollaborative:
		return collaborativeDetail(c, english)
	case FactorTicket:
		if len(c.Args) < 3 {
			return pick("Chưa rõ nhu cầu vốn", "Funding need unknown")
		}
		return pick(fmt.Sprintf("Nhu cầu vốn %s VND so với mức %s–%s VND: phù hợp %s", c.Args[0], c.Args[1], c.Args[2], pct),
			fmt.Sprintf("Funding need %s VND against a range of %s–%s VND: %s fit", c.Args[0], c.Args[1], c.Args[2], pct))
	case FactorText:
		if list == "" {
			return pick("Mô tả không có từ khoá chung", "No keywords in common")
		}
		return pick(fmt.Sprintf("Mô tả gần nhau (%s), từ khoá chung: %s", pct, list),
			fmt.Sprintf("Similar descriptions (%s), shared keywords: %s", pct, list))
	case FactorLocation:
		switch {
		case c.Value == 1:
			return pick("Cùng địa bàn: "+list, "Same area: "+list)
		case c.Value > 0:
			return pick("Không giới hạn địa bàn", "Open to any location")
		}
		return pick("Ngoài địa bàn ưu tiên", "Outside the preferred area")
	case FactorIncubator:
		if c.Value == 1 {
			return pick("Cùng vườn ươm với startup, hoặc đã đầu tư vào startup cùng vườn ươm",
				"The startup's own incubator, or backs startups of that incubator")
		}
		return pick("Không có liên hệ qua vườn ươm", "No tie through an incubator")
	case FactorFeedback:
		if c.Value == 1 {
			return pick("Đã được đánh dấu quan tâm hoặc đã nộp hồ sơ", "Bookmarked or applied to")
		}
		return pick("Chưa có phản hồi", "No feedback yet")
	case FactorNeeds:
		if list == "" {
			return pick("Nhu cầu và thế mạnh chưa khớp", "What one seeks and the other offers do not overlap")
		}
		return pick(fmt.Sprintf("Điều một bên tìm, bên kia có (%s): %s", pct, list),
			fmt.Sprintf("One seeks what the other offers (%s): %s", pct, list))
	case FactorTRL:
		if len(c.Args) < 2 {
			return pick("Chưa rõ mức sẵn sàng", "Readiness unknown")
		}
		return pick(fmt.Sprintf("Công nghệ đạt TRL %s, bên cần từ TRL %s: phù hợp %s", c.Args[0], c.Args[1], pct),
			fmt.Sprintf("The technology is at TRL %s, TRL %s or more is wanted: %s fit", c.Args[0], c.Args[1], pct))
	case FactorProfile:
		if len(c.Args) == 0 {
			return pick("Tổ chức của hai bên chưa được chấm điểm", "Their organisations have no match score")
		}
		return pick("Điểm phù hợp giữa hai tổ chức: "+pct, "Match score of their organisations: "+pct)
	default:
		return pick("Mức phù hợp giữa hai bên: "+pct+" (hai bên đều phải phù hợp)",
			"How evenly both sides fit: "+pct+" (a match must suit both)")
	}
}

// vnd formats a positive amount with thousands separators: 1.500.000.
func vnd(v int64) string {
	digits := strconv.AppendInt(make([]byte, 0, 20), v, 10)
	out := make([]byte, 0, len(digits)+len(digits)/3)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, d)
	}
	return string(out)
}

// peers name the targets of each kind in collaborative explanations.
// Vietnamese, English plural, English singular.
var peers = map[string][3]string{
	"FUND_CALL": {"đợt gọi vốn có hồ sơ trùng với đợt này", "calls whose applicants overlap this call's",
		"call whose applicants overlap this call's"},
	"INVESTOR": {"nhà đầu tư có danh mục trùng với nhà đầu tư này", "investors whose portfolios overlap this investor's",
		"investor whose portfolio overlaps this investor's"},
	"MENTOR": {"cố vấn có học viên trùng với cố vấn này", "mentors whose mentees overlap this mentor's",
		"mentor whose mentees overlap this mentor's"},
}

// collaborativeDetail says what the collaborative factor found: how many
// similar targets hold, pursue or funded the startup.
func collaborativeDetail(c Contribution, english bool) string {
	if len(c.Args) < 2 {
		if english {
			return "No peer with overlapping outcomes yet: the score rests on the profiles"
		}
		return "Chưa có đối tác nào có kết quả trùng: điểm dựa trên hồ sơ"
	}
	who := peers[c.Args[1]]
	if c.Args[0] == "0" {
		if english {
			return "None of the " + who[1] + " has taken this startup up"
		}
		return "Các " + who[0] + " chưa chọn startup này"
	}
	if english && c.Args[0] == "1" {
		return fmt.Sprintf("1 %s holds, pursues or funded this startup: +%.2f", who[2], c.Contribution)
	}
	if english {
		return fmt.Sprintf("%s %s hold, pursue or funded this startup: +%.2f", c.Args[0], who[1], c.Contribution)
	}
	return fmt.Sprintf("%s %s đã đầu tư, theo đuổi hoặc tài trợ startup này: +%.2f", c.Args[0], who[0], c.Contribution)
}

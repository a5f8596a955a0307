package matching

import (
	"fmt"
	"strconv"
	"strings"

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
	FactorReciprocity // investor matches: how evenly both sides fit (weight 0)
	FactorNeeds       // event participants: what one seeks against what the other offers
	FactorProfile     // event participants: the engine's score of their organisations
	FactorTRL         // technology transfer: an offer's readiness against the level a request wants
	numFactors
)

var factorNames = [...]string{"SECTOR", "STAGE", "TICKET", "TEXT", "LOCATION", "INCUBATOR", "FEEDBACK", "RECIPROCITY", "NEEDS", "PROFILE", "TRL"}

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

// weighted is one factor of a kind's score with its weight. Side is 1 for
// the factors an investor judges a startup by, 0 for the startup's own view.
type weighted struct {
	factor Factor
	weight float64
	side   int
}

// weights are the factors of each kind; a kind's weights add up to 1, or to
// 1 per side for investors, whose sides are combined by harmonic mean.
var weights = [numKinds][]weighted{
	KindFundCall: {{FactorSector, 0.30, 0}, {FactorTicket, 0.20, 0}, {FactorText, 0.25, 0}, {FactorLocation, 0.15, 0}, {FactorFeedback, 0.10, 0}},
	KindInvestor: {
		{FactorSector, 0.45, 1}, {FactorStage, 0.30, 1}, {FactorText, 0.25, 1},
		{FactorTicket, 0.50, 0}, {FactorLocation, 0.20, 0}, {FactorIncubator, 0.15, 0}, {FactorFeedback, 0.15, 0},
	},
	KindMentor:    {{FactorSector, 0.55, 0}, {FactorText, 0.30, 0}, {FactorFeedback, 0.15, 0}},
	KindIncubator: {{FactorSector, 0.30, 0}, {FactorStage, 0.20, 0}, {FactorText, 0.20, 0}, {FactorLocation, 0.10, 0}, {FactorIncubator, 0.10, 0}, {FactorFeedback, 0.10, 0}},
}

// factors holds one pair's factor values, indexed by Factor.
type factors [numFactors]float64

// score combines the factor values of a pair of kind k.
func score(k Kind, f *factors) float64 {
	if k != KindInvestor {
		s := 0.0
		for _, w := range weights[k] {
			s += w.weight * f[w.factor]
		}
		return s
	}
	a, b := sides(f)
	if a+b == 0 {
		return 0
	}
	return 2 * a * b / (a + b)
}

// sides returns the startup's and the investor's view of an investor pair.
func sides(f *factors) (a, b float64) {
	for _, w := range weights[KindInvestor] {
		if w.side == 0 {
			a += w.weight * f[w.factor]
		} else {
			b += w.weight * f[w.factor]
		}
	}
	return a, b
}

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

// stageValue: dist is how many stages the startup is from the nearest one
// the target takes.
func stageValue(open bool, dist int) float64 {
	switch {
	case open:
		return 0.6
	case dist == 0:
		return 1
	case dist == 1:
		return 0.5
	}
	return 0
}

// ticketValue: a need inside the range is a full fit, one outside decays
// with the ratio; an unknown need is a fair fit.
func ticketValue(need, lo, hi int64) float64 {
	switch {
	case need <= 0 || hi <= 0:
		return 0.5
	case need < lo:
		return float64(need) / float64(lo)
	case need > hi:
		return float64(hi) / float64(need)
	}
	return 1
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

// explain turns a pair's factor values into its explanation, whose
// contributions add up to the score.
func explain(k Kind, f *factors, args func(Factor) []string) []Contribution {
	scale, half := 1.0, 1.0
	out := make([]Contribution, 0, len(weights[k])+1)
	if k == KindInvestor {
		half = 0.5
		a, b := sides(f)
		if a+b > 0 {
			scale = 4 * a * b / ((a + b) * (a + b))
		} else {
			scale = 0
		}
	}
	for _, w := range weights[k] {
		out = append(out, Contribution{Factor: w.factor, Weight: w.weight * half, Value: f[w.factor],
			Contribution: w.weight * half * f[w.factor] * scale, Args: args(w.factor)})
	}
	if k == KindInvestor {
		out = append(out, Contribution{Factor: FactorReciprocity, Value: scale})
	}
	return out
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
		case c.Value == 1:
			return pick("Cùng lĩnh vực: "+list, "Shared sectors: "+list)
		case c.Value == 0.5:
			return pick("Lĩnh vực gần nhau: "+list, "Related sectors: "+list)
		case c.Value > 0:
			return pick("Không giới hạn lĩnh vực", "Open to every sector")
		}
		return pick("Không có lĩnh vực chung", "No sector in common")
	case FactorStage:
		switch {
		case c.Value == 1:
			return pick("Đúng giai đoạn "+list, "Right stage: "+list)
		case c.Value == 0.5:
			return pick("Giai đoạn liền kề: "+list, "Adjacent stage: "+list)
		case c.Value > 0:
			return pick("Không giới hạn giai đoạn", "Open to every stage")
		}
		return pick("Giai đoạn không phù hợp", "Stage does not fit")
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

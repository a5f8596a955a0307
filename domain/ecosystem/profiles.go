package ecosystem

import (
	"fmt"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// InvestorProfile is an investor's validated, editable data.
type InvestorProfile struct {
	Name        string
	Kind        InvestorKind
	Description string
	Website     string
	Email       value.Email // optional
	Thesis      Thesis
	Portfolio   []string // IDs of the startups it holds a stake in
}

// InvestorDraft is an investor profile as a client sends it.
type InvestorDraft struct {
	Name, Kind, Description, Website, Email string
	Sectors, Stages, Geography, Portfolio   []string
	TicketMin, TicketMax                    int64
}

// InvestorPatch changes some fields of an investor profile; nil fields stay.
type InvestorPatch struct {
	Name, Kind, Description, Website, Email *string
	Sectors, Stages, Geography, Portfolio   *[]string
	TicketMin, TicketMax                    *int64
}

// Draft returns the profile in its unvalidated form.
func (p InvestorProfile) Draft() InvestorDraft {
	return InvestorDraft{
		Name: p.Name, Kind: string(p.Kind), Description: p.Description, Website: p.Website,
		Email: p.Email.String(), Sectors: strings(p.Thesis.Sectors), Stages: strings(p.Thesis.Stages),
		Geography: p.Thesis.Geography, TicketMin: int64(p.Thesis.Ticket.Min), TicketMax: int64(p.Thesis.Ticket.Max),
		Portfolio: p.Portfolio,
	}
}

// NewInvestorProfile validates a draft, reporting every problem with its field.
func NewInvestorProfile(d InvestorDraft) (InvestorProfile, error) {
	var (
		p    InvestorProfile
		list errs.List
		err  error
	)
	p.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	switch k := InvestorKind(d.Kind); k {
	case VentureFund, Angel, Corporate, PublicFund:
		p.Kind = k
	case "":
		list.Add(errs.Required("kind"))
	default:
		list.Add(errs.InvalidValue(fmt.Sprintf("Loại nhà đầu tư %q không hợp lệ.", d.Kind),
			fmt.Sprintf("Investor kind %q is not valid.", d.Kind), "kind"))
	}
	p.Description, err = value.Text(d.Description, false, 5000)
	list.Check(err, "description")
	p.Website, err = value.WebURL(d.Website)
	list.Check(err, "website")
	if d.Email != "" {
		p.Email, err = value.NewEmail(d.Email)
		list.Check(err, "email")
	}
	p.Thesis.Sectors, err = value.ParseSectors(d.Sectors)
	list.Check(err, "sectors")
	p.Thesis.Stages, err = parseStages(d.Stages)
	list.Check(err, "stages")
	p.Thesis.Geography, err = texts(d.Geography, 80)
	list.Check(err, "geography")
	lo, errLo := value.NewVND(d.TicketMin)
	hi, errHi := value.NewVND(d.TicketMax)
	if list.Check(errLo, "ticketMinVnd") && list.Check(errHi, "ticketMaxVnd") {
		p.Thesis.Ticket, err = value.NewRange(lo, hi)
		list.Check(err, "ticketMaxVnd")
	}
	p.Portfolio = value.Unique(d.Portfolio)
	return p, list.Err()
}

// MentorProfile is a mentor's validated, editable data.
type MentorProfile struct {
	Name        string
	Subject     string // the mentor's own user account, which may edit the profile; optional
	Expertise   []value.Sector
	Affiliation string
	Overseas    bool   // an overseas Vietnamese expert (chuyên gia kiều bào)
	Country     string // where the mentor lives
	Capacity    int    // how many startups the mentor takes on at once
	Bio         string
	Mentees     []string // IDs of the startups the mentor coaches now
}

// MentorDraft is a mentor profile as a client sends it.
type MentorDraft struct {
	Name, Subject, Affiliation, Country, Bio string
	Expertise, Mentees                       []string
	Overseas                                 bool
	Capacity                                 int
}

// MentorPatch changes some fields of a mentor profile; nil fields stay.
type MentorPatch struct {
	Name, Subject, Affiliation, Country, Bio *string
	Expertise, Mentees                       *[]string
	Overseas                                 *bool
	Capacity                                 *int
}

// Draft returns the profile in its unvalidated form.
func (p MentorProfile) Draft() MentorDraft {
	return MentorDraft{
		Name: p.Name, Subject: p.Subject, Affiliation: p.Affiliation, Country: p.Country, Bio: p.Bio,
		Expertise: strings(p.Expertise), Overseas: p.Overseas, Capacity: p.Capacity, Mentees: p.Mentees,
	}
}

// NewMentorProfile validates a draft, reporting every problem with its field.
func NewMentorProfile(d MentorDraft) (MentorProfile, error) {
	var (
		p    MentorProfile
		list errs.List
		err  error
	)
	p.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	p.Subject, err = value.Text(d.Subject, false, 200)
	list.Check(err, "subject")
	if len(d.Expertise) == 0 {
		list.Add(errs.Required("expertise"))
	} else {
		p.Expertise, err = value.ParseSectors(d.Expertise)
		list.Check(err, "expertise")
	}
	p.Affiliation, err = value.Text(d.Affiliation, false, 200)
	list.Check(err, "affiliation")
	p.Overseas = d.Overseas
	p.Country, err = value.Text(d.Country, false, 80)
	list.Check(err, "country")
	if d.Capacity < 0 || d.Capacity > 50 {
		list.Add(errs.InvalidValue("Số startup hướng dẫn cùng lúc phải từ 0 đến 50.",
			"A mentor takes on 0 to 50 startups at once.", "capacity"))
	}
	p.Capacity = d.Capacity
	p.Bio, err = value.Text(d.Bio, false, 5000)
	list.Check(err, "bio")
	p.Mentees = value.Unique(d.Mentees)
	if p.Capacity < len(p.Mentees) {
		list.Add(errs.InvalidValue(
			fmt.Sprintf("Chuyên gia đang cố vấn %d startup, vượt quá khả năng %d.", len(p.Mentees), p.Capacity),
			fmt.Sprintf("The mentor coaches %d startups, above their capacity of %d.", len(p.Mentees), p.Capacity), "menteeIds"))
	}
	return p, list.Err()
}

func parseStages(in []string) ([]value.Stage, error) {
	var list errs.List
	out := make([]value.Stage, 0, len(in))
	for i, raw := range in {
		s, err := value.ParseStage(raw)
		if list.Check(err, fmt.Sprint(i)) {
			out = append(out, s)
		}
	}
	return out, list.Err()
}

func texts(in []string, maxChars int) ([]string, error) {
	var list errs.List
	out := make([]string, 0, len(in))
	for i, raw := range in {
		s, err := value.Text(raw, true, maxChars)
		if list.Check(err, fmt.Sprint(i)) {
			out = append(out, s)
		}
	}
	return out, list.Err()
}

func strings[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

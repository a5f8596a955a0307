// Package firm is the bounded context of startups (innovative firms): their
// profile, its rules, the store it needs and the use-cases that change it.
package firm

import (
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Startup is an innovative firm registered on the platform.
type Startup struct {
	record.Meta
	Profile
}

// Profile is a startup's validated, editable data.
type Profile struct {
	Name        string // Vietnamese name, as registered
	NameEN      string
	TaxCode     value.TaxCode
	FoundedOn   value.Date
	Ward        value.Ward
	Sectors     []value.Sector
	Stage       value.Stage
	Description string
	Website     string
	TeamSize    int
	IncubatorID string // empty when the startup is not incubated

	// Confidential: readable only by the startup's members, its incubator's
	// managers and admins.
	Contact    Contact
	Financials Financials
	Evidence   Evidence
}

// Contact is how to reach a startup.
type Contact struct {
	Email value.Email
	Phone value.Phone // optional
}

// Financials are a startup's confidential figures.
type Financials struct {
	FundingNeed value.VND
	Revenue     []YearRevenue // sorted by year
}

// YearRevenue is the revenue of one calendar year.
type YearRevenue struct {
	Year   int
	Amount value.VND
	// ST is the part from products made from S&T results.
	ST value.VND
}

// Draft is a startup profile as a client sends it, not yet validated.
type Draft struct {
	Name, NameEN string
	TaxCode      string
	FoundedOn    string // YYYY-MM-DD
	Ward         string
	Sectors      []string
	Stage        string
	Description  string
	Website      string
	TeamSize     int
	IncubatorID  string
	Email, Phone string
	FundingNeed  int64
	Revenue      []YearRevenueDraft
	Evidence     Evidence // checked by CheckEvidence
}

// YearRevenueDraft is one year's revenue as a client sends it.
type YearRevenueDraft struct {
	Year   int
	Amount int64
	ST     int64 // part from S&T products
}

// Patch changes some fields of a profile; nil fields stay as they are.
// value.Overlay applies it to a Draft, field by name.
type Patch struct {
	Name, NameEN, TaxCode, FoundedOn, Ward *string
	Sectors                                *[]string
	Stage, Description, Website            *string
	TeamSize                               *int
	IncubatorID, Email, Phone              *string
	FundingNeed                            *int64
	Revenue                                *[]YearRevenueDraft
	Evidence                               *Evidence
}

// Draft returns the profile in its unvalidated form, the base a Patch applies to.
func (p Profile) Draft() Draft {
	d := Draft{
		Name: p.Name, NameEN: p.NameEN, TaxCode: p.TaxCode.String(), FoundedOn: p.FoundedOn.String(),
		Ward: p.Ward.String(), Stage: string(p.Stage), Description: p.Description, Website: p.Website,
		TeamSize: p.TeamSize, IncubatorID: p.IncubatorID, Email: p.Contact.Email.String(),
		Phone: p.Contact.Phone.String(), FundingNeed: int64(p.Financials.FundingNeed),
	}
	for _, s := range p.Sectors {
		d.Sectors = append(d.Sectors, string(s))
	}
	for _, r := range p.Financials.Revenue {
		d.Revenue = append(d.Revenue, YearRevenueDraft{Year: r.Year, Amount: int64(r.Amount), ST: int64(r.ST)})
	}
	d.Evidence = p.Evidence
	return d
}

// earliestFounding is the first date a firm on the platform can have been founded:
// the Law on Enterprises dates from 1990; older state firms were re-registered.
var earliestFounding = value.Date{Year: 1986, Month: time.January, Day: 1}

// NewProfile validates a draft. today is the current date in Asia/Ho_Chi_Minh:
// a firm cannot be founded, or report revenue, in the future. Every problem is
// reported, each with the input field it concerns.
func NewProfile(d Draft, today value.Date) (Profile, error) {
	var (
		p    Profile
		list errs.List
		err  error
	)
	p.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	p.NameEN, err = value.Text(d.NameEN, false, 200)
	list.Check(err, "nameEn")
	p.TaxCode, err = value.NewTaxCode(d.TaxCode)
	list.Check(err, "taxCode")
	if d.FoundedOn == "" {
		list.Add(errs.Required("foundedOn"))
	} else if founded, err := value.ParseDate(d.FoundedOn); list.Check(err, "foundedOn") {
		if founded.After(today) || earliestFounding.After(founded) {
			list.Add(errs.InvalidValue(
				fmt.Sprintf("Ngày thành lập phải từ %s đến hôm nay.", earliestFounding),
				fmt.Sprintf("The founding date must be between %s and today.", earliestFounding), "foundedOn"))
		} else {
			p.FoundedOn = founded // left unset when invalid, so revenue years are not judged against it
		}
	}
	p.Ward, err = value.NewWard(d.Ward)
	list.Check(err, "ward")
	if len(d.Sectors) == 0 {
		list.Add(errs.Required("sectors"))
	} else if len(d.Sectors) > 5 {
		list.Add(errs.InvalidValue("Chọn tối đa 5 lĩnh vực.", "Choose at most 5 sectors.", "sectors"))
	} else {
		p.Sectors, err = value.ParseSectors(d.Sectors)
		list.Check(err, "sectors")
	}
	if d.Stage == "" {
		list.Add(errs.Required("stage"))
	} else {
		p.Stage, err = value.ParseStage(d.Stage)
		list.Check(err, "stage")
	}
	p.Description, err = value.Text(d.Description, false, 5000)
	list.Check(err, "description")
	p.Website, err = value.WebURL(d.Website)
	list.Check(err, "website")
	if d.TeamSize < 1 || d.TeamSize > 100_000 {
		list.Add(errs.InvalidValue("Quy mô nhóm phải từ 1 đến 100.000 người.",
			"The team size must be between 1 and 100,000 people.", "teamSize"))
	}
	p.TeamSize = d.TeamSize
	p.IncubatorID = d.IncubatorID
	if d.Email == "" {
		list.Add(errs.Required("contact", "email"))
	} else {
		p.Contact.Email, err = value.NewEmail(d.Email)
		list.Check(err, "contact", "email")
	}
	if d.Phone != "" {
		p.Contact.Phone, err = value.NewPhone(d.Phone)
		list.Check(err, "contact", "phone")
	}
	p.Financials.FundingNeed, err = value.NewVND(d.FundingNeed)
	list.Check(err, "financials", "fundingNeedVnd")
	p.Financials.Revenue = revenue(d.Revenue, p.FoundedOn, today, &list)
	p.Evidence, err = CheckEvidence(d.Evidence, today)
	list.Check(err, "evidence")
	return p, list.Err()
}

func revenue(in []YearRevenueDraft, founded, today value.Date, list *errs.List) []YearRevenue {
	out := make([]YearRevenue, 0, len(in))
	seen := map[int]bool{}
	for i, r := range in {
		at := []string{"financials", "revenue", fmt.Sprint(i)}
		amount, err := value.NewVND(r.Amount)
		if !list.Check(err, append(at, "amountVnd")...) {
			continue
		}
		st, err := value.NewVND(r.ST)
		if !list.Check(err, append(at, "stAmountVnd")...) {
			continue
		}
		if st > amount {
			list.Add(errs.InvalidValue("Doanh thu từ sản phẩm KH&CN không thể lớn hơn tổng doanh thu.",
				"S&T revenue cannot exceed total revenue.", append(at, "stAmountVnd")...))
			continue
		}
		switch {
		case r.Year > today.Year || (!founded.IsZero() && r.Year < founded.Year):
			list.Add(errs.InvalidValue(
				fmt.Sprintf("Năm %d nằm ngoài khoảng từ năm thành lập đến năm nay.", r.Year),
				fmt.Sprintf("Year %d is outside the span from the founding year to this year.", r.Year),
				append(at, "year")...))
		case seen[r.Year]:
			list.Add(errs.InvalidValue(
				fmt.Sprintf("Năm %d bị khai báo hai lần.", r.Year),
				fmt.Sprintf("Year %d is given twice.", r.Year), append(at, "year")...))
		default:
			seen[r.Year] = true
			out = append(out, YearRevenue{Year: r.Year, Amount: amount, ST: st})
		}
	}
	slices.SortFunc(out, func(a, b YearRevenue) int { return a.Year - b.Year })
	return out
}

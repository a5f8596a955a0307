package transfer

import (
	"fmt"
	"slices"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/value"
)

// OrgDraft is an organisation as a client sends it.
type OrgDraft struct {
	Name, NameEN, Kind, ParentID, Description, Website, Email, Phone string
}

// OrgPatch changes some fields of an organisation; nil fields stay.
type OrgPatch struct {
	Name, NameEN, Kind, ParentID, Description, Website, Email, Phone *string
}

// Draft returns the profile in its unvalidated form.
func (p OrgProfile) Draft() OrgDraft {
	return OrgDraft{Name: p.Name, NameEN: p.NameEN, Kind: string(p.Kind), ParentID: p.ParentID,
		Description: p.Description, Website: p.Website, Email: p.Email.String(), Phone: p.Phone.String()}
}

// NewOrgProfile validates a draft, reporting every problem with its field.
func NewOrgProfile(d OrgDraft) (OrgProfile, error) {
	var (
		p    OrgProfile
		list errs.List
		err  error
	)
	p.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	p.NameEN, err = value.Text(d.NameEN, false, 200)
	list.Check(err, "nameEn")
	switch k := OrgKind(d.Kind); k {
	case University, Institute, Lab, TTO:
		p.Kind = k
	case "":
		list.Add(errs.Required("kind"))
	default:
		list.Add(errs.InvalidValue(fmt.Sprintf("Loại tổ chức %q không hợp lệ.", d.Kind),
			fmt.Sprintf("Organisation kind %q is not valid.", d.Kind), "kind"))
	}
	p.ParentID = d.ParentID
	p.Description, err = value.Text(d.Description, false, 5000)
	list.Check(err, "description")
	p.Website, err = value.WebURL(d.Website)
	list.Check(err, "website")
	if d.Email == "" {
		list.Add(errs.Required("contactEmail"))
	} else {
		p.Email, err = value.NewEmail(d.Email)
		list.Check(err, "contactEmail")
	}
	if d.Phone != "" {
		p.Phone, err = value.NewPhone(d.Phone)
		list.Check(err, "contactPhone")
	}
	return p, list.Err()
}

// IPRightDraft is an IP right as a client sends it; dates are YYYY-MM-DD.
type IPRightDraft struct {
	Kind               string
	Pending            bool
	Number             string
	FiledOn, GrantedOn string
}

// OfferDraft is an offer as a client sends it.
type OfferDraft struct {
	Title, TitleEN, Summary, SummaryEN, Details, Terms string
	Sectors, Cooperation, Inventors                    []string
	TRL                                                int
	IP                                                 []IPRightDraft
	StateFunded                                        bool
}

// OfferPatch changes some fields of an offer; nil fields stay.
type OfferPatch struct {
	Title, TitleEN, Summary, SummaryEN, Details, Terms *string
	Sectors, Cooperation, Inventors                    *[]string
	TRL                                                *int
	IP                                                 *[]IPRightDraft
	StateFunded                                        *bool
}

// Draft returns the profile in its unvalidated form.
func (p OfferProfile) Draft() OfferDraft {
	d := OfferDraft{Title: p.Title, TitleEN: p.TitleEN, Summary: p.Summary, SummaryEN: p.SummaryEN,
		Details: p.Details, Terms: p.Terms, Sectors: strs(p.Sectors), Cooperation: strs(p.Cooperation),
		Inventors: p.Inventors, TRL: int(p.TRL), StateFunded: p.StateFunded}
	for _, r := range p.IP {
		rd := IPRightDraft{Kind: string(r.Kind), Pending: r.Pending, Number: r.Number}
		if !r.FiledOn.IsZero() {
			rd.FiledOn = r.FiledOn.String()
		}
		if !r.GrantedOn.IsZero() {
			rd.GrantedOn = r.GrantedOn.String()
		}
		d.IP = append(d.IP, rd)
	}
	return d
}

// MaxIPRights bounds an offer's IP rights, cooperation kinds and inventors.
const MaxIPRights = 20

// NewOfferProfile validates a draft, reporting every problem with its field.
func NewOfferProfile(d OfferDraft) (OfferProfile, error) {
	var (
		p    OfferProfile
		list errs.List
		err  error
	)
	p.Title, err = value.Text(d.Title, true, 200)
	list.Check(err, "title")
	p.TitleEN, err = value.Text(d.TitleEN, false, 200)
	list.Check(err, "titleEn")
	p.Summary, err = value.Text(d.Summary, true, 3000)
	list.Check(err, "summary")
	p.SummaryEN, err = value.Text(d.SummaryEN, false, 3000)
	list.Check(err, "summaryEn")
	p.Details, err = value.Text(d.Details, false, 20000)
	list.Check(err, "details")
	p.Terms, err = value.Text(d.Terms, false, 2000)
	list.Check(err, "terms")
	p.Sectors, err = value.ParseSectors(d.Sectors)
	list.Check(err, "sectors")
	if len(p.Sectors) == 0 && err == nil {
		list.Add(errs.Required("sectors"))
	}
	p.TRL, err = NewTRL(d.TRL)
	list.Check(err, "trl")
	p.StateFunded = d.StateFunded
	if len(d.IP) > MaxIPRights {
		list.Add(tooMany(MaxIPRights, "ip"))
	}
	for i, rd := range d.IP[:min(len(d.IP), MaxIPRights)] {
		r, err := newIPRight(rd)
		if list.Check(err, "ip", fmt.Sprint(i)) {
			p.IP = append(p.IP, r)
		}
	}
	p.Cooperation, err = parseCooperation(d.Cooperation)
	list.Check(err, "cooperation")
	if len(d.Inventors) > MaxIPRights {
		list.Add(tooMany(MaxIPRights, "inventors"))
	}
	for i, n := range d.Inventors[:min(len(d.Inventors), MaxIPRights)] {
		name, err := value.Text(n, true, 120)
		if list.Check(err, "inventors", fmt.Sprint(i)) {
			p.Inventors = append(p.Inventors, name)
		}
	}
	return p, list.Err()
}

func tooMany(n int, field ...string) error {
	return errs.InvalidValue(fmt.Sprintf("Tối đa %d mục.", n), fmt.Sprintf("At most %d items.", n), field...)
}

// NewTRL validates a Technology Readiness Level.
func NewTRL(n int) (TRL, error) {
	if n < 1 || n > 9 {
		return 0, errs.InvalidValue(
			fmt.Sprintf("Mức độ sẵn sàng công nghệ (TRL) phải từ 1 đến 9, không phải %d.", n),
			fmt.Sprintf("The Technology Readiness Level must be 1 to 9, not %d.", n))
	}
	return TRL(n), nil
}

// ipKinds are the kinds an offer's IP right may be: the firm evidence's
// and know-how.
var ipKinds = []firm.IPKind{firm.InventionPatent, firm.UtilitySolution, firm.IndustrialDesign, firm.ICLayoutDesign,
	firm.SoftwareCopyright, firm.PlantVariety, firm.TechnicalAdvance, KnowHow}

func newIPRight(d IPRightDraft) (IPRight, error) {
	var list errs.List
	r := IPRight{Kind: firm.IPKind(d.Kind), Pending: d.Pending}
	if !slices.Contains(ipKinds, r.Kind) {
		list.Add(errs.InvalidValue(fmt.Sprintf("Loại quyền sở hữu trí tuệ %q không hợp lệ.", d.Kind),
			fmt.Sprintf("IP kind %q is not valid.", d.Kind), "kind"))
	}
	var err error
	r.Number, err = value.Text(d.Number, false, 60)
	list.Check(err, "number")
	date := func(s, field string) value.Date {
		if s == "" {
			return value.Date{}
		}
		dt, err := value.ParseDate(s)
		list.Check(err, field)
		return dt
	}
	r.FiledOn, r.GrantedOn = date(d.FiledOn, "filedOn"), date(d.GrantedOn, "grantedOn")
	switch {
	case r.Kind == KnowHow:
		if r.Pending || r.Number != "" || !r.GrantedOn.IsZero() {
			list.Add(errs.InvalidValue("Bí quyết kỹ thuật không có số văn bằng, đơn hay ngày cấp.",
				"Know-how has no title or application number and no grant date.", "kind"))
		}
	case r.Pending:
		if r.FiledOn.IsZero() {
			list.Add(errs.Required("filedOn"))
		}
		if !r.GrantedOn.IsZero() {
			list.Add(errs.InvalidValue("Đơn đang chờ xét chưa có ngày cấp.",
				"An application pending has no grant date yet.", "grantedOn"))
		}
	default:
		if r.Number == "" {
			list.Add(errs.Required("number"))
		}
		if r.GrantedOn.IsZero() {
			list.Add(errs.Required("grantedOn"))
		}
	}
	if !r.FiledOn.IsZero() && !r.GrantedOn.IsZero() && r.FiledOn.After(r.GrantedOn) {
		list.Add(errs.InvalidValue("Ngày cấp phải sau ngày nộp đơn.", "The grant date must follow the filing date.", "grantedOn"))
	}
	return r, list.Err()
}

// ParseCooperation reads one kind of cooperation.
func ParseCooperation(s string) (Cooperation, error) {
	switch c := Cooperation(s); c {
	case Licence, IPSale, JointRnD, TechnicalAssistance, SpinOff:
		return c, nil
	}
	return "", errs.InvalidValue(fmt.Sprintf("Hình thức hợp tác %q không hợp lệ.", s),
		fmt.Sprintf("Kind of cooperation %q is not valid.", s))
}

func parseCooperation(in []string) ([]Cooperation, error) {
	var list errs.List
	var out []Cooperation
	for i, s := range value.Unique(in) {
		c, err := ParseCooperation(s)
		if list.Check(err, fmt.Sprint(i)) {
			out = append(out, c)
		}
	}
	if len(in) == 0 {
		list.Add(errs.Required())
	}
	return out, list.Err()
}

// RequestDraft is a request as a client sends it.
type RequestDraft struct {
	Title, Problem, Deadline string
	Sectors                  []string
	TRL                      int
	BudgetMin, BudgetMax     int64
	Confidential             bool
}

// RequestPatch changes some fields of a request; nil fields stay.
type RequestPatch struct {
	Title, Problem, Deadline *string
	Sectors                  *[]string
	TRL                      *int
	BudgetMin, BudgetMax     *int64
	Confidential             *bool
}

// Draft returns the profile in its unvalidated form.
func (p RequestProfile) Draft() RequestDraft {
	d := RequestDraft{Title: p.Title, Problem: p.Problem, Sectors: strs(p.Sectors), TRL: int(p.TRL),
		BudgetMin: int64(p.Budget.Min), BudgetMax: int64(p.Budget.Max), Confidential: p.Confidential}
	if !p.Deadline.IsZero() {
		d.Deadline = p.Deadline.String()
	}
	return d
}

// NewRequestProfile validates a draft, reporting every problem with its field.
func NewRequestProfile(d RequestDraft) (RequestProfile, error) {
	var (
		p    RequestProfile
		list errs.List
		err  error
	)
	p.Title, err = value.Text(d.Title, true, 200)
	list.Check(err, "title")
	p.Problem, err = value.Text(d.Problem, true, 5000)
	list.Check(err, "problem")
	p.Sectors, err = value.ParseSectors(d.Sectors)
	list.Check(err, "sectors")
	if len(p.Sectors) == 0 && err == nil {
		list.Add(errs.Required("sectors"))
	}
	p.TRL, err = NewTRL(d.TRL)
	list.Check(err, "trl")
	lo, errLo := value.NewVND(d.BudgetMin)
	hi, errHi := value.NewVND(d.BudgetMax)
	if list.Check(errLo, "budgetMinVnd") && list.Check(errHi, "budgetMaxVnd") {
		p.Budget, err = value.NewRange(lo, hi)
		list.Check(err, "budgetMaxVnd")
	}
	if d.Deadline != "" {
		p.Deadline, err = value.ParseDate(d.Deadline)
		list.Check(err, "deadline")
	}
	p.Confidential = d.Confidential
	return p, list.Err()
}

func strs[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

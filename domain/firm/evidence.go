package firm

import (
	"fmt"
	"slices"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// LegalForm is a firm's form under the Law on Enterprises.
type LegalForm string

// The legal forms.
const (
	JointStock        LegalForm = "JOINT_STOCK"
	LLCOneMember      LegalForm = "LLC_ONE_MEMBER"
	LLCMultiMember    LegalForm = "LLC_MULTI_MEMBER"
	Partnership       LegalForm = "PARTNERSHIP"
	PrivateEnterprise LegalForm = "PRIVATE_ENTERPRISE"
)

// IPKind is a kind of intellectual property or recognised S&T result.
type IPKind string

// The IP kinds.
const (
	InventionPatent   IPKind = "INVENTION_PATENT"
	UtilitySolution   IPKind = "UTILITY_SOLUTION"
	IndustrialDesign  IPKind = "INDUSTRIAL_DESIGN"
	ICLayoutDesign    IPKind = "IC_LAYOUT_DESIGN"
	SoftwareCopyright IPKind = "SOFTWARE_COPYRIGHT"
	PlantVariety      IPKind = "PLANT_VARIETY"
	TechnicalAdvance  IPKind = "TECHNICAL_ADVANCE"
)

// Evidence is what screening against innovative-enterprise criteria reads
// about a firm. Every item carries a reference to its supporting document.
type Evidence struct {
	LegalForm         LegalForm
	FirstRegisteredOn value.Date // of the first business registration certificate
	PublicOffering    bool       // a joint-stock company that offered securities to the public
	IPAssets          []IPAsset
	Awards            []Award
	Certificates      []Certificate
	Investments       []Investment
	Confirmations     []Confirmation
}

// IPAsset is a protection title or recognised S&T result.
type IPAsset struct {
	Kind        IPKind
	Number      string
	GrantedOn   value.Date
	ExpiresOn   value.Date // zero: does not expire
	DocumentRef string
}

// Award is a startup, innovation or S&T award.
type Award struct {
	Name          string
	International bool // otherwise national
	AwardedOn     value.Date
	DocumentRef   string
}

// CertificateKind is a kind of enterprise certificate.
type CertificateKind string

// The certificate kinds.
const (
	STEnterprise CertificateKind = "ST_ENTERPRISE"
	HighTech     CertificateKind = "HIGH_TECH"
)

// Certificate is an S&T-enterprise or high-tech-enterprise certificate.
type Certificate struct {
	Kind        CertificateKind
	IssuedOn    value.Date
	ExpiresOn   value.Date // zero: does not expire
	DocumentRef string
}

// Investment is money a fund invested, or committed in writing to invest.
type Investment struct {
	Fund        string
	Amount      value.VND
	On          value.Date
	Commitment  bool // a written commitment rather than money paid in
	DocumentRef string
}

// Confirmation is an incubator's, co-working space's or accelerator's
// written confirmation that it supports (or will support) the firm.
type Confirmation struct {
	Issuer      string
	IssuedOn    value.Date
	DocumentRef string
}

// maxEvidenceItems bounds each list of evidence.
const maxEvidenceItems = 50

// CheckEvidence validates evidence as of today: known kinds, dates not in the
// future and in order, a document for every item. Problems carry their field.
func CheckEvidence(e Evidence, today value.Date) (Evidence, error) {
	// Lists are bounded, which also bounds what a criterion iterating them costs.
	for field, n := range map[string]int{"ipAssets": len(e.IPAssets), "awards": len(e.Awards), "certificates": len(e.Certificates),
		"investments": len(e.Investments), "confirmations": len(e.Confirmations)} {
		if n > maxEvidenceItems {
			return e, errs.InvalidValue(fmt.Sprintf("Tối đa %d mục.", maxEvidenceItems),
				fmt.Sprintf("At most %d items.", maxEvidenceItems), field)
		}
	}
	// Work on copies: the lists are normalised in place.
	e.IPAssets, e.Awards, e.Certificates = slices.Clone(e.IPAssets), slices.Clone(e.Awards), slices.Clone(e.Certificates)
	e.Investments, e.Confirmations = slices.Clone(e.Investments), slices.Clone(e.Confirmations)
	var list errs.List
	switch e.LegalForm {
	case "", JointStock, LLCOneMember, LLCMultiMember, Partnership, PrivateEnterprise:
	default:
		list.Add(errs.InvalidValue(fmt.Sprintf("Loại hình %q không hợp lệ.", e.LegalForm),
			fmt.Sprintf("Legal form %q is not valid.", e.LegalForm), "legalForm"))
	}
	past := func(d value.Date, field ...string) {
		if d.IsZero() {
			list.Add(errs.Required(field...))
		} else if d.After(today) {
			list.Add(errs.InvalidValue("Ngày không được ở tương lai.", "The date cannot be in the future.", field...))
		}
	}
	doc := func(ref string, field ...string) string {
		s, err := value.Text(ref, true, 500)
		list.Check(err, field...)
		return s
	}
	if !e.FirstRegisteredOn.IsZero() {
		past(e.FirstRegisteredOn, "firstRegisteredOn")
	}
	for i, a := range e.IPAssets {
		at := []string{"ipAssets", fmt.Sprint(i)}
		switch a.Kind {
		case InventionPatent, UtilitySolution, IndustrialDesign, ICLayoutDesign, SoftwareCopyright, PlantVariety, TechnicalAdvance:
		default:
			list.Add(errs.InvalidValue(fmt.Sprintf("Loại tài sản trí tuệ %q không hợp lệ.", a.Kind),
				fmt.Sprintf("IP kind %q is not valid.", a.Kind), append(at, "kind")...))
		}
		past(a.GrantedOn, append(at, "grantedOn")...)
		if !a.ExpiresOn.IsZero() && !a.ExpiresOn.After(a.GrantedOn) {
			list.Add(errs.InvalidValue("Ngày hết hạn phải sau ngày cấp.", "The expiry must follow the grant.", append(at, "expiresOn")...))
		}
		e.IPAssets[i].DocumentRef = doc(a.DocumentRef, append(at, "documentRef")...)
	}
	for i, a := range e.Awards {
		at := []string{"awards", fmt.Sprint(i)}
		name, err := value.Text(a.Name, true, 300)
		list.Check(err, append(at, "name")...)
		e.Awards[i].Name = name
		past(a.AwardedOn, append(at, "awardedOn")...)
		e.Awards[i].DocumentRef = doc(a.DocumentRef, append(at, "documentRef")...)
	}
	for i, c := range e.Certificates {
		at := []string{"certificates", fmt.Sprint(i)}
		if c.Kind != STEnterprise && c.Kind != HighTech {
			list.Add(errs.InvalidValue(fmt.Sprintf("Loại giấy chứng nhận %q không hợp lệ.", c.Kind),
				fmt.Sprintf("Certificate kind %q is not valid.", c.Kind), append(at, "kind")...))
		}
		past(c.IssuedOn, append(at, "issuedOn")...)
		if !c.ExpiresOn.IsZero() && !c.ExpiresOn.After(c.IssuedOn) {
			list.Add(errs.InvalidValue("Ngày hết hạn phải sau ngày cấp.", "The expiry must follow the issue date.", append(at, "expiresOn")...))
		}
		e.Certificates[i].DocumentRef = doc(c.DocumentRef, append(at, "documentRef")...)
	}
	for i, inv := range e.Investments {
		at := []string{"investments", fmt.Sprint(i)}
		fund, err := value.Text(inv.Fund, true, 200)
		list.Check(err, append(at, "fund")...)
		e.Investments[i].Fund = fund
		if inv.Amount <= 0 {
			list.Add(errs.InvalidValue("Số tiền phải lớn hơn 0.", "The amount must be above 0.", append(at, "amountVnd")...))
		}
		past(inv.On, append(at, "on")...)
		e.Investments[i].DocumentRef = doc(inv.DocumentRef, append(at, "documentRef")...)
	}
	for i, c := range e.Confirmations {
		at := []string{"confirmations", fmt.Sprint(i)}
		issuer, err := value.Text(c.Issuer, true, 200)
		list.Check(err, append(at, "issuer")...)
		e.Confirmations[i].Issuer = issuer
		past(c.IssuedOn, append(at, "issuedOn")...)
		e.Confirmations[i].DocumentRef = doc(c.DocumentRef, append(at, "documentRef")...)
	}
	return e, list.Err()
}

// Package transfer is the technology marketplace between research
// organisations and firms ("Viện – Trường – Doanh nghiệp"): research
// institutes, universities and labs publish technology offers, firms post
// technology requests, and a firm interested in an offer moves with the
// organisation from interest through a click-through NDA and negotiation to
// an agreement, which the Law on Technology Transfer (2017) may require to
// be registered.
package transfer

import (
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// The records of this package as messages name them.
var (
	EntityOrg          = errs.Entity{VI: "tổ chức nghiên cứu", EN: "Research organisation"}
	EntityOffer        = errs.Entity{VI: "chào bán công nghệ", EN: "Technology offer"}
	EntityRequest      = errs.Entity{VI: "nhu cầu công nghệ", EN: "Technology request"}
	EntityConversation = errs.Entity{VI: "trao đổi chuyển giao công nghệ", EN: "Technology-transfer conversation"}
)

// OrgKind says what a research organisation is.
type OrgKind string

// The organisation kinds.
const (
	University OrgKind = "UNIVERSITY"
	Institute  OrgKind = "INSTITUTE"
	Lab        OrgKind = "LAB"
	TTO        OrgKind = "TTO" // a technology-transfer office
)

// Org is a research organisation: an institute, a university, one of its
// labs or its technology-transfer office.
type Org struct {
	record.Meta
	OrgProfile
}

// OrgProfile is an organisation's validated, editable data; all of it public.
type OrgProfile struct {
	Name, NameEN string
	Kind         OrgKind
	ParentID     string // the university a lab or office belongs to; optional
	Description  string
	Website      string
	Email        value.Email // the public contact
	Phone        value.Phone // optional
}

// TRL is a Technology Readiness Level, 1 (basic principles observed) to 9
// (proven in operation).
type TRL int

// Band is the TRL's band as search facets count it: research (1–3),
// development (4–6), deployment (7–9).
func (t TRL) Band() string {
	switch {
	case t <= 3:
		return "TRL_1_3"
	case t <= 6:
		return "TRL_4_6"
	}
	return "TRL_7_9"
}

// KnowHow is an offer's unpatented know-how, beside the firm evidence's IP kinds.
const KnowHow firm.IPKind = "KNOW_HOW"

// IPRight is the protection of an offer's technology: a title granted, an
// application pending, or know-how.
type IPRight struct {
	Kind      firm.IPKind
	Pending   bool   // an application filed, not yet granted
	Number    string // the title's or application's number
	FiledOn   value.Date
	GrantedOn value.Date
}

// Status is the IP status search facets count: APPLICATION_PENDING, KNOW_HOW
// or the kind of title granted.
func (r IPRight) Status() string {
	if r.Pending {
		return "APPLICATION_PENDING"
	}
	return string(r.Kind)
}

// Cooperation is a kind of deal an offer seeks and an agreement records.
type Cooperation string

// The kinds of cooperation.
const (
	Licence             Cooperation = "LICENCE"
	IPSale              Cooperation = "IP_SALE"
	JointRnD            Cooperation = "JOINT_RND"
	TechnicalAssistance Cooperation = "TECHNICAL_ASSISTANCE"
	SpinOff             Cooperation = "SPIN_OFF"
)

// Cooperations lists the kinds of cooperation.
func Cooperations() []Cooperation {
	return []Cooperation{Licence, IPSale, JointRnD, TechnicalAssistance, SpinOff}
}

var cooperationLabels = value.Labels[Cooperation]{
	Licence: {"li-xăng", "licence"}, IPSale: {"chuyển nhượng quyền sở hữu", "sale of IP"},
	JointRnD: {"hợp tác nghiên cứu", "joint R&D"}, TechnicalAssistance: {"hỗ trợ kỹ thuật", "technical assistance"},
	SpinOff: {"thành lập doanh nghiệp spin-off", "spin-off creation"},
}

// Label names the kind of cooperation in Vietnamese or English.
func (c Cooperation) Label(english bool) string { return cooperationLabels.Of(c, english) }

// OfferStatus is where an offer is in its life.
type OfferStatus string

// The offer statuses.
const (
	Drafted     OfferStatus = "DRAFT"
	Published   OfferStatus = "PUBLISHED"
	Withdrawn   OfferStatus = "WITHDRAWN"
	Transferred OfferStatus = "TRANSFERRED"
)

var offerStatusLabels = value.Labels[OfferStatus]{
	Drafted: {"bản nháp", "draft"}, Published: {"đã công bố", "published"},
	Withdrawn: {"đã rút", "withdrawn"}, Transferred: {"đã chuyển giao", "transferred"},
}

// offerMoves lists where an offer may go from each status.
var offerMoves = map[OfferStatus][]OfferStatus{
	Drafted:   {Published, Withdrawn},
	Published: {Withdrawn, Transferred},
	Withdrawn: {Published},
}

// Offer is a research organisation's technology offer.
type Offer struct {
	record.Meta
	OrgID string
	OfferProfile
	Status      OfferStatus
	PublishedAt time.Time
}

// OfferProfile is an offer's validated, editable data. Details is
// confidential: it opens to a firm only under an NDA.
type OfferProfile struct {
	Title, TitleEN     string
	Summary, SummaryEN string // public
	Details            string // confidential
	Sectors            []value.Sector
	TRL                TRL
	IP                 []IPRight
	StateFunded        bool // the result of a state-funded project: its transfer follows special rules
	Cooperation        []Cooperation
	Terms              string // indicative terms, public
	Inventors          []string
}

// RequestStatus is whether a request still seeks a technology.
type RequestStatus string

// The request statuses.
const (
	RequestOpen   RequestStatus = "OPEN"
	RequestClosed RequestStatus = "CLOSED"
)

// Request is a firm's technology request.
type Request struct {
	record.Meta
	FirmID string // a startup or other firm of the registry
	RequestProfile
	Status RequestStatus
}

// RequestProfile is a request's validated, editable data.
type RequestProfile struct {
	Title    string
	Problem  string
	Sectors  []value.Sector
	TRL      TRL // the lowest readiness the firm can take up
	Budget   value.Range
	Deadline value.Date // optional
	// Confidential hides the firm's identity from everyone but its members
	// and admins; the problem stays public.
	Confidential bool
}

// Stage is where a conversation between a firm and an organisation is.
type Stage string

// The conversation stages.
const (
	Interested  Stage = "INTERESTED"
	NDASigned   Stage = "NDA_SIGNED"
	Negotiating Stage = "NEGOTIATING"
	Agreed      Stage = "AGREED"
	Abandoned   Stage = "ABANDONED"
)

var stageLabels = value.Labels[Stage]{
	Interested: {"quan tâm", "interested"}, NDASigned: {"đã ký NDA", "NDA signed"},
	Negotiating: {"đang đàm phán", "negotiating"}, Agreed: {"đã thoả thuận", "agreed"}, Abandoned: {"đã dừng", "abandoned"},
}

// Label names the stage in Vietnamese or English.
func (s Stage) Label(english bool) string { return stageLabels.Of(s, english) }

// Conversation is a firm's way with one offer, from interest to agreement.
type Conversation struct {
	record.Meta
	OfferID, OrgID, FirmID string
	Message                string // the firm's note with its interest
	Stage                  Stage
	// Accepted is set when the organisation accepts the interest: only then
	// may the firm sign the NDA.
	Accepted  bool
	NDA       *Signature
	Agreement *Agreement
	History   []Step
	Reminders []value.Date // registration reminders sent
}

// Signature is a click-through NDA's acceptance: who, when, which text.
type Signature struct {
	Version string
	Subject string
	Name    string
	At      time.Time
}

// Step is one change of a conversation, kept forever.
type Step struct {
	At       time.Time
	By       string
	From, To Stage
	Note     string
}

// Agreement is what the two sides agreed.
type Agreement struct {
	Type         Cooperation
	Value        value.VND
	SignedOn     value.Date
	FromAbroad   bool // a transfer from abroad into Vietnam
	StateCapital bool // the offer came from a state-funded project
	// RegistrationNumber and RegisteredOn are the registration the Law on
	// Technology Transfer requires of transfers from abroad and of those
	// using state capital.
	RegistrationNumber string
	RegisteredOn       value.Date
	RecordedBy         string
	RecordedAt         time.Time
}

// RegistrationRequired tells whether the law requires the agreement's registration.
func (a Agreement) RegistrationRequired() bool { return a.FromAbroad || a.StateCapital }

// RegistrationMissing tells whether a required registration is not recorded yet.
func (a Agreement) RegistrationMissing() bool {
	return a.RegistrationRequired() && a.RegistrationNumber == ""
}

// DetailRead is one read of an offer's confidential details.
type DetailRead struct {
	ID             string
	OfferID        string
	ConversationID string // empty for a read by an admin
	FirmID         string
	Subject        string
	At             time.Time
}

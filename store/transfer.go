package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
)

type researchOrgDoc struct {
	Meta        metaDoc `bson:",inline"`
	Name        string  `bson:"name"`
	NameEN      string  `bson:"nameEn,omitempty"`
	Kind        string  `bson:"kind"`
	ParentID    string  `bson:"parentId,omitempty"`
	Description string  `bson:"description,omitempty"`
	Website     string  `bson:"website,omitempty"`
	Email       string  `bson:"email"`
	Phone       string  `bson:"phone,omitempty"`
}

func researchOrgToDoc(o transfer.Org) researchOrgDoc {
	d := o.Draft()
	return researchOrgDoc{Meta: metaToDoc(o.Meta), Name: d.Name, NameEN: d.NameEN, Kind: d.Kind, ParentID: d.ParentID,
		Description: d.Description, Website: d.Website, Email: d.Email, Phone: d.Phone}
}

func researchOrgToDomain(d researchOrgDoc) (transfer.Org, error) {
	p, err := transfer.NewOrgProfile(transfer.OrgDraft{Name: d.Name, NameEN: d.NameEN, Kind: d.Kind, ParentID: d.ParentID,
		Description: d.Description, Website: d.Website, Email: d.Email, Phone: d.Phone})
	if err != nil {
		return transfer.Org{}, corrupt(colResearchOrgs, d.Meta.ID, err)
	}
	return transfer.Org{Meta: d.Meta.toDomain(), OrgProfile: p}, nil
}

type ipRightDoc struct {
	Kind      string `bson:"kind"`
	Pending   bool   `bson:"pending,omitempty"`
	Number    string `bson:"number,omitempty"`
	FiledOn   string `bson:"filedOn,omitempty"`
	GrantedOn string `bson:"grantedOn,omitempty"`
}

type techOfferDoc struct {
	Meta        metaDoc      `bson:",inline"`
	OrgID       string       `bson:"orgId"`
	Status      string       `bson:"status"`
	PublishedAt time.Time    `bson:"publishedAt,omitempty"`
	Title       string       `bson:"title"`
	TitleEN     string       `bson:"titleEn,omitempty"`
	Summary     string       `bson:"summary"`
	SummaryEN   string       `bson:"summaryEn,omitempty"`
	Details     string       `bson:"details,omitempty"`
	Terms       string       `bson:"terms,omitempty"`
	Sectors     []string     `bson:"sectors"`
	TRL         int          `bson:"trl"`
	IP          []ipRightDoc `bson:"ip"`
	StateFunded bool         `bson:"stateFunded"`
	Cooperation []string     `bson:"cooperation"`
	Inventors   []string     `bson:"inventors"`
}

func techOfferToDoc(o transfer.Offer) techOfferDoc {
	d := o.Draft()
	doc := techOfferDoc{Meta: metaToDoc(o.Meta), OrgID: o.OrgID, Status: string(o.Status), PublishedAt: o.PublishedAt,
		Title: d.Title, TitleEN: d.TitleEN, Summary: d.Summary, SummaryEN: d.SummaryEN, Details: d.Details, Terms: d.Terms,
		Sectors: d.Sectors, TRL: d.TRL, StateFunded: d.StateFunded, Cooperation: d.Cooperation, Inventors: d.Inventors,
		IP: []ipRightDoc{}}
	for _, r := range d.IP {
		doc.IP = append(doc.IP, ipRightDoc(r))
	}
	return doc
}

func techOfferToDomain(d techOfferDoc) (transfer.Offer, error) {
	draft := transfer.OfferDraft{Title: d.Title, TitleEN: d.TitleEN, Summary: d.Summary, SummaryEN: d.SummaryEN,
		Details: d.Details, Terms: d.Terms, Sectors: d.Sectors, TRL: d.TRL, StateFunded: d.StateFunded,
		Cooperation: d.Cooperation, Inventors: d.Inventors}
	for _, r := range d.IP {
		draft.IP = append(draft.IP, transfer.IPRightDraft(r))
	}
	p, err := transfer.NewOfferProfile(draft)
	if err != nil {
		return transfer.Offer{}, corrupt(colTechOffers, d.Meta.ID, err)
	}
	o := transfer.Offer{Meta: d.Meta.toDomain(), OrgID: d.OrgID, OfferProfile: p, Status: transfer.OfferStatus(d.Status)}
	if !d.PublishedAt.IsZero() {
		o.PublishedAt = d.PublishedAt.UTC()
	}
	return o, nil
}

type techRequestDoc struct {
	Meta         metaDoc  `bson:",inline"`
	FirmID       string   `bson:"firmId"`
	Status       string   `bson:"status"`
	Title        string   `bson:"title"`
	Problem      string   `bson:"problem"`
	Sectors      []string `bson:"sectors"`
	TRL          int      `bson:"trl"`
	BudgetMin    int64    `bson:"budgetMinVnd"`
	BudgetMax    int64    `bson:"budgetMaxVnd"`
	Deadline     string   `bson:"deadline,omitempty"`
	Confidential bool     `bson:"confidential"`
}

func techRequestToDoc(r transfer.Request) techRequestDoc {
	d := r.Draft()
	return techRequestDoc{Meta: metaToDoc(r.Meta), FirmID: r.FirmID, Status: string(r.Status), Title: d.Title,
		Problem: d.Problem, Sectors: d.Sectors, TRL: d.TRL, BudgetMin: d.BudgetMin, BudgetMax: d.BudgetMax,
		Deadline: d.Deadline, Confidential: d.Confidential}
}

func techRequestToDomain(d techRequestDoc) (transfer.Request, error) {
	p, err := transfer.NewRequestProfile(transfer.RequestDraft{Title: d.Title, Problem: d.Problem, Deadline: d.Deadline,
		Sectors: d.Sectors, TRL: d.TRL, BudgetMin: d.BudgetMin, BudgetMax: d.BudgetMax, Confidential: d.Confidential})
	if err != nil {
		return transfer.Request{}, corrupt(colTechRequests, d.Meta.ID, err)
	}
	return transfer.Request{Meta: d.Meta.toDomain(), FirmID: d.FirmID, RequestProfile: p, Status: transfer.RequestStatus(d.Status)}, nil
}

type signatureDoc struct {
	Version string    `bson:"version"`
	Subject string    `bson:"subject"`
	Name    string    `bson:"name,omitempty"`
	At      time.Time `bson:"at"`
}

type agreementDoc struct {
	Type               string    `bson:"type"`
	Value              int64     `bson:"valueVnd"`
	SignedOn           string    `bson:"signedOn"`
	FromAbroad         bool      `bson:"fromAbroad"`
	StateCapital       bool      `bson:"stateCapital"`
	RegistrationNumber string    `bson:"registrationNumber,omitempty"`
	RegisteredOn       string    `bson:"registeredOn,omitempty"`
	RecordedBy         string    `bson:"recordedBy"`
	RecordedAt         time.Time `bson:"recordedAt"`
}

type stepDoc struct {
	At   time.Time `bson:"at"`
	By   string    `bson:"by"`
	From string    `bson:"from,omitempty"`
	To   string    `bson:"to"`
	Note string    `bson:"note,omitempty"`
}

type conversationDoc struct {
	Meta      metaDoc       `bson:",inline"`
	OfferID   string        `bson:"offerId"`
	OrgID     string        `bson:"orgId"`
	FirmID    string        `bson:"firmId"`
	Message   string        `bson:"message,omitempty"`
	Stage     string        `bson:"stage"`
	Accepted  bool          `bson:"accepted"`
	NDA       *signatureDoc `bson:"nda,omitempty"`
	Agreement *agreementDoc `bson:"agreement,omitempty"`
	// RegistrationMissing is derived from the agreement, for the reminder
	// job's query.
	RegistrationMissing bool      `bson:"registrationMissing"`
	History             []stepDoc `bson:"history"`
	Reminders           []string  `bson:"reminders"`
}

func dateString(d value.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func conversationToDoc(c transfer.Conversation) conversationDoc {
	d := conversationDoc{Meta: metaToDoc(c.Meta), OfferID: c.OfferID, OrgID: c.OrgID, FirmID: c.FirmID, Message: c.Message,
		Stage: string(c.Stage), Accepted: c.Accepted, History: []stepDoc{}, Reminders: []string{}}
	if s := c.NDA; s != nil {
		d.NDA = &signatureDoc{Version: s.Version, Subject: s.Subject, Name: s.Name, At: s.At}
	}
	if a := c.Agreement; a != nil {
		d.Agreement = &agreementDoc{Type: string(a.Type), Value: int64(a.Value), SignedOn: a.SignedOn.String(),
			FromAbroad: a.FromAbroad, StateCapital: a.StateCapital, RegistrationNumber: a.RegistrationNumber,
			RegisteredOn: dateString(a.RegisteredOn), RecordedBy: a.RecordedBy, RecordedAt: a.RecordedAt}
		d.RegistrationMissing = a.RegistrationMissing()
	}
	for _, s := range c.History {
		d.History = append(d.History, stepDoc{At: s.At, By: s.By, From: string(s.From), To: string(s.To), Note: s.Note})
	}
	for _, r := range c.Reminders {
		d.Reminders = append(d.Reminders, r.String())
	}
	return d
}

func conversationToDomain(d conversationDoc) (transfer.Conversation, error) {
	c := transfer.Conversation{Meta: d.Meta.toDomain(), OfferID: d.OfferID, OrgID: d.OrgID, FirmID: d.FirmID,
		Message: d.Message, Stage: transfer.Stage(d.Stage), Accepted: d.Accepted}
	bad := func(err error) (transfer.Conversation, error) {
		return transfer.Conversation{}, corrupt(colConversations, d.Meta.ID, err)
	}
	if s := d.NDA; s != nil {
		c.NDA = &transfer.Signature{Version: s.Version, Subject: s.Subject, Name: s.Name, At: s.At.UTC()}
	}
	if a := d.Agreement; a != nil {
		signed, err := value.ParseDate(a.SignedOn)
		if err != nil {
			return bad(err)
		}
		var registered value.Date
		if a.RegisteredOn != "" {
			if registered, err = value.ParseDate(a.RegisteredOn); err != nil {
				return bad(err)
			}
		}
		c.Agreement = &transfer.Agreement{Type: transfer.Cooperation(a.Type), Value: value.VND(a.Value), SignedOn: signed,
			FromAbroad: a.FromAbroad, StateCapital: a.StateCapital, RegistrationNumber: a.RegistrationNumber,
			RegisteredOn: registered, RecordedBy: a.RecordedBy, RecordedAt: a.RecordedAt.UTC()}
	}
	for _, s := range d.History {
		c.History = append(c.History, transfer.Step{At: s.At.UTC(), By: s.By, From: transfer.Stage(s.From), To: transfer.Stage(s.To), Note: s.Note})
	}
	for _, r := range d.Reminders {
		dt, err := value.ParseDate(r)
		if err != nil {
			return bad(err)
		}
		c.Reminders = append(c.Reminders, dt)
	}
	return c, nil
}

// ResearchOrgs stores research organisations.
type ResearchOrgs struct {
	filtered[transfer.Org, researchOrgDoc, transfer.OrgFilter]
}

// TechOffers stores technology offers.
type TechOffers struct {
	filtered[transfer.Offer, techOfferDoc, transfer.OfferFilter]
}

// TechRequests stores technology requests.
type TechRequests struct {
	filtered[transfer.Request, techRequestDoc, transfer.RequestFilter]
}

// Conversations stores technology-transfer conversations, one per offer and firm.
type Conversations struct {
	filtered[transfer.Conversation, conversationDoc, transfer.ConversationFilter]
}

var (
	_ transfer.Store[transfer.Org, transfer.OrgFilter]                   = (*ResearchOrgs)(nil)
	_ transfer.Store[transfer.Offer, transfer.OfferFilter]               = (*TechOffers)(nil)
	_ transfer.Store[transfer.Request, transfer.RequestFilter]           = (*TechRequests)(nil)
	_ transfer.Store[transfer.Conversation, transfer.ConversationFilter] = (*Conversations)(nil)
)

// NewResearchOrgs returns the research organisation store of db.
func NewResearchOrgs(db *DB) *ResearchOrgs {
	return &ResearchOrgs{filtered[transfer.Org, researchOrgDoc, transfer.OrgFilter]{
		filter: func(transfer.OrgFilter) bson.D { return bson.D{} },
		repo: repo[transfer.Org, researchOrgDoc]{db: db, coll: db.coll(colResearchOrgs), toDoc: researchOrgToDoc,
			toDomain: researchOrgToDomain, meta: func(o *transfer.Org) *record.Meta { return &o.Meta },
			entity: transfer.EntityOrg}}}
}

// NewTechOffers returns the technology offer store of db.
func NewTechOffers(db *DB) *TechOffers {
	return &TechOffers{filtered[transfer.Offer, techOfferDoc, transfer.OfferFilter]{
		filter: func(f transfer.OfferFilter) bson.D {
			return inIfSet(eqIfSet(bson.D{}, "orgId", f.OrgID), "status", names(f.Statuses))
		},
		repo: repo[transfer.Offer, techOfferDoc]{db: db, coll: db.coll(colTechOffers), toDoc: techOfferToDoc,
			toDomain: techOfferToDomain, meta: func(o *transfer.Offer) *record.Meta { return &o.Meta },
			entity: transfer.EntityOffer, searchAs: search.TechOffer}}}
}

// NewTechRequests returns the technology request store of db.
func NewTechRequests(db *DB) *TechRequests {
	return &TechRequests{filtered[transfer.Request, techRequestDoc, transfer.RequestFilter]{
		filter: func(f transfer.RequestFilter) bson.D {
			return inIfSet(eqIfSet(bson.D{}, "firmId", f.FirmID), "status", names(f.Statuses))
		},
		repo: repo[transfer.Request, techRequestDoc]{db: db, coll: db.coll(colTechRequests), toDoc: techRequestToDoc,
			toDomain: techRequestToDomain, meta: func(r *transfer.Request) *record.Meta { return &r.Meta },
			entity: transfer.EntityRequest, searchAs: search.TechRequest}}}
}

// NewConversations returns the conversation store of db.
func NewConversations(db *DB) *Conversations {
	return &Conversations{filtered[transfer.Conversation, conversationDoc, transfer.ConversationFilter]{
		filter: func(f transfer.ConversationFilter) bson.D {
			q := eqIfSet(eqIfSet(eqIfSet(bson.D{}, "offerId", f.OfferID), "orgId", f.OrgID), "firmId", f.FirmID)
			q = inIfSet(q, "stage", names(f.Stages))
			return eqIfSet(q, "registrationMissing", f.RegistrationMissing)
		},
		repo: repo[transfer.Conversation, conversationDoc]{db: db, coll: db.coll(colConversations), toDoc: conversationToDoc,
			toDomain: conversationToDomain, meta: func(c *transfer.Conversation) *record.Meta { return &c.Meta },
			entity: transfer.EntityConversation,
			onDuplicate: func(err error) error {
				return errs.New(errs.Conflict, errs.CodeDuplicateRequest, nil, "Trao đổi này đã có.", "This conversation exists already.")
			}}}}
}

type detailReadDoc struct {
	ID             string    `bson:"_id"`
	OfferID        string    `bson:"offerId"`
	ConversationID string    `bson:"conversationId,omitempty"`
	FirmID         string    `bson:"firmId,omitempty"`
	Subject        string    `bson:"subject"`
	At             time.Time `bson:"at"`
}

// DetailReads stores the reads of offers' confidential details.
type DetailReads struct {
	coll *collection
}

var _ transfer.ReadLog = (*DetailReads)(nil)

// NewDetailReads returns the read log of db.
func NewDetailReads(db *DB) *DetailReads { return &DetailReads{coll: db.coll(colOfferReads)} }

// Add appends one read.
func (s *DetailReads) Add(ctx context.Context, r transfer.DetailRead) error {
	if _, err := s.coll.InsertOne(ctx, detailReadDoc(r)); err != nil {
		return errs.Internalf(err, "log a read of offer details")
	}
	return nil
}

// CountForOffer counts an offer's reads.
func (s *DetailReads) CountForOffer(ctx context.Context, offerID string) (int, error) {
	return countIn(ctx, s.coll, bson.D{{Key: "offerId", Value: offerID}})
}

// ForOffer pages an offer's reads, newest first.
func (s *DetailReads) ForOffer(ctx context.Context, offerID string, p value.Page) (value.Slice[transfer.DetailRead], error) {
	return newestFirst(ctx, s.coll, bson.D{{Key: "offerId", Value: offerID}}, p, func(d detailReadDoc) transfer.DetailRead {
		r := transfer.DetailRead(d)
		r.At = r.At.UTC()
		return r
	})
}

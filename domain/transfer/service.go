package transfer

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Store keeps one kind of record. Implementations return NOT_FOUND errors
// for unknown IDs, and a Conflict error when Create meets an existing ID.
type Store[E any, F any] interface {
	Create(ctx context.Context, e E) error
	Get(ctx context.Context, id string) (E, error)
	GetMany(ctx context.Context, ids []string) (map[string]E, error)
	// Update loads the record, runs fn and writes it back with its version
	// bumped, only if nobody wrote in between; it retries fn on a lost race.
	Update(ctx context.Context, id string, fn func(*E) error) (E, error)
	// List pages the records matching f in creation order; All returns them all.
	List(ctx context.Context, f F, p value.Page) (value.Slice[E], error)
	Count(ctx context.Context, f F) (int, error)
	All(ctx context.Context, f F) ([]E, error)
}

// OrgFilter narrows a list of organisations; the zero value lists all.
type OrgFilter struct{}

// OfferFilter narrows a list of offers; zero fields do not filter.
type OfferFilter struct {
	OrgID    string
	Statuses []OfferStatus
}

// RequestFilter narrows a list of requests; zero fields do not filter.
type RequestFilter struct {
	FirmID   string
	Statuses []RequestStatus
}

// ConversationFilter narrows a list of conversations; zero fields do not
// filter. Stage lists stages any of which matches.
type ConversationFilter struct {
	OfferID, OrgID, FirmID string
	Stages                 []Stage
	// RegistrationMissing keeps the agreements whose required registration
	// is not recorded.
	RegistrationMissing bool
}

// ReadLog keeps the reads of offers' confidential details.
type ReadLog interface {
	Add(ctx context.Context, r DetailRead) error
	// ForOffer pages an offer's reads, newest first.
	ForOffer(ctx context.Context, offerID string, p value.Page) (value.Slice[DetailRead], error)
	CountForOffer(ctx context.Context, offerID string) (int, error)
}

// Firms reads the firms of the registry.
type Firms interface {
	Get(ctx context.Context, id string) (firm.Startup, error)
}

// Stores are the stores the service needs.
type Stores struct {
	Orgs          Store[Org, OrgFilter]
	Offers        Store[Offer, OfferFilter]
	Requests      Store[Request, RequestFilter]
	Conversations Store[Conversation, ConversationFilter]
	Reads         ReadLog
}

// Service holds the technology-transfer use-cases.
type Service struct {
	st    Stores
	firms Firms
	clock clock.Clock
	// Changed is told of every change to an organisation, offer or request,
	// after the write: the matching service rescores.
	Changed record.Listeners[string]
}

// NewService wires the technology-transfer use-cases.
func NewService(st Stores, firms Firms, c clock.Clock) *Service {
	return &Service{st: st, firms: firms, clock: c}
}

// at puts a domain error under an input field; other errors pass.
func at(err error, field string) error {
	var e *errs.Error
	if errors.As(err, &e) && e.Kind != errs.Internal {
		return e.At(field)
	}
	return err
}

// --- Research organisations ---

// CreateOrg registers a research organisation (admins).
func (s *Service) CreateOrg(ctx context.Context, d OrgDraft) (Org, error) {
	if err := policy.ManageResearchOrgs(identity.FromContext(ctx)); err != nil {
		return Org{}, err
	}
	p, err := s.orgProfile(ctx, "", d)
	if err != nil {
		return Org{}, err
	}
	o := Org{Meta: record.New(s.clock.Now()), OrgProfile: p}
	if err := s.st.Orgs.Create(ctx, o); err != nil {
		return Org{}, fmt.Errorf("create research organisation: %w", err)
	}
	s.Changed.Notify(o.ID)
	return o, nil
}

// orgProfile validates a draft and checks its parent: an existing
// university, not the organisation itself.
func (s *Service) orgProfile(ctx context.Context, id string, d OrgDraft) (OrgProfile, error) {
	p, err := NewOrgProfile(d)
	var list errs.List
	list.Add(err)
	if p.ParentID != "" {
		parent, perr := s.st.Orgs.Get(ctx, p.ParentID)
		switch {
		case perr != nil:
			list.Add(at(perr, "parentId"))
		case parent.ID == id || parent.Kind != University:
			list.Add(errs.InvalidValue("Đơn vị chủ quản phải là một trường đại học khác.",
				"The parent must be another organisation, a university.", "parentId"))
		}
	}
	return p, list.Err()
}

// UpdateOrg changes an organisation (admins and its staff).
func (s *Service) UpdateOrg(ctx context.Context, id string, version int64, patch OrgPatch) (Org, error) {
	if err := policy.ManageResearchOrg(identity.FromContext(ctx), id); err != nil {
		return Org{}, err
	}
	o, err := s.st.Orgs.Update(ctx, id, func(o *Org) error {
		d := o.Draft()
		value.Overlay(&d, patch)
		next, err := s.orgProfile(ctx, id, d)
		if err != nil {
			return err
		}
		if err := o.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		o.OrgProfile = next
		return nil
	})
	if err != nil {
		return Org{}, err
	}
	s.Changed.Notify(o.ID)
	return o, nil
}

// Orgs pages the organisations.
func (s *Service) Orgs(ctx context.Context, p value.Page) (value.Slice[Org], error) {
	return s.st.Orgs.List(ctx, OrgFilter{}, p)
}

// CountOrgs counts the organisations.
func (s *Service) CountOrgs(ctx context.Context) (int, error) {
	return s.st.Orgs.Count(ctx, OrgFilter{})
}

// --- Offers ---

// CreateOffer writes a draft offer of an organisation (its staff, admins).
func (s *Service) CreateOffer(ctx context.Context, orgID string, d OfferDraft) (Offer, error) {
	if _, err := s.st.Orgs.Get(ctx, orgID); err != nil {
		return Offer{}, at(err, "organizationId")
	}
	if err := policy.ManageResearchOrg(identity.FromContext(ctx), orgID); err != nil {
		return Offer{}, err
	}
	p, err := NewOfferProfile(d)
	if err != nil {
		return Offer{}, err
	}
	o := Offer{Meta: record.New(s.clock.Now()), OrgID: orgID, OfferProfile: p, Status: Drafted}
	if err := s.st.Offers.Create(ctx, o); err != nil {
		return Offer{}, fmt.Errorf("create offer: %w", err)
	}
	return o, nil
}

// UpdateOffer changes an offer that is not transferred.
func (s *Service) UpdateOffer(ctx context.Context, id string, version int64, patch OfferPatch) (Offer, error) {
	return s.changeOffer(ctx, id, version, func(o *Offer) error {
		if o.Status == Transferred {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Công nghệ đã chuyển giao không sửa được nữa.", "A transferred offer can no longer be changed.")
		}
		d := o.Draft()
		value.Overlay(&d, patch)
		next, err := NewOfferProfile(d)
		if err != nil {
			return err
		}
		o.OfferProfile = next
		return nil
	})
}

// SetOfferStatus publishes, withdraws or republishes an offer; an offer
// becomes TRANSFERRED only by an agreement that sells its IP.
func (s *Service) SetOfferStatus(ctx context.Context, id string, version int64, to OfferStatus) (Offer, error) {
	return s.changeOffer(ctx, id, version, func(o *Offer) error {
		if to == Transferred || !slices.Contains(offerMoves[o.Status], to) {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, []string{"status"},
				fmt.Sprintf("Không thể chuyển chào bán từ “%s” sang “%s”.", offerStatusLabels.Of(o.Status, false), offerStatusLabels.Of(to, false)),
				fmt.Sprintf("An offer cannot go from “%s” to “%s”.", offerStatusLabels.Of(o.Status, true), offerStatusLabels.Of(to, true)))
		}
		if to == Published && o.PublishedAt.IsZero() {
			o.PublishedAt = s.clock.Now()
		}
		o.Status = to
		return nil
	})
}

func (s *Service) changeOffer(ctx context.Context, id string, version int64, fn func(*Offer) error) (Offer, error) {
	o, err := s.st.Offers.Update(ctx, id, func(o *Offer) error {
		if err := policy.ManageResearchOrg(identity.FromContext(ctx), o.OrgID); err != nil {
			return err
		}
		if err := o.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		return fn(o)
	})
	if err != nil {
		return Offer{}, err
	}
	s.Changed.Notify(o.ID)
	return o, nil
}

// Public tells whether an offer is seen by everyone: published or transferred.
func (o Offer) Public() bool { return o.Status == Published || o.Status == Transferred }

// Offer returns an offer: a public one to anyone, a draft or withdrawn one
// to its organisation's staff (NOT_FOUND to others).
func (s *Service) Offer(ctx context.Context, id string) (Offer, error) {
	o, err := s.st.Offers.Get(ctx, id)
	if err != nil {
		return Offer{}, err
	}
	if !o.Public() && policy.ManageResearchOrg(identity.FromContext(ctx), o.OrgID) != nil {
		return Offer{}, EntityOffer.NotFound()
	}
	return o, nil
}

// offerFilter narrows f to what the caller may list: the public offers,
// or every offer of an organisation to its staff.
func offerFilter(ctx context.Context, f OfferFilter) OfferFilter {
	if f.OrgID != "" && policy.ManageResearchOrg(identity.FromContext(ctx), f.OrgID) == nil {
		return f
	}
	public := []OfferStatus{Published, Transferred}
	if len(f.Statuses) == 0 {
		f.Statuses = public
		return f
	}
	f.Statuses = slices.DeleteFunc(slices.Clone(f.Statuses), func(st OfferStatus) bool { return !slices.Contains(public, st) })
	if len(f.Statuses) == 0 {
		f.Statuses = []OfferStatus{"-"} // asked only for what the caller may not see
	}
	return f
}

// Offers pages the offers the caller may see.
func (s *Service) Offers(ctx context.Context, f OfferFilter, p value.Page) (value.Slice[Offer], error) {
	return s.st.Offers.List(ctx, offerFilter(ctx, f), p)
}

// CountOffers counts what Offers pages.
func (s *Service) CountOffers(ctx context.Context, f OfferFilter) (int, error) {
	return s.st.Offers.Count(ctx, offerFilter(ctx, f))
}

// Details returns an offer's confidential details to its organisation's
// staff, to admins, and to the members of a firm that signed the NDA in a
// conversation about it. Every read but the organisation's own is logged.
func (s *Service) Details(ctx context.Context, o Offer) (string, error) {
	p := identity.FromContext(ctx)
	if p.ActsFor(identity.RoleTTOManager, o.OrgID) {
		return o.Details, nil
	}
	read := DetailRead{OfferID: o.ID, Subject: p.Subject}
	if !p.Has(identity.RoleAdmin) {
		if err := policy.NegotiateFor(p, p.OrgID); err != nil {
			return "", err
		}
		c, ok, err := s.MyConversation(ctx, o)
		if err != nil {
			return "", err
		}
		if !ok || c.NDA == nil {
			return "", errs.New(errs.PermissionDenied, errs.CodeForbidden, nil,
				"Thông tin chi tiết chỉ mở sau khi doanh nghiệp chấp nhận thoả thuận bảo mật (NDA).",
				"The details open only once the firm has accepted the non-disclosure agreement (NDA).")
		}
		read.ConversationID, read.FirmID = c.ID, c.FirmID
	}
	now := s.clock.Now()
	read.ID, read.At = value.NewID(now), now
	if err := s.st.Reads.Add(ctx, read); err != nil {
		return "", fmt.Errorf("log the read of offer %s's details: %w", o.ID, err)
	}
	return o.Details, nil
}

// DetailReads pages who read an offer's details, newest first, for its
// organisation's staff and admins.
func (s *Service) DetailReads(ctx context.Context, o Offer, p value.Page) (value.Slice[DetailRead], error) {
	if err := policy.ManageResearchOrg(identity.FromContext(ctx), o.OrgID); err != nil {
		return value.Slice[DetailRead]{}, err
	}
	return s.st.Reads.ForOffer(ctx, o.ID, p)
}

// CountDetailReads counts what DetailReads pages.
func (s *Service) CountDetailReads(ctx context.Context, o Offer) (int, error) {
	if err := policy.ManageResearchOrg(identity.FromContext(ctx), o.OrgID); err != nil {
		return 0, err
	}
	return s.st.Reads.CountForOffer(ctx, o.ID)
}

// --- Requests ---

// CreateRequest posts a firm's technology request (its members, its
// incubator's managers, admins); it is open at once.
func (s *Service) CreateRequest(ctx context.Context, firmID string, d RequestDraft) (Request, error) {
	st, err := s.firms.Get(ctx, firmID)
	if err != nil {
		return Request{}, at(err, "firmId")
	}
	if err := policy.ManageStartup(identity.FromContext(ctx), st.ID, st.IncubatorID); err != nil {
		return Request{}, err
	}
	p, err := NewRequestProfile(d)
	if err != nil {
		return Request{}, err
	}
	r := Request{Meta: record.New(s.clock.Now()), FirmID: firmID, RequestProfile: p, Status: RequestOpen}
	if err := s.st.Requests.Create(ctx, r); err != nil {
		return Request{}, fmt.Errorf("create request: %w", err)
	}
	s.Changed.Notify(r.ID)
	return r, nil
}

// UpdateRequest changes a request, or closes or reopens it (status).
func (s *Service) UpdateRequest(ctx context.Context, id string, version int64, patch RequestPatch, status *RequestStatus) (Request, error) {
	r, err := s.st.Requests.Update(ctx, id, func(r *Request) error {
		if err := s.manageRequest(ctx, *r); err != nil {
			return err
		}
		if err := r.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		d := r.Draft()
		value.Overlay(&d, patch)
		next, err := NewRequestProfile(d)
		if err != nil {
			return err
		}
		r.RequestProfile = next
		if status != nil {
			r.Status = *status
		}
		return nil
	})
	if err != nil {
		return Request{}, err
	}
	s.Changed.Notify(r.ID)
	return r, nil
}

func (s *Service) manageRequest(ctx context.Context, r Request) error {
	st, err := s.firms.Get(ctx, r.FirmID)
	if err != nil {
		return err
	}
	return policy.ManageStartup(identity.FromContext(ctx), st.ID, st.IncubatorID)
}

// ManagesRequest tells whether the caller is among the firm's people who
// may edit the request.
func (s *Service) ManagesRequest(ctx context.Context, r Request) bool {
	return s.manageRequest(ctx, r) == nil
}

// FirmOf returns the firm that posted a request, or "" when the request
// is confidential and the caller is not among the firm's people.
func (s *Service) FirmOf(ctx context.Context, r Request) string {
	if r.Confidential && s.manageRequest(ctx, r) != nil {
		return ""
	}
	return r.FirmID
}

// requestFilter narrows f to what the caller may list: open requests, or
// every request of a firm to its people.
func (s *Service) requestFilter(ctx context.Context, f RequestFilter) RequestFilter {
	if f.FirmID != "" {
		if st, err := s.firms.Get(ctx, f.FirmID); err == nil &&
			policy.ManageStartup(identity.FromContext(ctx), st.ID, st.IncubatorID) == nil {
			return f
		}
	}
	f.Statuses = []RequestStatus{RequestOpen}
	return f
}

// Requests pages the requests the caller may see. A confidential
// request is never listed by its firm to others.
func (s *Service) Requests(ctx context.Context, f RequestFilter, p value.Page) (value.Slice[Request], error) {
	return s.st.Requests.List(ctx, s.requestFilter(ctx, f), p)
}

// CountRequests counts what Requests pages.
func (s *Service) CountRequests(ctx context.Context, f RequestFilter) (int, error) {
	return s.st.Requests.Count(ctx, s.requestFilter(ctx, f))
}

// Matchable lists what the matching engine scores: the published and
// transferred offers (those describe what their organisation has solved),
// the open requests and every organisation.
func (s *Service) Matchable(ctx context.Context) ([]Offer, []Request, []Org, error) {
	offers, err := s.st.Offers.All(ctx, OfferFilter{Statuses: []OfferStatus{Published, Transferred}})
	if err != nil {
		return nil, nil, nil, err
	}
	requests, err := s.st.Requests.All(ctx, RequestFilter{Statuses: []RequestStatus{RequestOpen}})
	if err != nil {
		return nil, nil, nil, err
	}
	orgs, err := s.st.Orgs.All(ctx, OrgFilter{})
	return offers, requests, orgs, err
}

// OrgsByID returns the organisations among ids, for batched loads.
func (s *Service) OrgsByID(ctx context.Context, ids []string) (map[string]Org, error) {
	return s.st.Orgs.GetMany(ctx, ids)
}

// OffersByID returns the offers among ids the caller may see, for batched loads.
func (s *Service) OffersByID(ctx context.Context, ids []string) (map[string]Offer, error) {
	m, err := s.st.Offers.GetMany(ctx, ids)
	p := identity.FromContext(ctx)
	for id, o := range m {
		if !o.Public() && policy.ManageResearchOrg(p, o.OrgID) != nil {
			delete(m, id)
		}
	}
	return m, err
}

// RequestsByID returns the requests among ids the caller may see, for batched loads.
func (s *Service) RequestsByID(ctx context.Context, ids []string) (map[string]Request, error) {
	m, err := s.st.Requests.GetMany(ctx, ids)
	for id, r := range m {
		if r.Status != RequestOpen && s.manageRequest(ctx, r) != nil {
			delete(m, id)
		}
	}
	return m, err
}

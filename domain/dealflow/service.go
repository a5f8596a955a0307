package dealflow

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
)

// DealStore keeps deals, one document per investor and startup.
type DealStore interface {
	Get(ctx context.Context, id string) (Deal, error)
	// Upsert runs fn on the deal id, starting from fresh() when there is none.
	Upsert(ctx context.Context, id string, fresh func() Deal, fn func(*Deal) error) (Deal, error)
	ForInvestor(ctx context.Context, investorID string) ([]Deal, error)
}

// SavedSearchStore keeps saved searches.
type SavedSearchStore interface {
	Create(ctx context.Context, s SavedSearch) error
	Get(ctx context.Context, id string) (SavedSearch, error)
	Delete(ctx context.Context, id string) error
	ForInvestor(ctx context.Context, investorID string) ([]SavedSearch, error)
	All(ctx context.Context) ([]SavedSearch, error)
}

// NotificationStore keeps notifications.
type NotificationStore interface {
	// Add stores n unless one with its key exists.
	Add(ctx context.Context, n Notification) (added bool, err error)
	// List pages a recipient's notifications, newest first.
	List(ctx context.Context, to Recipient, unreadOnly bool, p value.Page) (value.Slice[Notification], error)
	// Count counts what List pages.
	Count(ctx context.Context, to Recipient, unreadOnly bool) (int, error)
	Get(ctx context.Context, id string) (Notification, error)
	MarkRead(ctx context.Context, id string, at time.Time) (Notification, error)
}

// GrantStore keeps data-room grants, one per startup and investor.
type GrantStore interface {
	Get(ctx context.Context, startupID, investorID string) (Grant, bool, error)
	Put(ctx context.Context, g Grant) error
	ForStartup(ctx context.Context, startupID string) ([]Grant, error)
}

// AccessLog keeps the reads of confidential fields by grantees.
type AccessLog interface {
	Add(ctx context.Context, a Access) error
	// ForStartup pages a startup's log, newest first.
	ForStartup(ctx context.Context, startupID string, p value.Page) (value.Slice[Access], error)
	// CountForStartup counts what ForStartup pages.
	CountForStartup(ctx context.Context, startupID string) (int, error)
}

// Stores are the service's storage.
type Stores struct {
	Deals         DealStore
	SavedSearches SavedSearchStore
	Notifications NotificationStore
	Grants        GrantStore
	Access        AccessLog
}

// Service is deal flow, pipelines, saved searches and data rooms.
type Service struct {
	st     Stores
	firms  *firm.Service
	eco    *ecosystem.Service
	index  search.Index
	scores Scores
	clock  clock.Clock
}

// Scores returns the matching engine's scores (0–1) of startups for an
// investor, where they exist.
type Scores func(ctx context.Context, investorID string) (map[string]float64, error)

// NewService wires the service.
func NewService(st Stores, firms *firm.Service, eco *ecosystem.Service, index search.Index, scores Scores, clk clock.Clock) *Service {
	return &Service{st: st, firms: firms, eco: eco, index: index, scores: scores, clock: clk}
}

// investor checks that the caller acts for the investor, which exists.
func (s *Service) investor(ctx context.Context, investorID string) (identity.Principal, error) {
	p := identity.FromContext(ctx)
	if err := policy.ManageInvestor(p, investorID); err != nil {
		return p, err
	}
	if _, err := s.eco.Investor(ctx, investorID); err != nil {
		return p, err
	}
	return p, nil
}

// Deals lists an investor's deals, in a stage or all, most recently moved
// first.
func (s *Service) Deals(ctx context.Context, investorID string, stage *Stage) ([]Deal, error) {
	if _, err := s.investor(ctx, investorID); err != nil {
		return nil, err
	}
	ds, err := s.st.Deals.ForInvestor(ctx, investorID)
	if err != nil {
		return nil, err
	}
	ds = slices.DeleteFunc(ds, func(d Deal) bool { return stage != nil && d.Stage != *stage })
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].StageSince.After(ds[j].StageSince) })
	return ds, nil
}

// Pipeline counts an investor's deals per stage, every stage listed.
func (s *Service) Pipeline(ctx context.Context, investorID string) ([]StageCount, error) {
	ds, err := s.Deals(ctx, investorID, nil)
	if err != nil {
		return nil, err
	}
	out := make([]StageCount, len(Stages))
	for i, st := range Stages {
		out[i].Stage = st
		for _, d := range ds {
			if d.Stage == st {
				out[i].Count++
			}
		}
	}
	return out, nil
}

// MoveDeal puts a startup into a stage of the investor's pipeline, adding
// it to the pipeline if needed, with an optional note.
func (s *Service) MoveDeal(ctx context.Context, investorID, startupID string, stage Stage, note string) (Deal, error) {
	p, err := s.investor(ctx, investorID)
	if err != nil {
		return Deal{}, err
	}
	if note, err = value.Text(note, false, 2000); err != nil {
		return Deal{}, at(err, "note")
	}
	if _, err := s.firms.Get(ctx, startupID); err != nil {
		return Deal{}, at(err, "startupId")
	}
	now := s.clock.Now()
	return s.st.Deals.Upsert(ctx, DealID(investorID, startupID), func() Deal {
		// Created at the stage it moves to, so that it is never seen
		// without one; its history starts with the move below.
		return Deal{Meta: record.Meta{ID: DealID(investorID, startupID), Version: 1, CreatedAt: now, UpdatedAt: now},
			InvestorID: investorID, StartupID: startupID, Stage: stage, StageSince: now}
	}, func(d *Deal) error {
		if len(d.History) > 0 && d.Stage == stage {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, []string{"stage"},
				fmt.Sprintf("Thương vụ đã ở giai đoạn %s.", stage), fmt.Sprintf("The deal is already at %s.", stage))
		}
		d.Stage, d.StageSince, d.UpdatedAt = stage, now, now
		d.History = append(d.History, StageChange{Stage: stage, At: now, By: p.Subject})
		return addNote(d, note, now, p.Subject)
	})
}

// AddNote adds a note to the investor's deal on a startup; a startup not
// yet in the pipeline enters it as SOURCED.
func (s *Service) AddNote(ctx context.Context, investorID, startupID, text string) (Deal, error) {
	p, err := s.investor(ctx, investorID)
	if err != nil {
		return Deal{}, err
	}
	if text, err = value.Text(text, true, 2000); err != nil {
		return Deal{}, at(err, "text")
	}
	if _, err := s.firms.Get(ctx, startupID); err != nil {
		return Deal{}, at(err, "startupId")
	}
	now := s.clock.Now()
	return s.st.Deals.Upsert(ctx, DealID(investorID, startupID), func() Deal {
		return Deal{Meta: record.Meta{ID: DealID(investorID, startupID), Version: 1, CreatedAt: now, UpdatedAt: now},
			InvestorID: investorID, StartupID: startupID, Stage: Sourced, StageSince: now,
			History: []StageChange{{Stage: Sourced, At: now, By: p.Subject}}}
	}, func(d *Deal) error {
		d.UpdatedAt = now
		return addNote(d, text, now, p.Subject)
	})
}

func addNote(d *Deal, text string, now time.Time, by string) error {
	if text == "" {
		return nil
	}
	byHand := 0
	for _, n := range d.Notes {
		if n.Ref == "" {
			byHand++
		}
	}
	if byHand >= maxNotes {
		return errs.InvalidValue(fmt.Sprintf("Một thương vụ có tối đa %d ghi chú.", maxNotes),
			fmt.Sprintf("A deal holds at most %d notes.", maxNotes), "note")
	}
	d.Notes = append(d.Notes, Note{Text: text, At: now, By: by})
	return nil
}

// Deal returns the investor's deal on a startup, if any.
func (s *Service) Deal(ctx context.Context, investorID, startupID string) (*Deal, error) {
	if _, err := s.investor(ctx, investorID); err != nil {
		return nil, err
	}
	d, err := s.st.Deals.Get(ctx, DealID(investorID, startupID))
	if errs.KindOf(err) == errs.NotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// at puts a domain error under an input field; other errors pass.
func at(err error, field string) error {
	var e *errs.Error
	if errors.As(err, &e) && e.Kind != errs.Internal {
		return e.At(field)
	}
	return err
}

// Now is the service's clock reading.
func (s *Service) Now() time.Time { return s.clock.Now() }

// SavedSearch returns a saved search by ID.
func (s *Service) SavedSearch(ctx context.Context, id string) (*SavedSearch, error) {
	ss, err := s.st.SavedSearches.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	return &ss, nil
}

// DealByID returns a deal by its ID, for the investor's users and admins.
func (s *Service) DealByID(ctx context.Context, id string) (Deal, error) {
	investorID, startupID, ok := strings.Cut(id, "-")
	if !ok {
		return Deal{}, EntityDeal.NotFound()
	}
	d, err := s.Deal(ctx, investorID, startupID)
	if err == nil && d == nil {
		err = EntityDeal.NotFound()
	}
	if err != nil {
		return Deal{}, err
	}
	return *d, nil
}

// OwnSavedSearch returns a saved search, for its investor's users and admins.
func (s *Service) OwnSavedSearch(ctx context.Context, id string) (SavedSearch, error) {
	ss, err := s.st.SavedSearches.Get(ctx, id)
	if err != nil {
		return ss, err
	}
	_, err = s.investor(ctx, ss.InvestorID)
	return ss, err
}

// Notification returns one of the caller's notifications.
func (s *Service) Notification(ctx context.Context, id string) (Notification, error) {
	to, err := notified(identity.FromContext(ctx))
	if err != nil {
		return Notification{}, err
	}
	n, err := s.st.Notifications.Get(ctx, id)
	if err == nil && (n.InvestorID != to.InvestorID || n.ForStartupID != to.StartupID) {
		err = EntityNotification.NotFound()
	}
	return n, err
}

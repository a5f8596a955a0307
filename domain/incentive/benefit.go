package incentive

import (
	"context"
	"fmt"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// ClaimStatus is where a firm's claim of an incentive is.
type ClaimStatus string

// The claim statuses.
const (
	Applied  ClaimStatus = "APPLIED"
	Received ClaimStatus = "RECEIVED"
	Refused  ClaimStatus = "REFUSED"
)

// BenefitDraft is what an admin or incubator manager records of a claim.
type BenefitDraft struct {
	StartupID    string
	IncentiveKey string
	Status       ClaimStatus
	AppliedOn    value.Date
	DecidedOn    value.Date // when it was received or refused
	Amount       value.VND  // what was received (or its estimated value, for tax and land)
	Note         string
}

// BenefitRecord is a firm's claim of an incentive: what it applied for and
// what it received, for the city's statistics.
type BenefitRecord struct {
	record.Meta
	BenefitDraft
	IncubatorID string // copied from the firm, so its incubator can list its cohort's
	RecordedBy  string // the subject of who recorded it last
}

// BenefitFilter narrows a list of benefit records; zero fields do not filter.
type BenefitFilter struct {
	StartupID string
}

// BenefitStore keeps benefit records.
type BenefitStore interface {
	Create(ctx context.Context, b BenefitRecord) error
	Get(ctx context.Context, id string) (BenefitRecord, error)
	Update(ctx context.Context, id string, fn func(*BenefitRecord) error) (BenefitRecord, error)
	All(ctx context.Context, f BenefitFilter) ([]BenefitRecord, error)
}

// checkBenefitDraft validates a claim against the catalogue's keys.
func checkBenefitDraft(d BenefitDraft, known func(key string) bool) (BenefitDraft, error) {
	var list errs.List
	var err error
	if d.IncentiveKey == "" {
		list.Add(errs.Required("incentiveKey"))
	} else if !known(d.IncentiveKey) {
		list.Add(EntityIncentive.NotFound("incentiveKey"))
	}
	switch d.Status {
	case Applied:
		if !d.DecidedOn.IsZero() {
			list.Add(errs.InvalidValue("Hồ sơ đang chờ chưa có ngày quyết định.",
				"A claim still applied for has no decision date.", "decidedOn"))
		}
	case Received, Refused:
		if d.DecidedOn.IsZero() {
			list.Add(errs.Required("decidedOn"))
		}
	default:
		list.Add(errs.InvalidValue(fmt.Sprintf("Trạng thái %q không hợp lệ.", d.Status),
			fmt.Sprintf("Status %q is not valid.", d.Status), "status"))
	}
	if d.AppliedOn.IsZero() {
		list.Add(errs.Required("appliedOn"))
	} else if !d.DecidedOn.IsZero() && d.AppliedOn.After(d.DecidedOn) {
		list.Add(errs.InvalidValue("Ngày quyết định không được trước ngày nộp.",
			"The decision cannot come before the application.", "decidedOn"))
	}
	if d.Amount < 0 {
		list.Add(errs.InvalidValue("Số tiền không được âm.", "The amount must not be negative.", "amountVnd"))
	} else if d.Amount > 0 && d.Status != Received {
		list.Add(errs.InvalidValue("Chỉ ghi số tiền khi đã nhận ưu đãi.",
			"An amount is recorded only for a received incentive.", "amountVnd"))
	}
	d.Note, err = value.Text(d.Note, false, 1000)
	list.Check(err, "note")
	return d, list.Err()
}

// knownKeys reports whether a key names an incentive that was ever
// published: a claim may outlive its incentive's retirement.
func (s *Service) knownKeys(ctx context.Context) (func(string) bool, error) {
	all, err := s.store.List(ctx, "")
	if err != nil {
		return nil, err
	}
	keys := map[string]bool{}
	for _, i := range all {
		if i.Status != Draft {
			keys[i.Key] = true
		}
	}
	return func(k string) bool { return keys[k] }, nil
}

// RecordBenefit records a firm's claim of an incentive: admins, and the
// managers of the firm's incubator.
func (s *Service) RecordBenefit(ctx context.Context, d BenefitDraft) (BenefitRecord, error) {
	p := identity.FromContext(ctx)
	f, err := s.claimant(ctx, p, d.StartupID)
	if err != nil {
		return BenefitRecord{}, err
	}
	known, err := s.knownKeys(ctx)
	if err != nil {
		return BenefitRecord{}, err
	}
	if d, err = checkBenefitDraft(d, known); err != nil {
		return BenefitRecord{}, err
	}
	b := BenefitRecord{Meta: record.New(s.clock.Now()), BenefitDraft: d, IncubatorID: f.IncubatorID, RecordedBy: p.Subject}
	if err := s.benefits.Create(ctx, b); err != nil {
		return BenefitRecord{}, fmt.Errorf("record benefit: %w", err)
	}
	return b, nil
}

// UpdateBenefit changes a claim, e.g. when it is decided; its firm stays.
func (s *Service) UpdateBenefit(ctx context.Context, id string, version int64, d BenefitDraft) (BenefitRecord, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return BenefitRecord{}, err
	}
	known, err := s.knownKeys(ctx)
	if err != nil {
		return BenefitRecord{}, err
	}
	return s.benefits.Update(ctx, id, func(b *BenefitRecord) error {
		if err := policy.ManageIncubator(p, b.IncubatorID); err != nil {
			return err
		}
		if err := b.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		d.StartupID = b.StartupID
		checked, err := checkBenefitDraft(d, known)
		if err != nil {
			return err
		}
		b.BenefitDraft, b.RecordedBy = checked, p.Subject
		return nil
	})
}

// claimant returns the firm a claim is for, if the caller may record it.
func (s *Service) claimant(ctx context.Context, p identity.Principal, startupID string) (firm.Startup, error) {
	if err := policy.Authenticated(p); err != nil {
		return firm.Startup{}, err
	}
	found, err := s.firms.GetMany(ctx, []string{startupID})
	if err != nil {
		return firm.Startup{}, err
	}
	f, ok := found[startupID]
	if !ok {
		return firm.Startup{}, firm.EntityStartup.NotFound("startupId")
	}
	if err := policy.ManageIncubator(p, f.IncubatorID); err != nil {
		return firm.Startup{}, err
	}
	return f, nil
}

// BenefitsOf lists a firm's claims, to whoever may read its confidential
// data.
func (s *Service) BenefitsOf(ctx context.Context, f firm.Startup) ([]BenefitRecord, error) {
	if err := policy.ManageStartup(identity.FromContext(ctx), f.ID, f.IncubatorID); err != nil {
		return nil, err
	}
	return s.benefits.All(ctx, BenefitFilter{StartupID: f.ID})
}

// Benefit returns one claim, to whoever may read its firm's confidential
// data.
func (s *Service) Benefit(ctx context.Context, id string) (BenefitRecord, error) {
	b, err := s.benefits.Get(ctx, id)
	if err != nil {
		return BenefitRecord{}, err
	}
	if err := policy.ManageStartup(identity.FromContext(ctx), b.StartupID, b.IncubatorID); err != nil {
		return BenefitRecord{}, err
	}
	return b, nil
}

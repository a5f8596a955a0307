package funding

import (
	"context"
	"fmt"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// FundDraft is a fund's profile as a client sends it.
type FundDraft struct {
	Name, NameEN, Description string
	Public                    bool
}

// FundPatch changes some fields of a fund; nil fields stay.
type FundPatch struct {
	Name, NameEN, Description *string
	Public                    *bool
}

// Draft returns the fund's profile in its unvalidated form.
func (f Fund) Draft() FundDraft {
	return FundDraft{Name: f.Name, NameEN: f.NameEN, Description: f.Description, Public: f.Public}
}

// setProfile validates a draft into f's profile fields, reporting every
// problem with its field; f is unchanged on error.
func (f *Fund) setProfile(d FundDraft) error {
	var (
		next = *f
		list errs.List
		err  error
	)
	next.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	next.NameEN, err = value.Text(d.NameEN, false, 200)
	list.Check(err, "nameEn")
	next.Description, err = value.Text(d.Description, false, 5000)
	list.Check(err, "description")
	next.Public = d.Public
	if err := list.Err(); err != nil {
		return err
	}
	*f = next
	return nil
}

// CreateFund registers a fund; admins only.
func (s *Service) CreateFund(ctx context.Context, d FundDraft) (Fund, error) {
	if err := policy.ManageRegistry(identity.FromContext(ctx)); err != nil {
		return Fund{}, err
	}
	f := Fund{Meta: record.New(s.clock.Now())}
	if err := f.setProfile(d); err != nil {
		return Fund{}, err
	}
	if err := s.st.Funds.Create(ctx, f); err != nil {
		return Fund{}, fmt.Errorf("create fund: %w", err)
	}
	return f, nil
}

// UpdateFund changes a fund's profile, for admins and its managers,
// provided the caller saw the current version.
func (s *Service) UpdateFund(ctx context.Context, id string, version int64, patch FundPatch) (Fund, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Fund{}, err
	}
	f, err := s.st.Funds.Update(ctx, id, func(cur *Fund) error {
		if err := policy.ManageFund(p, cur.ID); err != nil {
			return err
		}
		d := cur.Draft()
		value.Overlay(&d, patch)
		if err := cur.setProfile(d); err != nil {
			return err
		}
		return cur.Touch(version, s.clock.Now())
	})
	if err != nil {
		return Fund{}, fmt.Errorf("update fund %s: %w", id, err)
	}
	return f, nil
}

package dealflow

import (
	"context"
	"fmt"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/value"
)

// manage checks that the caller manages the startup, which exists.
func (s *Service) manage(ctx context.Context, startupID string) (firm.Startup, identity.Principal, error) {
	p := identity.FromContext(ctx)
	st, err := s.firms.Get(ctx, startupID)
	if err != nil {
		return st, p, at(err, "startupId")
	}
	return st, p, policy.ManageStartup(p, st.ID, st.IncubatorID)
}

// GrantAccess lets an investor read the startup's confidential fields until
// expiresAt; granting again changes the expiry and lifts a revocation. The
// investor is notified once per expiry granted, so a retried grant is told
// of once.
func (s *Service) GrantAccess(ctx context.Context, startupID, investorID string, expiresAt time.Time) (Grant, error) {
	st, p, err := s.manage(ctx, startupID)
	if err != nil {
		return Grant{}, err
	}
	if _, err := s.eco.Investor(ctx, investorID); err != nil {
		return Grant{}, at(err, "investorId")
	}
	now := s.clock.Now()
	if !expiresAt.After(now) || expiresAt.Sub(now) > maxGrant {
		return Grant{}, errs.InvalidValue(
			"Thời hạn truy cập phải sau thời điểm hiện tại và không quá một năm.",
			"The access must expire after now and within a year.", "expiresAt")
	}
	g := Grant{StartupID: startupID, InvestorID: investorID, GrantedBy: p.Subject, GrantedAt: now, ExpiresAt: expiresAt}
	if err := s.st.Grants.Put(ctx, g); err != nil {
		return Grant{}, err
	}
	_, err = s.st.Notifications.Add(ctx, Notification{ID: value.NewID(now),
		Key:        "grant/" + startupID + "/" + investorID + "/" + expiresAt.UTC().Format(time.RFC3339Nano),
		InvestorID: investorID, Kind: DataRoomOpened, StartupID: startupID, StartupName: st.Name,
		ExpiresAt: expiresAt, CreatedAt: now})
	return g, err
}

// RevokeAccess ends an investor's access at once.
func (s *Service) RevokeAccess(ctx context.Context, startupID, investorID string) (Grant, error) {
	if _, _, err := s.manage(ctx, startupID); err != nil {
		return Grant{}, err
	}
	g, ok, err := s.st.Grants.Get(ctx, startupID, investorID)
	if err != nil {
		return Grant{}, err
	}
	now := s.clock.Now()
	if !ok || !g.ActiveAt(now) {
		return Grant{}, errs.NotFoundf("quyền truy cập còn hiệu lực của nhà đầu tư này", "An active grant to this investor", "investorId")
	}
	g.RevokedAt = now
	return g, s.st.Grants.Put(ctx, g)
}

// Grants lists a startup's grants, for those who manage it.
func (s *Service) Grants(ctx context.Context, startupID string) ([]Grant, error) {
	if _, _, err := s.manage(ctx, startupID); err != nil {
		return nil, err
	}
	return s.st.Grants.ForStartup(ctx, startupID)
}

// AccessLog pages who read the startup's confidential fields under a
// grant, newest first, for those who manage it.
func (s *Service) AccessLog(ctx context.Context, startupID string, p value.Page) (value.Slice[Access], error) {
	if _, _, err := s.manage(ctx, startupID); err != nil {
		return value.Slice[Access]{}, err
	}
	return s.st.Access.ForStartup(ctx, startupID, p)
}

// CountAccessLog counts the reads in a startup's log.
func (s *Service) CountAccessLog(ctx context.Context, startupID string) (int, error) {
	if _, _, err := s.manage(ctx, startupID); err != nil {
		return 0, err
	}
	return s.st.Access.CountForStartup(ctx, startupID)
}

// Confidential returns a startup's contact and financials (and allows its
// evidence) to those who manage it, and to the users of an investor holding
// an active grant — whose every read is logged as a read of field.
func (s *Service) Confidential(ctx context.Context, st firm.Startup, field string) (firm.Contact, firm.Financials, error) {
	c, f, err := s.firms.Confidential(ctx, st)
	if errs.KindOf(err) != errs.PermissionDenied {
		return c, f, err
	}
	p := identity.FromContext(ctx)
	if !p.Has(identity.RoleInvestor) || p.OrgID == "" {
		return c, f, err
	}
	g, ok, gerr := s.st.Grants.Get(ctx, st.ID, p.OrgID)
	if gerr != nil {
		return c, f, gerr
	}
	now := s.clock.Now()
	if !ok || !g.ActiveAt(now) {
		return c, f, err
	}
	if err := s.st.Access.Add(ctx, Access{ID: value.NewID(now), StartupID: st.ID, InvestorID: p.OrgID,
		Subject: p.Subject, Field: field, At: now}); err != nil {
		return firm.Contact{}, firm.Financials{}, fmt.Errorf("log the data-room read: %w", err)
	}
	// The startup's members hear of an investor's reads once a day (the log has each one).
	if _, err := s.st.Notifications.Add(ctx, Notification{ID: value.NewID(now),
		Key:          "read/" + st.ID + "/" + p.OrgID + "/" + value.DateOf(now).String(),
		ForStartupID: st.ID, Kind: DataRoomRead, StartupID: st.ID, StartupName: st.Name, ReaderID: p.OrgID, CreatedAt: now}); err != nil {
		return firm.Contact{}, firm.Financials{}, fmt.Errorf("notify the data-room read: %w", err)
	}
	return st.Contact, st.Financials, nil
}

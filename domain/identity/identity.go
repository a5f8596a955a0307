// Package identity describes who is calling: the authenticated principal, its
// roles and the organisation it acts for.
package identity

import (
	"context"
	"fmt"
	"slices"
)

// Role is what a user may do on the platform.
type Role string

// The roles.
const (
	RoleAdmin            Role = "ADMIN"
	RoleIncubatorManager Role = "INCUBATOR_MANAGER"
	RoleFundManager      Role = "FUND_MANAGER"
	RoleInvestor         Role = "INVESTOR"
	RoleStartupMember    Role = "STARTUP_MEMBER"
	RoleReviewer         Role = "REVIEWER"
	RoleRegulator        Role = "REGULATOR"
	RoleTTOManager       Role = "TTO_MANAGER"
	RoleOfficial         Role = "OFFICIAL"
)

// Roles lists every role.
func Roles() []Role {
	return []Role{RoleAdmin, RoleIncubatorManager, RoleFundManager, RoleInvestor,
		RoleStartupMember, RoleReviewer, RoleRegulator, RoleTTOManager, RoleOfficial}
}

// ParseRole validates a role name.
func ParseRole(s string) (Role, error) {
	if !slices.Contains(Roles(), Role(s)) {
		return "", fmt.Errorf("unknown role %q", s)
	}
	return Role(s), nil
}

// Principal is the caller of a request. The zero value is the anonymous caller.
type Principal struct {
	Subject string // the user's stable ID at the identity provider
	Name    string // the user's name as the identity provider gave it; may be empty
	Roles   []Role
	OrgID   string // the domain ID of the organisation the user acts for (startup, incubator, fund, investor…)
}

// Anonymous reports whether nobody is signed in.
func (p Principal) Anonymous() bool { return p.Subject == "" }

// Has reports whether p holds role r.
func (p Principal) Has(r Role) bool { return slices.Contains(p.Roles, r) }

// ActsFor reports whether p holds role r on behalf of organisation orgID.
func (p Principal) ActsFor(r Role, orgID string) bool {
	return orgID != "" && p.OrgID == orgID && p.Has(r)
}

type ctxKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// FromContext returns the principal in ctx, or the anonymous one.
func FromContext(ctx context.Context) Principal {
	p, _ := ctx.Value(ctxKey{}).(Principal)
	return p
}

package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
)

func who(role identity.Role, org string) identity.Principal {
	return identity.Principal{Subject: "u-" + string(role), Roles: []identity.Role{role}, OrgID: org}
}

// outcome is "" for allowed, else the error code.
func outcome(err error) string {
	if err == nil {
		return ""
	}
	return string(errs.Flatten(err)[0].Code)
}

func TestStartupPolicies(t *testing.T) {
	t.Parallel()
	const startup, incubator = "s1", "i1"
	tests := []struct {
		name          string
		p             identity.Principal
		manage        string
		createInInc   string
		createNoInc   string
		moveToOwnInc  string
		moveOutOfInc1 string
	}{
		{"anonymous", identity.Principal{}, "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"},
		{"admin", who(identity.RoleAdmin, ""), "", "", "", "", ""},
		{"member", who(identity.RoleStartupMember, startup), "", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"founder without firm", who(identity.RoleStartupMember, ""), "FORBIDDEN", "FORBIDDEN", "", "FORBIDDEN", "FORBIDDEN"},
		{"member of another", who(identity.RoleStartupMember, "s2"), "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"its incubator's manager", who(identity.RoleIncubatorManager, incubator), "", "", "FORBIDDEN", "", ""},
		{"another incubator's manager", who(identity.RoleIncubatorManager, "i2"), "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"investor acting for the id", who(identity.RoleInvestor, startup), "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
		{"regulator", who(identity.RoleRegulator, ""), "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.manage, outcome(policy.ManageStartup(tt.p, startup, incubator)), "manage")
			assert.Equal(t, tt.createInInc, outcome(policy.CreateStartup(tt.p, incubator)), "create in incubator")
			assert.Equal(t, tt.createNoInc, outcome(policy.CreateStartup(tt.p, "")), "create alone")
			assert.Equal(t, tt.moveToOwnInc, outcome(policy.MoveStartupToIncubator(tt.p, "", incubator)), "move in")
			assert.Equal(t, tt.moveOutOfInc1, outcome(policy.MoveStartupToIncubator(tt.p, incubator, "")), "move out")
		})
	}
}

func TestRegistryPolicies(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "", outcome(policy.CreateInvestor(who(identity.RoleInvestor, ""))))
	assert.Equal(t, "FORBIDDEN", outcome(policy.CreateInvestor(who(identity.RoleInvestor, "inv1"))), "already acts for one")
	assert.Equal(t, "", outcome(policy.ManageInvestor(who(identity.RoleInvestor, "inv1"), "inv1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageInvestor(who(identity.RoleInvestor, "inv2"), "inv1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageInvestor(who(identity.RoleStartupMember, "inv1"), "inv1")))
	assert.Equal(t, "", outcome(policy.CreateMentor(who(identity.RoleIncubatorManager, ""))))
	assert.Equal(t, "FORBIDDEN", outcome(policy.CreateMentor(who(identity.RoleInvestor, ""))))
	self := identity.Principal{Subject: "mentor-7", Roles: []identity.Role{identity.RoleReviewer}}
	assert.Equal(t, "", outcome(policy.ManageMentor(self, "mentor-7")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageMentor(self, "")), "an unlinked profile is not anyone's own")
	assert.Equal(t, "UNAUTHENTICATED", outcome(policy.Authenticated(identity.Principal{})))
}

func TestFundingPolicies(t *testing.T) {
	t.Parallel()
	const fund, startup = "f1", "s1"
	manager, other := who(identity.RoleFundManager, fund), who(identity.RoleFundManager, "f2")
	member, reviewer := who(identity.RoleStartupMember, startup), identity.Principal{Subject: "r1", Roles: []identity.Role{identity.RoleReviewer}}
	admin := who(identity.RoleAdmin, "")
	assert.Equal(t, "", outcome(policy.ManageFund(manager, fund)))
	assert.Equal(t, "", outcome(policy.ManageFund(admin, fund)))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageFund(other, fund)))
	assert.Equal(t, "UNAUTHENTICATED", outcome(policy.ManageFund(identity.Principal{}, fund)))
	assert.Equal(t, "", outcome(policy.ApplyFor(member, startup)))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ApplyFor(admin, startup)), "admins do not apply for startups")
	for name, tt := range map[string]struct {
		p        identity.Principal
		assigned bool
		want     string
	}{
		"member": {member, false, ""}, "fund manager": {manager, false, ""}, "admin": {admin, false, ""},
		"assigned reviewer": {reviewer, true, ""}, "unassigned reviewer": {reviewer, false, "FORBIDDEN"},
		"other fund": {other, false, "FORBIDDEN"}, "anonymous": {identity.Principal{}, true, "UNAUTHENTICATED"},
		"assigned but no REVIEWER role": {identity.Principal{Subject: "r1"}, true, "FORBIDDEN"},
	} {
		assert.Equal(t, tt.want, outcome(policy.ViewApplication(tt.p, startup, fund, tt.assigned)), name)
	}
	assert.Equal(t, "", outcome(policy.ActAsReviewer(reviewer, "r1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ActAsReviewer(reviewer, "r2")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ActAsReviewer(reviewer, "")))
	assert.Equal(t, "", outcome(policy.CreateReviewer(manager)))
	assert.Equal(t, "FORBIDDEN", outcome(policy.CreateReviewer(member)))
}

func TestSandboxPolicies(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "", outcome(policy.ManageSandbox(who(identity.RoleRegulator, "p1"), "p1")))
	assert.Equal(t, "", outcome(policy.ManageSandbox(who(identity.RoleAdmin, ""), "p1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageSandbox(who(identity.RoleRegulator, "p2"), "p1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageSandbox(who(identity.RoleFundManager, "p1"), "p1")))
	assert.Equal(t, "UNAUTHENTICATED", outcome(policy.ManageSandbox(identity.Principal{}, "p1")))
	assert.Equal(t, "", outcome(policy.CreateSandboxProgram(who(identity.RoleAdmin, ""))))
	assert.Equal(t, "FORBIDDEN", outcome(policy.CreateSandboxProgram(who(identity.RoleRegulator, "p1"))))
}

func TestEventPolicies(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "", outcome(policy.ManageEvent(who(identity.RoleIncubatorManager, "i1"), "i1")))
	assert.Equal(t, "", outcome(policy.ManageEvent(who(identity.RoleAdmin, ""), "i1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageEvent(who(identity.RoleIncubatorManager, "i2"), "i1")))
	assert.Equal(t, "FORBIDDEN", outcome(policy.ManageEvent(who(identity.RoleStartupMember, "i1"), "i1")))
	assert.Equal(t, "UNAUTHENTICATED", outcome(policy.ManageEvent(identity.Principal{}, "i1")))
}

// Package policy decides who may do what. Every authorization rule of the
// domain lives here, so that it can be read, reviewed and tested in one place;
// use-cases call these functions and never check roles themselves.
package policy

import (
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
)

// deny returns UNAUTHENTICATED for anonymous callers and FORBIDDEN otherwise.
func deny(p identity.Principal) error {
	if p.Anonymous() {
		return errs.UnauthenticatedErr()
	}
	return errs.Forbidden()
}

func allow(p identity.Principal, ok bool) error {
	if ok && !p.Anonymous() {
		return nil
	}
	return deny(p)
}

// CreateStartup allows admins; managers of the incubator the startup joins; and a
// founder registering a firm (a startup member not yet acting for one), who may
// not place it in an incubator.
func CreateStartup(p identity.Principal, incubatorID string) error {
	return allow(p, p.Has(identity.RoleAdmin) ||
		(incubatorID != "" && p.ActsFor(identity.RoleIncubatorManager, incubatorID)) ||
		(incubatorID == "" && p.Has(identity.RoleStartupMember) && p.OrgID == ""))
}

// ManageStartup decides who edits a startup and reads its confidential
// contact and financials: its members, its incubator's managers, and admins.
func ManageStartup(p identity.Principal, startupID, incubatorID string) error {
	return allow(p, p.Has(identity.RoleAdmin) ||
		p.ActsFor(identity.RoleStartupMember, startupID) ||
		(incubatorID != "" && p.ActsFor(identity.RoleIncubatorManager, incubatorID)))
}

// MoveStartupToIncubator decides who places a startup in an incubator or
// takes it out of one: admins, or the managers of the incubator it joins
// (or, when it leaves for none, of the one it leaves).
func MoveStartupToIncubator(p identity.Principal, from, to string) error {
	return allow(p, p.Has(identity.RoleAdmin) ||
		(to != "" && p.ActsFor(identity.RoleIncubatorManager, to)) ||
		(to == "" && p.ActsFor(identity.RoleIncubatorManager, from)))
}

// CreateInvestor allows admins, and an investor registering their own profile.
func CreateInvestor(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin) || (p.Has(identity.RoleInvestor) && p.OrgID == ""))
}

// ManageInvestor allows admins and the investor's own users.
func ManageInvestor(p identity.Principal, investorID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleInvestor, investorID))
}

// CreateMentor allows admins and incubator managers, who recruit mentors.
func CreateMentor(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.Has(identity.RoleIncubatorManager))
}

// ManageMentor allows admins, incubator managers, and the mentor themself (the user
// whose subject the profile is linked to).
func ManageMentor(p identity.Principal, mentorSubject string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.Has(identity.RoleIncubatorManager) ||
		(mentorSubject != "" && p.Subject == mentorSubject))
}

// Authenticated requires a signed-in caller: every change to the platform needs a signed-in caller.
func Authenticated(p identity.Principal) error {
	return allow(p, true)
}

// ManageFund allows admins and the fund's managers to run its calls:
// create, edit, publish, close, cancel, assign reviewers, rank and decide.
func ManageFund(p identity.Principal, fundID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleFundManager, fundID))
}

// ApplyFor allows a startup's members to apply, edit drafts and withdraw on
// its behalf. Admins do not apply for startups.
func ApplyFor(p identity.Principal, startupID string) error {
	return allow(p, p.ActsFor(identity.RoleStartupMember, startupID))
}

// ViewApplication allows the applying startup's members, the fund's managers,
// admins and the reviewers assigned to the application.
func ViewApplication(p identity.Principal, startupID, fundID string, assignedReviewer bool) error {
	if ApplyFor(p, startupID) == nil || ManageFund(p, fundID) == nil {
		return nil
	}
	return allow(p, assignedReviewer && p.Has(identity.RoleReviewer))
}

// ActAsReviewer allows the user a reviewer profile belongs to, holding the
// REVIEWER role, to review and to declare conflicts.
func ActAsReviewer(p identity.Principal, reviewerSubject string) error {
	return allow(p, p.Has(identity.RoleReviewer) && reviewerSubject != "" && p.Subject == reviewerSubject)
}

// CreateReviewer allows admins and fund managers to register reviewers.
func CreateReviewer(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.Has(identity.RoleFundManager))
}

// ManageCriteria allows admins only to write, publish and retire criteria
// sets and to run screening on demand.
func ManageCriteria(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin))
}

// ManageSandbox allows admins and the program's regulators to assess,
// approve, watch and end tests in a sandbox program.
func ManageSandbox(p identity.Principal, programID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleRegulator, programID))
}

// CreateSandboxProgram allows admins only.
func CreateSandboxProgram(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin))
}

// ViewCityStatistics allows city officials and admins to read the city's
// statistics (open data publishes them to everyone, suppressed).
func ViewCityStatistics(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.Has(identity.RoleOfficial))
}

// OperateJobs allows admins to see scheduled jobs, their runs, and run them.
func OperateJobs(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin))
}

// ManageRegistry allows admins to register incubators and funds and to
// onboard startups in bulk.
func ManageRegistry(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin))
}

// ManageIncubator allows admins and the incubator's managers to edit its profile.
func ManageIncubator(p identity.Principal, incubatorID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleIncubatorManager, incubatorID))
}

// ManageEvent allows admins and the managers of the incubator running an
// event to create, publish and schedule it, approve registrations and read
// its report.
func ManageEvent(p identity.Principal, incubatorID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleIncubatorManager, incubatorID))
}

// ManageResearchOrgs allows admins to register research organisations.
func ManageResearchOrgs(p identity.Principal) error {
	return allow(p, p.Has(identity.RoleAdmin))
}

// ManageResearchOrg allows admins and the organisation's technology-transfer
// staff to edit it, write and publish its technology offers, read their
// confidential details, and answer the firms interested in them.
func ManageResearchOrg(p identity.Principal, orgID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleTTOManager, orgID))
}

// NegotiateFor allows a firm's members to express interest in technology
// offers, accept NDAs and negotiate on the firm's behalf. Admins do not
// sign for firms.
func NegotiateFor(p identity.Principal, firmID string) error {
	return allow(p, p.ActsFor(identity.RoleStartupMember, firmID))
}

// ViewConversation allows the two sides of a technology-transfer
// conversation — the organisation's staff and the firm's members — and admins.
func ViewConversation(p identity.Principal, orgID, firmID string) error {
	return allow(p, p.Has(identity.RoleAdmin) || p.ActsFor(identity.RoleTTOManager, orgID) ||
		p.ActsFor(identity.RoleStartupMember, firmID))
}

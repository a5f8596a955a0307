package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// Persona is someone to sign in as in the demo: a name, the role and the
// organisation they act for (its record type and ID), and the subject the
// demo data knows them by (e.g. the event registrations of
// "demo-founder-3").
type Persona struct {
	Name           string
	Role           identity.Role
	OrgType, OrgID string // e.g. "Startup" and its ID; empty for roles without one
	Organisation   string
	Subject        string
}

// Personas lists the demo's people as the seeded store holds them: an
// admin, each startup's founder, each investor, each incubator's manager,
// the fund's manager, the reviewers, the sandbox regulator and each research
// organisation's technology-transfer officer.
func Personas(ctx context.Context, s Stores) ([]Persona, error) {
	out := []Persona{{Name: "Quản trị viên Innoport", Role: identity.RoleAdmin, Subject: "admin-1"}}
	page := value.Page{First: value.MaxPageSize}
	sts, err := s.Startups.List(ctx, firm.Filter{}, page)
	if err != nil {
		return nil, fmt.Errorf("demo personas: %w", err)
	}
	if len(sts.Items) == 0 {
		return nil, errors.New("the store holds no demo data: start the service once on an empty data directory (go run ./cmd/innoport)")
	}
	byName := map[string]firm.Startup{}
	for _, st := range sts.Items {
		byName[st.NameEN] = st
	}
	for i, d := range startups {
		if st, ok := byName[d.nameEN]; ok {
			out = append(out, Persona{"Nhà sáng lập " + d.nameEN, identity.RoleStartupMember, "Startup", st.ID, st.Name, fmt.Sprint("demo-founder-", i)})
		}
	}
	invs, err := s.Investors.List(ctx, page)
	if err != nil {
		return nil, fmt.Errorf("demo personas: %w", err)
	}
	for i, d := range investors {
		for _, inv := range invs.Items {
			if inv.Name == d.Name {
				out = append(out, Persona{"Nhà đầu tư, " + inv.Name, identity.RoleInvestor, "Investor", inv.ID, inv.Name, fmt.Sprint("demo-investor-", i)})
			}
		}
	}
	incs, err := s.Incubators.All(ctx)
	funds, err2 := s.Funds.All(ctx)
	progs, err3 := s.Programs.All(ctx)
	if err := errors.Join(err, err2, err3); err != nil {
		return nil, fmt.Errorf("demo personas: %w", err)
	}
	for i, inc := range incs {
		out = append(out, Persona{"Quản lý " + inc.Name, identity.RoleIncubatorManager, "Incubator", inc.ID, inc.Name, fmt.Sprint("demo-incubator-", i)})
	}
	for i, f := range funds {
		out = append(out, Persona{"Quản lý quỹ", identity.RoleFundManager, "Fund", f.ID, f.Name, fmt.Sprint("fm-", i+1)})
	}
	for _, rv := range reviewers {
		out = append(out, Persona{Name: rv.name, Role: identity.RoleReviewer, Subject: rv.subject})
	}
	for i, p := range progs {
		out = append(out, Persona{"Cán bộ quản lý thử nghiệm", identity.RoleRegulator, "SandboxProgram", p.ID, p.Name, fmt.Sprint("regulator-", i+1)})
	}
	out = append(out, Persona{Name: "Cán bộ Sở Khoa học và Công nghệ", Role: identity.RoleOfficial, Subject: "official-1"})
	orgs, err := s.ResearchOrgs.All(ctx, transfer.OrgFilter{})
	if err != nil {
		return nil, fmt.Errorf("demo personas: %w", err)
	}
	for i, o := range orgs {
		out = append(out, Persona{"Chuyển giao công nghệ, " + o.Name, identity.RoleTTOManager, "ResearchOrganization", o.ID, o.Name, fmt.Sprint("tto-", i+1)})
	}
	return out, nil
}

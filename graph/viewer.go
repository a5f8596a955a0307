package graph

import (
	"context"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
)

// zeroCount counts an empty list.
func zeroCount(context.Context) (int, error) { return 0, nil }

func emptyApplications() *model.ApplicationConnection {
	return &model.ApplicationConnection{Edges: []model.ApplicationEdge{}, Count: zeroCount}
}

// startupApplications is a page of a startup's applications.
func (r *Resolver) startupApplications(ctx context.Context, st firm.Startup, status *funding.AppStatus, page value.Page) (*model.ApplicationConnection, error) {
	s, err := r.Funding.StartupApplications(ctx, st, deref(status), page)
	if err != nil {
		return nil, err
	}
	conn := &model.ApplicationConnection{Count: func(ctx context.Context) (int, error) {
		return r.Funding.CountStartupApplications(ctx, st, deref(status))
	}}
	conn.Edges, conn.PageInfo = applicationEdges(page, s)
	return conn, nil
}

// sandboxApplications is a page of the sandbox applications f selects.
func (r *Resolver) sandboxApplications(ctx context.Context, f sandbox.Filter, page value.Page) (*model.SandboxApplicationConnection, error) {
	s, err := r.Sandbox.Applications(ctx, f, page)
	if err != nil {
		return nil, err
	}
	conn := &model.SandboxApplicationConnection{Count: func(ctx context.Context) (int, error) { return r.Sandbox.CountApplications(ctx, f) }}
	conn.Edges, conn.PageInfo = connection(page, s, func(a sandbox.Application) string { return a.ID },
		func(c string, a sandbox.Application) model.SandboxApplicationEdge {
			return model.SandboxApplicationEdge{Cursor: c, Node: a}
		})
	return conn, nil
}

// dealConnection pages a pipeline held whole.
func dealConnection(page value.Page, ds []dealflow.Deal) *model.DealConnection {
	conn := &model.DealConnection{TotalCount: len(ds)}
	conn.Edges, conn.PageInfo = listConnection(page, ds, func(d dealflow.Deal) string { return d.ID },
		func(c string, d dealflow.Deal) model.DealEdge { return model.DealEdge{Cursor: c, Node: d} })
	return conn
}

// orgTypes is the type of the record a role's organisation claim names.
var orgTypes = map[identity.Role]string{
	identity.RoleStartupMember: typeStartup, identity.RoleIncubatorManager: typeIncubator, identity.RoleFundManager: typeFund,
	identity.RoleInvestor: typeInvestor, identity.RoleRegulator: typeSandboxProgram, identity.RoleTTOManager: typeResearchOrg,
}

// organizationOf is the record a user acts for: the one their token's
// organisation names (typed by their role), or their reviewer profile;
// nil when there is none, or it no longer exists.
func (r *Resolver) organizationOf(ctx context.Context, p identity.Principal) (model.Organization, error) {
	if p.OrgID != "" {
		for _, role := range p.Roles {
			if typ, ok := orgTypes[role]; ok {
				n, err := (&queryResolver{r}).Node(ctx, globalID(typ, p.OrgID))
				if errs.KindOf(err) == errs.NotFound {
					return nil, nil
				}
				return n, err
			}
		}
	}
	if p.Has(identity.RoleReviewer) {
		mine, err := r.Funding.MyReviewerProfiles(ctx)
		if err != nil || len(mine) == 0 {
			return nil, err
		}
		return &mine[0], nil
	}
	return nil, nil
}

// userOf is the user a record names by subject, batched.
func userOf(ctx context.Context, subject string) (*identity.User, error) {
	u, err := loadersOf(ctx).user.Load(ctx, subject)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

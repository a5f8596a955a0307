package app

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/roster"
)

// importLine is one line of an evidence import: a firm, by tax code, and the
// evidence and revenue to set on it (each replaced when present).
type importLine struct {
	TaxCode  string           `json:"taxCode"`
	Evidence *importEvidence  `json:"evidence"`
	Revenue  *[]importRevenue `json:"revenue"`
}

type importEvidence struct {
	LegalForm         string `json:"legalForm"`
	FirstRegisteredOn string `json:"firstRegisteredOn"`
	PublicOffering    bool   `json:"publicOffering"`
	IPAssets          []struct {
		Kind, Number, GrantedOn, ExpiresOn, DocumentRef string
	} `json:"ipAssets"`
	Awards []struct {
		Name, AwardedOn, DocumentRef string
		International                bool
	} `json:"awards"`
	Certificates []struct {
		Kind, IssuedOn, ExpiresOn, DocumentRef string
	} `json:"certificates"`
	Investments []struct {
		Fund, On, DocumentRef string
		AmountVnd             int64
		Commitment            bool
	} `json:"investments"`
	Confirmations []struct {
		Issuer, IssuedOn, DocumentRef string
	} `json:"confirmations"`
}

type importRevenue struct {
	Year        int   `json:"year"`
	AmountVnd   int64 `json:"amountVnd"`
	STAmountVnd int64 `json:"stAmountVnd"`
}

// date reads an optional YYYY-MM-DD; a bad one is reported by the caller's
// validation as a missing or invalid date, with the line's field.
func date(s string, field string, list *errs.List) value.Date {
	if s == "" {
		return value.Date{}
	}
	d, err := value.ParseDate(s)
	list.Check(err, "evidence", field)
	return d
}

func (e importEvidence) evidence() (firm.Evidence, error) {
	var list errs.List
	out := firm.Evidence{LegalForm: firm.LegalForm(e.LegalForm), PublicOffering: e.PublicOffering,
		FirstRegisteredOn: date(e.FirstRegisteredOn, "firstRegisteredOn", &list)}
	for _, x := range e.IPAssets {
		out.IPAssets = append(out.IPAssets, firm.IPAsset{Kind: firm.IPKind(x.Kind), Number: x.Number,
			GrantedOn: date(x.GrantedOn, "ipAssets", &list), ExpiresOn: date(x.ExpiresOn, "ipAssets", &list), DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Awards {
		out.Awards = append(out.Awards, firm.Award{Name: x.Name, International: x.International,
			AwardedOn: date(x.AwardedOn, "awards", &list), DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Certificates {
		out.Certificates = append(out.Certificates, firm.Certificate{Kind: firm.CertificateKind(x.Kind),
			IssuedOn: date(x.IssuedOn, "certificates", &list), ExpiresOn: date(x.ExpiresOn, "certificates", &list), DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Investments {
		out.Investments = append(out.Investments, firm.Investment{Fund: x.Fund, Amount: value.VND(x.AmountVnd),
			On: date(x.On, "investments", &list), Commitment: x.Commitment, DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Confirmations {
		out.Confirmations = append(out.Confirmations, firm.Confirmation{Issuer: x.Issuer,
			IssuedOn: date(x.IssuedOn, "confirmations", &list), DocumentRef: x.DocumentRef})
	}
	return out, list.Err()
}

// importEvidence reads JSON lines and applies each to its firm as an admin,
// through the same use-case and validation as the API. A bad line is reported
// with its number and skipped; the others are applied.
func importEvidenceLines(ctx context.Context, firms *firm.Service, r io.Reader, report io.Writer) (applied, failed int, err error) {
	ctx = identity.WithPrincipal(ctx, identity.Principal{Subject: "innoport-import", Roles: []identity.Role{identity.RoleAdmin}})
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if lineErr := applyLine(ctx, firms, sc.Bytes()); lineErr != nil {
			failed++
			fmt.Fprintf(report, "line %d: %s\n", n, describe(lineErr))
			continue
		}
		applied++
	}
	return applied, failed, sc.Err()
}

func applyLine(ctx context.Context, firms *firm.Service, line []byte) error {
	var in importLine
	if err := json.Unmarshal(line, &in); err != nil {
		return fmt.Errorf("not a JSON object of the import format: %w", err)
	}
	st, err := firms.ByTaxCode(ctx, in.TaxCode)
	if err != nil {
		return err
	}
	var p firm.Patch
	if in.Evidence != nil {
		ev, err := in.Evidence.evidence()
		if err != nil {
			return err
		}
		p.Evidence = &ev
	}
	if in.Revenue != nil {
		rev := make([]firm.YearRevenueDraft, len(*in.Revenue))
		for i, r := range *in.Revenue {
			rev[i] = firm.YearRevenueDraft{Year: r.Year, Amount: r.AmountVnd, ST: r.STAmountVnd}
		}
		p.Revenue = &rev
	}
	_, err = firms.Update(ctx, st.ID, st.Version, p)
	return err
}

// describe renders an error for the import report, in English.
func describe(err error) string {
	es := errs.Flatten(err)
	if len(es) == 0 || errs.KindOf(err) == errs.Internal {
		return err.Error()
	}
	out := ""
	for i, e := range es {
		if i > 0 {
			out += "; "
		}
		out += fmt.Sprintf("%s %v: %s", e.Code, e.Field, e.EN)
	}
	return out
}

// ImportEvidence applies evidence lines (JSON, one firm a line, by tax
// code) through the same validation as the API, acting as an admin; a bad
// line is reported by number on report and skipped.
func (a *App) ImportEvidence(ctx context.Context, r io.Reader, report io.Writer) (applied, failed int, err error) {
	return importEvidenceLines(ctx, a.resolver.Firms, r, report)
}

// ImportStartups applies a table of startups (roster.Import) acting as an
// admin, as `innoport import startups` does.
func (a *App) ImportStartups(ctx context.Context, t roster.Table, opt roster.Options) (roster.Report, error) {
	ctx = identity.WithPrincipal(ctx, identity.Principal{Subject: "innoport-import", Roles: []identity.Role{identity.RoleAdmin}})
	return roster.Import(ctx, a.resolver.Firms, t, a.clock.Now(), opt)
}

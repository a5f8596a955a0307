package graph

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/roster"
)

// maxImportRows bounds an import through the API so that it ends well
// within the request timeout (2,000 rows: ~7 s at the 283 rows/s
// BenchmarkImportStartups measured for 1,500 on the embedded store);
// the command line takes roster.MaxRows.
const maxImportRows = 2000

// importStartups reads the table in an importStartups input and applies it.
func (r *Resolver) importStartups(ctx context.Context, in model.ImportStartupsInput) (roster.Report, error) {
	if err := policy.ManageRegistry(identity.FromContext(ctx)); err != nil {
		return roster.Report{}, err
	}
	var raw []byte
	switch in.Format {
	case model.TableFormatXlsx:
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(in.Content))
		if err != nil {
			return roster.Report{}, errs.InvalidValue("Nội dung XLSX phải được mã hoá base64.",
				"XLSX content must be base64-encoded.", "content")
		}
		raw = b
	default:
		raw = []byte(in.Content)
	}
	t, err := roster.Read(bytes.NewReader(raw), roster.Format(in.Format))
	if err != nil {
		return roster.Report{}, err
	}
	if len(t.Rows) > maxImportRows {
		return roster.Report{}, errs.InvalidValue(
			fmt.Sprintf("Tệp có %d dòng; mỗi lần nhập qua API tối đa %d dòng. Hãy chia tệp, hoặc dùng lệnh innoport import startups.", len(t.Rows), maxImportRows),
			fmt.Sprintf("The file has %d rows; an import through the API takes at most %d. Split it, or use the command innoport import startups.", len(t.Rows), maxImportRows),
			"content")
	}
	return roster.Import(ctx, r.Firms, t, r.Funding.Now(), roster.Options{DryRun: deref(in.DryRun)})
}

func importReport(ctx context.Context, rep roster.Report) *model.StartupImportReport {
	out := &model.StartupImportReport{
		DryRun: rep.DryRun, Rows: rep.Rows, Created: rep.Count(roster.Created), Updated: rep.Count(roster.Updated),
		Unchanged: rep.Count(roster.Unchanged), Refused: rep.Refused(),
		Changes:  make([]*model.StartupImportChange, len(rep.Changes)),
		Problems: make([]*model.StartupImportProblem, len(rep.Problems)),
	}
	for i, c := range rep.Changes {
		fields := make([]string, len(c.Fields))
		for k, f := range c.Fields {
			fields[k] = string(f)
		}
		out.Changes[i] = &model.StartupImportChange{Line: c.Line, TaxCode: c.TaxCode, Name: c.Name,
			Action: model.ImportAction(c.Action), Fields: fields, Startup: c.Startup}
	}
	l := langOf(ctx)
	for i, p := range rep.Problems {
		out.Problems[i] = &model.StartupImportProblem{Line: p.Line, TaxCode: optional(p.TaxCode),
			Field: p.Err.Field, Code: model.UserErrorCode(p.Err.Code), Message: p.Err.Message(l)}
	}
	return out
}

package roster

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/value"
)

// Column is a field of the import, named as the API's startup input names it.
type Column string

// The columns read; TaxCode is required, the others optional.
const (
	ColTaxCode      Column = "taxCode"
	ColName         Column = "name"
	ColFoundedOn    Column = "foundedOn"
	ColWard         Column = "ward"
	ColSectors      Column = "sectors"
	ColStage        Column = "stage"
	ColTeamSize     Column = "teamSize"
	ColContactEmail Column = "contactEmail"
	ColDescription  Column = "description"
)

// headers names each column by its API name and by the Vietnamese labels of
// the exports it comes from, compared lowercased and trimmed.
var headers = map[string]Column{
	"taxcode": ColTaxCode, "mã số thuế": ColTaxCode, "mst": ColTaxCode, "mã số doanh nghiệp": ColTaxCode,
	"name": ColName, "tên doanh nghiệp": ColName, "tên": ColName,
	"foundedon": ColFoundedOn, "ngày thành lập": ColFoundedOn,
	"ward": ColWard, "phường/xã": ColWard, "phường xã": ColWard, "địa bàn": ColWard,
	"sectors": ColSectors, "lĩnh vực": ColSectors,
	"stage": ColStage, "giai đoạn": ColStage,
	"teamsize": ColTeamSize, "số thành viên": ColTeamSize, "quy mô nhóm": ColTeamSize,
	"contactemail": ColContactEmail, "email liên hệ": ColContactEmail, "email": ColContactEmail,
	"description": ColDescription, "mô tả": ColDescription,
}

// Action is what a row did, or would do in a dry run.
type Action string

// The actions.
const (
	Created   Action = "CREATE"
	Updated   Action = "UPDATE"
	Unchanged Action = "UNCHANGED"
)

// Change is a row applied (or, in a dry run, that would be).
type Change struct {
	Line    int
	TaxCode string
	Name    string
	Action  Action
	Fields  []Column      // the columns that changed a record, in column order
	Startup *firm.Startup // as written; as it was in a dry run; nil in a dry run's creations
}

// Problem is a row refused, with one of its errors; a row with several
// errors has several problems, and nothing of it is written.
type Problem struct {
	Line    int
	TaxCode string
	Err     *errs.Error // Field names the column
}

// Report is what an import did: one change per accepted row, the problems
// of the refused ones.
type Report struct {
	DryRun   bool
	Rows     int
	Changes  []Change
	Problems []Problem
}

// Count returns how many rows took action a.
func (r Report) Count(a Action) int {
	n := 0
	for _, c := range r.Changes {
		if c.Action == a {
			n++
		}
	}
	return n
}

// Refused counts the rows refused.
func (r Report) Refused() int { return r.Rows - len(r.Changes) }

// Firms is what an import needs of the startup use-cases.
type Firms interface {
	ByTaxCodes(ctx context.Context, codes []string) (map[string]firm.Startup, error)
	Create(ctx context.Context, d firm.Draft) (firm.Startup, error)
	Update(ctx context.Context, id string, version int64, p firm.Patch) (firm.Startup, error)
	// Batch runs fn with the reactions to its writes held until it returns.
	Batch(ctx context.Context, fn func(ctx context.Context) error) error
}

// Options tune an import.
type Options struct {
	DryRun bool
	// Progress, when set, is told after each row how many of total are done.
	Progress func(done, total int)
}

// Import applies a table to the registry, as the caller (an admin): a row
// whose tax code is registered updates that startup with its non-empty
// cells; another row creates a startup. Each row is one write, refused
// whole on any error; a dry run validates every row and writes nothing.
// The error is for the file as a whole (unknown columns, no tax code) or
// for a failure of the store; row problems are in the report.
func Import(ctx context.Context, firms Firms, t Table, now time.Time, opt Options) (Report, error) {
	if err := policy.ManageRegistry(identity.FromContext(ctx)); err != nil {
		return Report{}, err
	}
	cols, err := columns(t.Header)
	if err != nil {
		return Report{}, err
	}
	rep := Report{DryRun: opt.DryRun, Rows: len(t.Rows)}
	rows := make([]cells, len(t.Rows))
	var codes []string
	for i, r := range t.Rows {
		rows[i] = cellsOf(cols, r)
		if tc, err := value.NewTaxCode(rows[i][ColTaxCode]); err == nil {
			codes = append(codes, tc.String())
		}
	}
	existing, err := firms.ByTaxCodes(ctx, codes)
	if err != nil {
		return Report{}, fmt.Errorf("import startups: %w", err)
	}
	seen := make(map[string]int, len(rows)) // tax code → the line that took it
	err = firms.Batch(ctx, func(ctx context.Context) error {
		return apply(ctx, firms, t, rows, existing, seen, now, opt, &rep)
	})
	return rep, err
}

// apply applies each row in turn, stopping only on a failure of the store.
func apply(ctx context.Context, firms Firms, t Table, rows []cells, existing map[string]firm.Startup, seen map[string]int,
	now time.Time, opt Options, rep *Report) error {
	for i, r := range t.Rows {
		if opt.Progress != nil && i > 0 {
			opt.Progress(i, len(rows))
		}
		c := rows[i]
		ch, err := c.apply(ctx, firms, existing, seen, r.Line, now, opt.DryRun)
		if err != nil {
			if errs.KindOf(err) == errs.Internal {
				return fmt.Errorf("import startups, line %d: %w", r.Line, err)
			}
			for _, e := range errs.Flatten(err) {
				rep.Problems = append(rep.Problems, Problem{Line: r.Line, TaxCode: c[ColTaxCode], Err: e})
			}
			continue
		}
		rep.Changes = append(rep.Changes, ch)
	}
	if opt.Progress != nil {
		opt.Progress(len(rows), len(rows))
	}
	return nil
}

// columns maps each header cell to its column; every header must be known
// and the tax code present, so no column is silently dropped.
func columns(header []string) ([]Column, error) {
	out := make([]Column, len(header))
	var list errs.List
	has := map[Column]bool{}
	for i, h := range header {
		key := strings.ToLower(strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(h), "*")), " "))
		c, ok := headers[key]
		switch {
		case key == "":
			continue
		case !ok:
			list.Add(errs.InvalidValue(fmt.Sprintf("Cột %q không được hỗ trợ; các cột: %s.", h, columnList),
				fmt.Sprintf("Column %q is not supported; the columns: %s.", h, columnList), "content"))
		case has[c]:
			list.Add(errs.InvalidValue(fmt.Sprintf("Cột %q xuất hiện hai lần.", h),
				fmt.Sprintf("Column %q appears twice.", h), "content"))
		}
		has[c] = true
		out[i] = c
	}
	if !has[ColTaxCode] {
		list.Add(errs.InvalidValue("Thiếu cột mã số thuế (taxCode), dùng để nhận ra doanh nghiệp.",
			"The tax code column (taxCode), which identifies each firm, is missing.", "content"))
	}
	return out, list.Err()
}

const columnList = "taxCode, name, foundedOn, ward, sectors, stage, teamSize, contactEmail, description"

// cells are a row's trimmed values by column.
type cells map[Column]string

func cellsOf(cols []Column, r Row) cells {
	c := cells{}
	for i, v := range r.Cells {
		if i < len(cols) && cols[i] != "" {
			c[cols[i]] = strings.TrimSpace(v)
		}
	}
	return c
}

func (c cells) apply(ctx context.Context, firms Firms, existing map[string]firm.Startup, seen map[string]int, line int, now time.Time, dry bool) (Change, error) {
	tc, err := value.NewTaxCode(c[ColTaxCode])
	if err != nil {
		return Change{}, fieldErr(err, ColTaxCode)
	}
	if first, dup := seen[tc.String()]; dup {
		return Change{}, errs.New(errs.Conflict, errs.CodeDuplicateTaxCode, []string{string(ColTaxCode)},
			fmt.Sprintf("Mã số thuế %s đã có ở dòng %d của tệp.", tc, first),
			fmt.Sprintf("Tax code %s is already on line %d of the file.", tc, first))
	}
	seen[tc.String()] = line
	p, err := c.patch()
	if err != nil {
		return Change{}, err
	}
	ch := Change{Line: line, TaxCode: tc.String()}
	cur, ok := existing[tc.String()]
	if !ok {
		d := firm.Draft{TaxCode: tc.String()}
		value.Overlay(&d, p)
		ch.Action, ch.Name, ch.Fields = Created, d.Name, c.present()
		if dry {
			_, err := firm.NewProfile(d, value.DateOf(now))
			return ch, columnErr(err)
		}
		st, err := firms.Create(ctx, d)
		ch.Startup = &st
		return ch, columnErr(err)
	}
	before := cur.Draft()
	after := before
	value.Overlay(&after, p)
	ch.Name, ch.Startup, ch.Fields = after.Name, &cur, changed(before, after, c)
	if len(ch.Fields) == 0 {
		ch.Action = Unchanged
		return ch, nil
	}
	ch.Action = Updated
	if dry {
		_, err := firm.NewProfile(after, value.DateOf(now))
		return ch, columnErr(err)
	}
	st, err := firms.Update(ctx, cur.ID, cur.Version, p)
	ch.Startup = &st
	return ch, columnErr(err)
}

// patch reads the row's non-empty cells; an empty cell leaves the field.
func (c cells) patch() (firm.Patch, error) {
	var (
		p    firm.Patch
		list errs.List
	)
	str := func(col Column) *string {
		if v := c[col]; v != "" {
			return &v
		}
		return nil
	}
	p.Name, p.Ward, p.Description, p.Email = str(ColName), str(ColWard), str(ColDescription), str(ColContactEmail)
	if v := c[ColFoundedOn]; v != "" {
		d, err := parseDate(v)
		list.Check(err, string(ColFoundedOn))
		p.FoundedOn = &d
	}
	if v := c[ColSectors]; v != "" {
		var out []string
		for _, s := range strings.Split(v, ";") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, sectorCode(s))
			}
		}
		p.Sectors = &out
	}
	if v := c[ColStage]; v != "" {
		s := stageCode(v)
		p.Stage = &s
	}
	if v := c[ColTeamSize]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			list.Add(errs.InvalidValue(fmt.Sprintf("Số thành viên %q không phải là số nguyên không âm.", v),
				fmt.Sprintf("Team size %q is not a whole number of people.", v), string(ColTeamSize)))
		}
		p.TeamSize = &n
	}
	return p, list.Err()
}

// present lists the row's non-empty columns, in column order.
func (c cells) present() []Column {
	var out []Column
	for _, col := range order {
		if c[col] != "" {
			out = append(out, col)
		}
	}
	return out
}

var order = []Column{ColTaxCode, ColName, ColFoundedOn, ColWard, ColSectors, ColStage, ColTeamSize, ColContactEmail, ColDescription}

// draftField is the firm.Draft field each column sets.
var draftField = map[Column]string{
	ColName: "Name", ColFoundedOn: "FoundedOn", ColWard: "Ward", ColSectors: "Sectors", ColStage: "Stage",
	ColTeamSize: "TeamSize", ColContactEmail: "Email", ColDescription: "Description",
}

// changed lists the row's columns whose value differs from the record's.
func changed(before, after firm.Draft, c cells) []Column {
	b, a := reflect.ValueOf(before), reflect.ValueOf(after)
	var out []Column
	for _, col := range c.present() {
		f, ok := draftField[col]
		if ok && !reflect.DeepEqual(b.FieldByName(f).Interface(), a.FieldByName(f).Interface()) {
			out = append(out, col)
		}
	}
	return out
}

// parseDate reads YYYY-MM-DD, or DD/MM/YYYY as Vietnamese spreadsheets write it.
func parseDate(s string) (string, error) {
	if t, err := time.Parse("2/1/2006", s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	d, err := value.ParseDate(s)
	return d.String(), err
}

// sectorCode accepts a sector's code or its Vietnamese or English name.
func sectorCode(s string) string {
	for _, info := range value.Sectors() {
		if strings.EqualFold(s, info.VI) || strings.EqualFold(s, info.EN) {
			return string(info.Sector)
		}
	}
	return strings.ToUpper(s)
}

// stageCode accepts a stage's code or its Vietnamese or English name.
func stageCode(s string) string {
	for _, st := range value.Stages() {
		if strings.EqualFold(s, st.Label(false)) || strings.EqualFold(s, st.Label(true)) {
			return string(st)
		}
	}
	return strings.ToUpper(s)
}

// fieldErr puts a value's error at a column.
func fieldErr(err error, col Column) error {
	var list errs.List
	list.Check(err, string(col))
	return list.Err()
}

// columnErr renames the use-case's field paths to the file's columns
// (["contact","email"] is the column contactEmail; a sector's index is
// dropped), so a report names what the user can find in the file.
func columnErr(err error) error {
	if err == nil || errs.KindOf(err) == errs.Internal {
		return err
	}
	var list errs.List
	for _, e := range errs.Flatten(err) {
		c := *e
		switch {
		case len(e.Field) >= 2 && e.Field[0] == "contact" && e.Field[1] == "email":
			c.Field = []string{string(ColContactEmail)}
		case len(e.Field) >= 1:
			c.Field = e.Field[:1]
		}
		list.Add(&c)
	}
	return list.Err()
}

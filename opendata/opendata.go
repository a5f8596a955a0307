// Package opendata publishes the city's open data: every statistic as an
// aggregate data set, the public startup directory and the sandbox
// register, each as CSV (UTF-8 with a byte-order mark, so that Excel reads
// Vietnamese correctly) and JSON, described by a DCAT catalogue with the
// columns of each file (CSV on the Web). Only public fields ever leave, and
// every cell that derives from fewer than stats.MinCell firms is suppressed.
package opendata

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/stats"
	"github.com/innoport/innoport/domain/value"
)

// File is one published file.
type File struct {
	Name        string // e.g. firms_by_sector.csv
	ContentType string
	Body        []byte
	Modified    time.Time
}

// Store keeps the published files, so that every replica serves the same.
type Store interface {
	// Put replaces the published files with these, and removes the others.
	Put(ctx context.Context, files []File) error
	Get(ctx context.Context, name string) (File, error)
}

// Sources reads what is published.
type Sources struct {
	// Statistics computes the aggregates (without asking who reads them).
	Statistics func(ctx context.Context, from, to value.Date) (stats.Report, error)
	Firms      func(ctx context.Context, fn func(firm.Startup) error) error
	Incubators func(ctx context.Context) ([]ecosystem.Incubator, error)
	Programs   func(ctx context.Context) ([]sandbox.Program, error)
	// Register lists the public sandbox register: firms in or after testing.
	Register func(ctx context.Context) ([]sandbox.Application, error)
}

// Publisher computes and stores the open data.
type Publisher struct {
	src   Sources
	store Store
	clock clock.Clock
}

// NewPublisher builds the publisher.
func NewPublisher(src Sources, store Store, c clock.Clock) *Publisher {
	return &Publisher{src: src, store: store, clock: c}
}

// Years is how many calendar years the aggregates cover, ending today.
const Years = 5

// Column describes one column of a data set, as CSV on the Web does.
type Column struct {
	Name     string `json:"name"`
	TitleVI  string `json:"titleVi"`
	TitleEN  string `json:"titleEn"`
	Datatype string `json:"datatype"` // string, integer, boolean, date
}

// Dataset is one table, published as CSV and JSON.
type Dataset struct {
	Key                          string
	TitleVI, TitleEN             string
	DescriptionVI, DescriptionEN string
	Columns                      []Column
	Rows                         [][]string // "" is an empty (or suppressed) cell
	From, To                     value.Date // the period the rows cover; zero for a snapshot
}

// Publish computes every data set and stores its files and the catalogue;
// it returns how many data sets it published.
func (p *Publisher) Publish(ctx context.Context) (int, error) {
	now := p.clock.Now()
	sets, err := p.Datasets(ctx, value.DateOf(now))
	if err != nil {
		return 0, err
	}
	var files []File
	for _, d := range sets {
		c, err := d.csv()
		if err != nil {
			return 0, err
		}
		j, err := d.json(now)
		if err != nil {
			return 0, err
		}
		files = append(files, File{Name: d.Key + ".csv", ContentType: "text/csv; charset=utf-8", Body: c, Modified: now},
			File{Name: d.Key + ".json", ContentType: "application/json", Body: j, Modified: now})
	}
	cat, err := catalogue(sets, now)
	if err != nil {
		return 0, err
	}
	files = append(files, File{Name: "catalog.json", ContentType: "application/ld+json", Body: cat, Modified: now})
	if err := p.store.Put(ctx, files); err != nil {
		return 0, err
	}
	return len(sets), nil
}

// Datasets computes every data set as of today.
func (p *Publisher) Datasets(ctx context.Context, today value.Date) ([]Dataset, error) {
	from := value.Date{Year: today.Year - Years + 1, Month: time.January, Day: 1}
	report, err := p.src.Statistics(ctx, from, today)
	if err != nil {
		return nil, err
	}
	var out []Dataset
	for _, s := range report.Series {
		out = append(out, aggregate(s, from, today))
	}
	out = append(out, overview(report))
	dir, names, err := p.directory(ctx)
	if err != nil {
		return nil, err
	}
	reg, err := p.register(ctx, names)
	if err != nil {
		return nil, err
	}
	return append(out, dir, reg), nil
}

// overview is every statistic in one table, suppressed as each of its own
// data sets: what the public dashboard draws from one file.
func overview(r stats.Report) Dataset {
	d := Dataset{Key: "statistics", TitleVI: "Tất cả số liệu thống kê", TitleEN: "All statistics",
		DescriptionVI: "Mọi số liệu thống kê trong một bảng, mỗi dòng một ô của một bộ dữ liệu (cột dataset), ẩn như trong bộ dữ liệu đó.",
		DescriptionEN: "Every statistic in one table, a row per cell of a data set (the dataset column), suppressed as in that data set.",
		Columns: append([]Column{{"dataset", "Bộ dữ liệu", "Data set", "string"}, {"title_vi", "Tên bộ dữ liệu", "Data set title (Vietnamese)", "string"},
			{"title_en", "Tên bộ dữ liệu tiếng Anh", "Data set title (English)", "string"}, {"chart", "Dạng biểu đồ", "Chart", "string"},
			{"unit", "Đơn vị", "Unit", "string"}}, aggregateColumns...),
		From: r.From, To: r.To}
	for _, s := range r.Series {
		for _, row := range aggregate(s, r.From, r.To).Rows {
			d.Rows = append(d.Rows, append([]string{s.Key, s.TitleVI, s.TitleEN, string(s.Chart), string(s.Unit)}, row...))
		}
	}
	return d
}

// aggregateColumns are every aggregate's columns.
var aggregateColumns = []Column{
	{"key", "Mã", "Key", "string"},
	{"label_vi", "Nhãn", "Label (Vietnamese)", "string"},
	{"label_en", "Nhãn tiếng Anh", "Label (English)", "string"},
	{"value", "Giá trị", "Value", "integer"},
	{"suppressed", "Ẩn để bảo vệ doanh nghiệp (dưới 3 doanh nghiệp)", "Suppressed to protect firms (fewer than 3 firms)", "boolean"},
}

// aggregate turns a series into a data set, suppressing small cells.
func aggregate(s stats.Series, from, to value.Date) Dataset {
	unit := map[stats.Unit][2]string{stats.Firms: {"số doanh nghiệp", "firms"}, stats.Count: {"số lượng", "count"}, stats.VND: {"đồng", "VND"}}[s.Unit]
	d := Dataset{Key: s.Key, TitleVI: s.TitleVI, TitleEN: s.TitleEN,
		DescriptionVI: s.HowVI + " Đơn vị: " + unit[0] + ". Ô dựa trên dưới 3 doanh nghiệp được ẩn.",
		DescriptionEN: s.HowEN + " Unit: " + unit[1] + ". Cells based on fewer than 3 firms are suppressed.",
		Columns:       aggregateColumns, From: from, To: to}
	hidden := Suppressed(s)
	for i, pt := range s.Points {
		v, sup := strconv.FormatInt(pt.Value, 10), "false"
		if hidden[i] {
			v, sup = "", "true"
		}
		d.Rows = append(d.Rows, []string{pt.Key, pt.LabelVI, pt.LabelEN, v, sup})
	}
	return d
}

// Suppressed marks the cells of a series that cannot be published: those
// based on 1 or 2 firms, and — when that hides exactly one cell of the
// series, which the others and a total could reveal — the next smallest
// cell based on firms too.
func Suppressed(s stats.Series) []bool {
	firms := func(p stats.Point) int64 {
		if s.Unit == stats.Firms {
			return p.Value
		}
		return p.Firms
	}
	hidden := make([]bool, len(s.Points))
	n := 0
	for i, p := range s.Points {
		if f := firms(p); f > 0 && f < stats.MinCell {
			hidden[i] = true
			n++
		}
	}
	if n == 1 {
		next := -1
		for i, p := range s.Points {
			if !hidden[i] && firms(p) > 0 && (next < 0 || firms(p) < firms(s.Points[next])) {
				next = i
			}
		}
		if next >= 0 {
			hidden[next] = true
		}
	}
	return hidden
}

// directoryColumns are the public startup directory's: public fields only.
var directoryColumns = []Column{
	{"name", "Tên doanh nghiệp", "Name", "string"},
	{"name_en", "Tên tiếng Anh", "English name", "string"},
	{"founded_on", "Ngày thành lập", "Founded on", "date"},
	{"ward", "Phường, xã", "Ward", "string"},
	{"sectors", "Lĩnh vực (mã, cách nhau bởi ;)", "Sectors (codes, separated by ;)", "string"},
	{"stage", "Giai đoạn", "Stage", "string"},
	{"incubator", "Cơ sở ươm tạo", "Incubator", "string"},
	{"website", "Trang web", "Website", "string"},
}

// directory lists the public startup directory, and returns the firms'
// names by ID for the register.
func (p *Publisher) directory(ctx context.Context) (Dataset, map[string]string, error) {
	incs, err := p.src.Incubators(ctx)
	if err != nil {
		return Dataset{}, nil, err
	}
	names := map[string]string{}
	incName := map[string]string{}
	for _, i := range incs {
		incName[i.ID] = i.Name
	}
	d := Dataset{Key: "startups", TitleVI: "Danh bạ doanh nghiệp khởi nghiệp", TitleEN: "Startup directory",
		DescriptionVI: "Các doanh nghiệp khởi nghiệp trên Innoport, chỉ gồm thông tin công khai (không có liên hệ, tài chính, minh chứng).",
		DescriptionEN: "The startups on Innoport, public fields only (no contact, financials or evidence).",
		Columns:       directoryColumns}
	err = p.src.Firms(ctx, func(f firm.Startup) error {
		names[f.ID] = f.Name
		sectors := make([]string, len(f.Sectors))
		for i, s := range f.Sectors {
			sectors[i] = string(s)
		}
		d.Rows = append(d.Rows, []string{f.Name, f.NameEN, f.FoundedOn.String(), f.Ward.String(), strings.Join(sectors, ";"),
			string(f.Stage), incName[f.IncubatorID], f.Website})
		return nil
	})
	slices.SortFunc(d.Rows, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return d, names, err
}

var registerColumns = []Column{
	{"startup_name", "Doanh nghiệp", "Firm", "string"},
	{"product", "Sản phẩm, dịch vụ thử nghiệm", "Product or service tested", "string"},
	{"program", "Chương trình thử nghiệm", "Sandbox programme", "string"},
	{"status", "Trạng thái", "Status", "string"},
	{"test_started_on", "Ngày bắt đầu thử nghiệm", "Testing started on", "date"},
	{"test_ends_on", "Ngày kết thúc thử nghiệm", "Testing ends on", "date"},
	{"outcome", "Kết quả", "Outcome", "string"},
}

func (p *Publisher) register(ctx context.Context, names map[string]string) (Dataset, error) {
	progs, err := p.src.Programs(ctx)
	if err != nil {
		return Dataset{}, err
	}
	byID := map[string]sandbox.Program{}
	for _, pr := range progs {
		byID[pr.ID] = pr
	}
	apps, err := p.src.Register(ctx)
	if err != nil {
		return Dataset{}, err
	}
	d := Dataset{Key: "sandbox_register", TitleVI: "Sổ đăng ký thử nghiệm có kiểm soát", TitleEN: "Sandbox register",
		DescriptionVI: "Các doanh nghiệp đang hoặc đã thử nghiệm trong cơ chế thử nghiệm có kiểm soát của thành phố.",
		DescriptionEN: "The firms testing, or that tested, in the city's regulatory sandbox.",
		Columns:       registerColumns}
	for _, a := range apps {
		pr := byID[a.ProgramID]
		d.Rows = append(d.Rows, []string{names[a.StartupID], a.Product, pr.Name, string(a.Status), dateCell(a.TestStartedOn),
			dateCell(a.DeadlinesIn(pr).TestEndsOn), string(a.Outcome)})
	}
	return d, nil
}

func dateCell(d value.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// csv writes the data set as CSV with a byte-order mark and a header row.
func (d Dataset) csv() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true // what Excel and RFC 4180 expect
	head := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		head[i] = c.Name
	}
	if err := w.Write(head); err != nil {
		return nil, err
	}
	if err := w.WriteAll(d.Rows); err != nil {
		return nil, fmt.Errorf("write %s.csv: %w", d.Key, err)
	}
	return b.Bytes(), nil
}

// json writes the data set with its metadata; numbers and booleans are
// typed as their columns say, an empty cell is null.
func (d Dataset) json(modified time.Time) ([]byte, error) {
	rows := make([]map[string]any, len(d.Rows))
	for i, r := range d.Rows {
		row := map[string]any{}
		for j, c := range d.Columns {
			row[c.Name] = typed(c.Datatype, r[j])
		}
		rows[i] = row
	}
	doc := map[string]any{
		"dataset":     d.Key,
		"title":       map[string]string{"vi": d.TitleVI, "en": d.TitleEN},
		"description": map[string]string{"vi": d.DescriptionVI, "en": d.DescriptionEN},
		"license":     License,
		"modified":    modified.UTC().Format(time.RFC3339),
		"columns":     d.Columns,
		"rows":        rows,
	}
	if !d.From.IsZero() {
		doc["period"] = map[string]string{"from": d.From.String(), "to": d.To.String()}
	}
	return json.MarshalIndent(doc, "", " ")
}

func typed(datatype, cell string) any {
	if cell == "" && datatype != "string" {
		return nil
	}
	switch datatype {
	case "integer":
		n, err := strconv.ParseInt(cell, 10, 64)
		if err != nil {
			return cell
		}
		return n
	case "boolean":
		return cell == "true"
	}
	return cell
}

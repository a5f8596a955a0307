package app

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/roster"
)

func TestAdminsRegisterIncubatorsAndFunds(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	r := e.do(t, req{token: admin, query: `mutation { createIncubator(input: {name: "", university: "Đại học Hàng hải",
		ward: "Lê Chân", website: "ftp://x", programs: [{name: "Ươm tạo", sectors: [PORT_LOGISTICS], stages: [IDEA]}]}) {
		incubator { id } userErrors { field code } } }`})
	require.Empty(t, r.Errors)
	assert.Nil(t, r.Data["createIncubator"].(map[string]any)["incubator"])
	assert.Equal(t, map[string]string{"input.name": "REQUIRED", "input.website": "INVALID_VALUE"}, r.UserErrors("createIncubator"))

	r = e.do(t, req{token: admin, query: `mutation { createIncubator(input: {name: "Trung tâm Khởi nghiệp Hàng hải",
		university: "Đại học Hàng hải Việt Nam", ward: "Lê Chân",
		programs: [{name: "Ươm tạo 2027", sectors: [PORT_LOGISTICS], stages: [IDEA, PROTOTYPE]}]}) {
		incubator { id name version programs { name sectors stages } } userErrors { code } } }`})
	require.Empty(t, r.Errors)
	require.Empty(t, r.List("createIncubator.userErrors"))
	inc := r.Str("createIncubator.incubator.id")
	assert.Equal(t, "PROTOTYPE", r.Str("createIncubator.incubator.programs.0.stages.1"))

	investor := e.token(t, "INVESTOR", "inv-x", "")
	r = e.do(t, req{token: investor, query: `mutation { createIncubator(input: {name: "X", university: "Y", ward: "Z"}) { incubator { id } } }`})
	assert.Equal(t, "FORBIDDEN", r.Code(""))

	manager := e.token(t, "INCUBATOR_MANAGER", "im-new", inc)
	r = e.do(t, req{token: manager, query: `mutation($id: ID!) { updateIncubator(input: {id: $id, version: 1, website: "https://vimaru.edu.vn"}) {
		incubator { website version } userErrors { code } } }`, vars: map[string]any{"id": inc}})
	require.Empty(t, r.Errors)
	assert.Equal(t, "https://vimaru.edu.vn", r.Str("updateIncubator.incubator.website"))
	assert.EqualValues(t, 2, r.Num("updateIncubator.incubator.version"))

	r = e.do(t, req{token: manager, query: `mutation($id: ID!) { updateIncubator(input: {id: $id, version: 1, name: "Cũ"}) {
		incubator { id } userErrors { field code } } }`, vars: map[string]any{"id": inc}})
	assert.Equal(t, map[string]string{"input.version": "VERSION_CONFLICT"}, r.UserErrors("updateIncubator"), "a stale version")

	r = e.do(t, req{query: `{ incubators { id } }`})
	other := r.Str("incubators.0.id")
	if other == inc {
		other = r.Str("incubators.1.id")
	}
	r = e.do(t, req{token: manager, query: `mutation($id: ID!) { updateIncubator(input: {id: $id, version: 1, name: "Không phải của tôi"}) {
		incubator { id } } }`, vars: map[string]any{"id": other}})
	assert.Equal(t, "FORBIDDEN", r.Code(""), "another incubator's manager")

	r = e.do(t, req{token: admin, query: `mutation { createFund(input: {name: "Quỹ Đổi mới Sáng tạo Cảng", public: false}) {
		fund { id name public version } userErrors { code } } }`})
	require.Empty(t, r.Errors)
	fund := r.Str("createFund.fund.id")
	fm := e.token(t, "FUND_MANAGER", "fm-port", fund)
	r = e.do(t, req{token: fm, query: `mutation($id: ID!) { updateFund(input: {id: $id, version: 1, description: "Đầu tư hạt giống", nameEn: "Port Innovation Fund"}) {
		fund { nameEn description version } userErrors { code } } }`, vars: map[string]any{"id": fund}})
	require.Empty(t, r.Errors)
	assert.Equal(t, "Port Innovation Fund", r.Str("updateFund.fund.nameEn"))
	r = e.do(t, req{token: fm, query: `mutation { createFund(input: {name: "Quỹ riêng", public: false}) { fund { id } } }`})
	assert.Equal(t, "FORBIDDEN", r.Code(""), "fund managers do not register funds")
}

func TestCheckExpressionPointsAtTheProblem(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	fm := e.token(t, "FUND_MANAGER", "fm-1", "")
	q := `query($l: ExpressionLanguage!, $x: String!) { checkExpression(language: $l, expression: $x) { valid problems { line column message } } }`
	r := e.do(t, req{token: fm, query: q, vars: map[string]any{"l": "ELIGIBILITY_RULE", "x": "startup.teamSize >= 2 &&\n  startup.teamSze < 50"}})
	require.Empty(t, r.Errors)
	assert.Equal(t, false, r.Data["checkExpression"].(map[string]any)["valid"])
	assert.EqualValues(t, 2, r.Num("checkExpression.problems.0.line"))
	assert.EqualValues(t, 10, r.Num("checkExpression.problems.0.column"))
	r = e.do(t, req{token: fm, query: q, vars: map[string]any{"l": "ELIGIBILITY_RULE", "x": "startup.teamSize"}})
	assert.Nil(t, r.Data["checkExpression"].(map[string]any)["problems"].([]any)[0].(map[string]any)["line"], "not a boolean: the whole expression")
	r = e.do(t, req{token: fm, query: q, vars: map[string]any{"l": "SCREENING_CRITERION", "x": "firm.foundedOn >= asOf.addYears(-5)"}})
	assert.Equal(t, true, r.Data["checkExpression"].(map[string]any)["valid"])
	r = e.do(t, req{query: q, vars: map[string]any{"l": "SCREENING_CRITERION", "x": "true"}})
	assert.Equal(t, "UNAUTHENTICATED", r.Code(""))
}

// firmsXLSX writes a workbook of n firms with a Vietnamese header; bad maps
// a row index to a change that spoils it.
func firmsXLSX(t testing.TB, n int, bad map[int]func([]any) []any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{"Mã số thuế", "Tên doanh nghiệp", "Ngày thành lập", "Phường/Xã", "Lĩnh vực", "Giai đoạn", "Số thành viên", "Email liên hệ", "Mô tả"}}
	for i := range n {
		row := []any{demo.TaxCode("31", 5000+i), fmt.Sprintf("Công ty Nhập %03d", i), "15/03/2024", "Ngô Quyền",
			"PORT_LOGISTICS;Phần mềm và SaaS", "Hạt giống", 5 + i%7, fmt.Sprintf("lienhe%03d@nhap.vn", i), "Doanh nghiệp nhập từ danh sách"}
		if spoil, ok := bad[i]; ok {
			row = spoil(row)
		}
		rows = append(rows, row)
	}
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, err)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &row))
	}
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func TestImportStartupsReportsEachBadRowAndWritesTheRest(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	content := firmsXLSX(t, 200, map[int]func([]any) []any{
		17:  func(r []any) []any { r[0] = "0100233489"; return r },                               // check digit wrong
		80:  func(r []any) []any { r[4] = "SHIPBUILDING"; return r },                             // not in the taxonomy
		150: func(r []any) []any { r[0] = demo.TaxCode("31", 5000+3); r[1] = "Trùng"; return r }, // the tax code of row 3
	})
	q := `mutation($c: String!, $dry: Boolean) { importStartups(input: {format: XLSX, content: $c, dryRun: $dry}) {
		report { dryRun rows created updated unchanged refused changes { line action fields startup { id } }
			problems { line taxCode field code message } } userErrors { field code message } } }`
	count := func() int {
		return int(e.do(t, req{query: `{ startups(first: 1) { totalCount } }`}).Num("startups.totalCount"))
	}
	before := count()

	r := e.do(t, req{token: admin, query: q, vars: map[string]any{"c": content, "dry": true}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.List("importStartups.userErrors"))
	assert.EqualValues(t, 200, r.Num("importStartups.report.rows"))
	assert.EqualValues(t, 197, r.Num("importStartups.report.created"))
	assert.EqualValues(t, 3, r.Num("importStartups.report.refused"))
	assert.Equal(t, before, count(), "a dry run writes nothing")
	var got []string
	for _, p := range r.List("importStartups.report.problems") {
		m := p.(map[string]any)
		got = append(got, fmt.Sprintf("%v %v %v", m["line"], m["field"], m["code"]))
	}
	assert.Equal(t, []string{"19 [taxCode] INVALID_TAX_CODE", "82 [sectors] INVALID_VALUE", "152 [taxCode] DUPLICATE_TAX_CODE"}, got,
		"each bad row by its line in the file (the header is line 1)")
	assert.Contains(t, r.Str("importStartups.report.problems.2.message"), "dòng 5", "the duplicate names the first line")

	r = e.do(t, req{token: admin, query: q, vars: map[string]any{"c": content}})
	require.Empty(t, r.Errors)
	assert.EqualValues(t, 197, r.Num("importStartups.report.created"))
	assert.Equal(t, before+197, count())
	assert.NotEmpty(t, r.Str("importStartups.report.changes.0.startup.id"))

	// The same file again changes nothing; a CSV with the API's names updates one firm's stage and team.
	r = e.do(t, req{token: admin, query: q, vars: map[string]any{"c": content}})
	assert.EqualValues(t, 197, r.Num("importStartups.report.unchanged"))
	csv := "taxCode,stage,teamSize,contactEmail\n" + demo.TaxCode("31", 5000) + ",SERIES_A,40,\n" +
		demo.TaxCode("31", 5001) + ",Hạt giống,6,not-an-email\n"
	r = e.do(t, req{token: admin, query: `mutation($c: String!) { importStartups(input: {format: CSV, content: $c}) {
		report { updated refused changes { action fields startup { stage teamSize } } problems { line field code } } } }`,
		vars: map[string]any{"c": csv}})
	require.Empty(t, r.Errors)
	assert.EqualValues(t, 1, r.Num("importStartups.report.updated"))
	assert.Equal(t, []any{"stage", "teamSize"}, r.List("importStartups.report.changes.0.fields"))
	assert.Equal(t, "SERIES_A", r.Str("importStartups.report.changes.0.startup.stage"))
	assert.Equal(t, "3 [contactEmail] INVALID_VALUE", fmt.Sprintf("%v %v %v", r.Num("importStartups.report.problems.0.line"),
		r.List("importStartups.report.problems.0.field"), r.Str("importStartups.report.problems.0.code")))

	// A file-level problem is a userError; a non-admin is refused.
	r = e.do(t, req{token: admin, query: q, vars: map[string]any{"c": base64.StdEncoding.EncodeToString([]byte("not a zip"))}})
	assert.Equal(t, map[string]string{"input.content": "INVALID_VALUE"}, r.UserErrors("importStartups"))
	r = e.do(t, req{token: admin, query: `mutation { importStartups(input: {format: CSV, content: "tax,name\n1,2"}) { userErrors { field code message } } }`})
	assert.Len(t, r.List("importStartups.userErrors"), 2, "an unknown column and no tax code column")
	big := "taxCode\n" + strings.Repeat("0100109106\n", 2001)
	r = e.do(t, req{token: admin, query: `mutation($c: String!) { importStartups(input: {format: CSV, content: $c, dryRun: true}) { userErrors { field code message } } }`,
		vars: map[string]any{"c": big}})
	assert.Equal(t, map[string]string{"input.content": "INVALID_VALUE"}, r.UserErrors("importStartups"), "more rows than an API import takes")
	r = e.do(t, req{token: e.token(t, "INCUBATOR_MANAGER", "im-1", ""), query: q, vars: map[string]any{"c": content, "dry": true}})
	assert.Equal(t, "FORBIDDEN", r.Code(""))
}

// BenchmarkImportStartups imports 1,500 firms from a CSV (a city's registry
// to start with) into the demo data on the embedded store, then the same
// file again (all unchanged), and reports rows/s of each pass.
func BenchmarkImportStartups(b *testing.B) {
	var csv strings.Builder
	csv.WriteString("taxCode,name,foundedOn,ward,sectors,stage,teamSize,contactEmail,description\n")
	const n = 1500
	for i := range n {
		fmt.Fprintf(&csv, "%s,Doanh nghiệp %04d,2023-05-%02d,Lê Chân,SOFTWARE_SAAS;PORT_LOGISTICS,SEED,%d,dn%04d@example.vn,Nhập hàng loạt\n",
			demo.TaxCode("32", i), i, 1+i%28, 3+i%20, i)
	}
	t, err := roster.Read(strings.NewReader(csv.String()), roster.CSV)
	require.NoError(b, err)
	for b.Loop() {
		b.StopTimer()
		e := newEnv(b)
		b.StartTimer()
		start := time.Now()
		rep, err := e.app.ImportStartups(b.Context(), t, roster.Options{})
		require.NoError(b, err)
		require.Equal(b, n, rep.Count(roster.Created))
		b.ReportMetric(n/time.Since(start).Seconds(), "created-rows/s")
		start = time.Now()
		rep, err = e.app.ImportStartups(b.Context(), t, roster.Options{})
		require.NoError(b, err)
		require.Equal(b, n, rep.Count(roster.Unchanged))
		b.ReportMetric(n/time.Since(start).Seconds(), "unchanged-rows/s")
		b.StopTimer()
		e.app.background.Wait()
		b.StartTimer()
	}
}

// Package roster onboards startups in bulk from the lists incubators and the
// Department of Science and Technology keep — CSV or XLSX, one firm a row —
// matched by tax code and applied through the startup use-cases, so every
// row passes the same validation as the API.
package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/innoport/innoport/domain/errs"
)

// Format is the kind of file a table comes in.
type Format string

// The formats read.
const (
	CSV  Format = "CSV"
	XLSX Format = "XLSX"
)

// MaxRows bounds one import; a city's registry is a few thousand firms, and
// a larger file is split by the caller.
const MaxRows = 10000

// Table is a file's header and rows, each row with its line in the file
// (the header is line 1).
type Table struct {
	Header []string
	Rows   []Row
}

// Row is one line of a table.
type Row struct {
	Line  int
	Cells []string
}

func fileErr(vi, en string) error {
	return errs.New(errs.Invalid, errs.CodeInvalidValue, []string{"content"}, vi, en)
}

// Read reads a table: CSV (UTF-8, a byte-order mark allowed, comma or
// semicolon separated) or the first sheet of an XLSX workbook. Blank lines
// are skipped but keep their numbers.
func Read(r io.Reader, f Format) (Table, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return Table{}, fmt.Errorf("read table: %w", err)
	}
	var lines []Row
	switch f {
	case CSV:
		lines, err = readCSV(raw)
	case XLSX:
		lines, err = readXLSX(raw)
	default:
		return Table{}, errs.InvalidValue(fmt.Sprintf("Định dạng %q không được hỗ trợ (CSV hoặc XLSX).", f),
			fmt.Sprintf("Format %q is not supported (CSV or XLSX).", f), "format")
	}
	if err != nil {
		return Table{}, err
	}
	var t Table
	for _, r := range lines {
		if blank(r.Cells) {
			continue
		}
		if t.Header == nil {
			t.Header = r.Cells
			continue
		}
		t.Rows = append(t.Rows, r)
	}
	if t.Header == nil {
		return Table{}, fileErr("Tệp trống: cần một dòng tiêu đề và các dòng doanh nghiệp.",
			"The file is empty: it needs a header row and a row per firm.")
	}
	if len(t.Rows) > MaxRows {
		return Table{}, fileErr(fmt.Sprintf("Tệp có %d dòng; mỗi lần nhập tối đa %d.", len(t.Rows), MaxRows),
			fmt.Sprintf("The file has %d rows; one import takes at most %d.", len(t.Rows), MaxRows))
	}
	return t, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func readCSV(raw []byte) ([]Row, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(raw) {
		return nil, fileErr("Tệp CSV phải được lưu ở mã UTF-8.", "The CSV file must be saved as UTF-8.")
	}
	first, _, _ := bytes.Cut(raw, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(raw))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';' // as Excel saves CSV where the decimal mark is a comma
	}
	cr.FieldsPerRecord = -1
	var out []Row
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fileErr(fmt.Sprintf("Dòng %d của tệp CSV không đọc được: %v.", pe.StartLine, pe.Err),
				fmt.Sprintf("Line %d of the CSV file cannot be read: %v.", pe.StartLine, pe.Err))
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0) // where the record starts: csv skips blank lines, and a quoted cell may span several
		out = append(out, Row{Line: line, Cells: cells})
	}
}

func readXLSX(raw []byte) ([]Row, error) {
	// The limits keep a small file that unpacks to gigabytes from taking the server's memory.
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, fileErr("Tệp không phải là một bảng tính XLSX đọc được.", "The file is not a readable XLSX workbook.")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fileErr("Bảng tính không có trang nào.", "The workbook has no sheet.")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fileErr("Không đọc được trang đầu của bảng tính.", "The workbook's first sheet cannot be read.")
	}
	out := make([]Row, len(rows))
	for i, cells := range rows {
		out[i] = Row{Line: i + 1, Cells: cells} // GetRows keeps blank rows within the sheet, as empty
	}
	return out, nil
}

package roster

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/innoport/innoport/domain/errs"
)

func TestReadKeepsLineNumbersAndSeparators(t *testing.T) {
	t.Parallel()
	csv := "\ufeffMã số thuế;Tên doanh nghiệp;Lĩnh vực\n0100109106;An Phát;FINTECH\n\n0200109106;Bình Minh;\"PORT_LOGISTICS; FINTECH\"\n"
	tb, err := Read(strings.NewReader(csv), CSV)
	require.NoError(t, err)
	assert.Equal(t, []string{"Mã số thuế", "Tên doanh nghiệp", "Lĩnh vực"}, tb.Header, "the byte-order mark is dropped, ';' is the separator")
	require.Len(t, tb.Rows, 2)
	assert.Equal(t, 2, tb.Rows[0].Line)
	assert.Equal(t, 4, tb.Rows[1].Line, "a blank line keeps its number")
	cols, err := columns(tb.Header)
	require.NoError(t, err)
	assert.Equal(t, []Column{ColTaxCode, ColName, ColSectors}, cols)
	p, err := cellsOf(cols, tb.Rows[1]).patch()
	require.NoError(t, err)
	assert.Equal(t, []string{"PORT_LOGISTICS", "FINTECH"}, *p.Sectors)
}

func TestReadRefusesWhatItCannotRead(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		in string
		f  Format
	}{
		"empty":       {"\n\n", CSV},
		"not UTF-8":   {"taxCode,name\n0100109106,\xff\xfe\n", CSV},
		"broken CSV":  {"taxCode,name\n\"0100109106,An\n", CSV},
		"not a zip":   {"taxCode", XLSX},
		"other files": {"x", Format("ODS")},
	} {
		_, err := Read(strings.NewReader(c.in), c.f)
		assert.Equal(t, errs.Invalid, errs.KindOf(err), name)
	}
	_, err := columns([]string{"taxCode", "Tên", "colour", "name"})
	assert.Len(t, errs.Flatten(err), 2, "an unknown column, and name twice (Tên is name)")
}

func TestReadXLSXFirstSheet(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"taxCode", "foundedOn", "teamSize", "stage"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{"0100109106", "05/11/2023", 12, "Vòng A"}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	tb, err := Read(&buf, XLSX)
	require.NoError(t, err)
	require.Len(t, tb.Rows, 1)
	assert.Equal(t, 3, tb.Rows[0].Line)
	cols, err := columns(tb.Header)
	require.NoError(t, err)
	p, err := cellsOf(cols, tb.Rows[0]).patch()
	require.NoError(t, err)
	assert.Equal(t, "2023-11-05", *p.FoundedOn, "DD/MM/YYYY as Vietnamese sheets write dates")
	assert.Equal(t, 12, *p.TeamSize)
	assert.Equal(t, "SERIES_A", *p.Stage, "a stage by its Vietnamese name")
}

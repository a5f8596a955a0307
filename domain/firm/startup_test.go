package firm_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/value"
)

var today = value.Date{Year: 2026, Month: time.November, Day: 22}

func draft() firm.Draft {
	return firm.Draft{
		Name: "Công ty CP Cảng Số", TaxCode: "0100233488", FoundedOn: "2024-01-15", Ward: "Hải An",
		Sectors: []string{"PORT_LOGISTICS"}, Stage: "SEED", TeamSize: 10, Email: "a@cangso.vn",
		FundingNeed: 5_000_000_000,
		Revenue:     []firm.YearRevenueDraft{{Year: 2025, Amount: 2}, {Year: 2024, Amount: 1}},
	}
}

func TestNewProfileAcceptsAValidDraft(t *testing.T) {
	t.Parallel()
	p, err := firm.NewProfile(draft(), today)
	require.NoError(t, err)
	assert.Equal(t, []firm.YearRevenue{{Year: 2024, Amount: 1}, {Year: 2025, Amount: 2}}, p.Financials.Revenue, "sorted by year")
	assert.Equal(t, draft().TaxCode, p.Draft().TaxCode, "Draft round-trips")
}

func TestNewProfileNamesEveryBadField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*firm.Draft)
		field  string
		code   errs.Code
	}{
		{"future founding", func(d *firm.Draft) { d.FoundedOn = "2026-11-23" }, "foundedOn", errs.CodeInvalidValue},
		{"founded today is fine", func(d *firm.Draft) { d.FoundedOn = "2026-11-22"; d.Revenue = nil }, "", ""},
		{"ancient founding", func(d *firm.Draft) { d.FoundedOn = "1985-12-31" }, "foundedOn", errs.CodeInvalidValue},
		{"no founding date", func(d *firm.Draft) { d.FoundedOn = "" }, "foundedOn", errs.CodeRequired},
		{"no sectors", func(d *firm.Draft) { d.Sectors = nil }, "sectors", errs.CodeRequired},
		{"six sectors", func(d *firm.Draft) {
			d.Sectors = []string{"FINTECH", "EDTECH", "HEALTHTECH", "BIOTECH", "IOT_HARDWARE", "SMART_CITY"}
		}, "sectors", errs.CodeInvalidValue},
		{"unknown stage", func(d *firm.Draft) { d.Stage = "UNICORN" }, "stage", errs.CodeInvalidValue},
		{"revenue before founding", func(d *firm.Draft) { d.Revenue = []firm.YearRevenueDraft{{Year: 2023, Amount: 1}} },
			"financials.revenue.0.year", errs.CodeInvalidValue},
		{"revenue twice", func(d *firm.Draft) {
			d.Revenue = []firm.YearRevenueDraft{{Year: 2025, Amount: 1}, {Year: 2025, Amount: 2}}
		},
			"financials.revenue.1.year", errs.CodeInvalidValue},
		{"negative revenue", func(d *firm.Draft) { d.Revenue = []firm.YearRevenueDraft{{Year: 2025, Amount: -1}} },
			"financials.revenue.0.amountVnd", errs.CodeInvalidValue},
		{"negative need", func(d *firm.Draft) { d.FundingNeed = -1 }, "financials.fundingNeedVnd", errs.CodeInvalidValue},
		{"bad phone", func(d *firm.Draft) { d.Phone = "123" }, "contact.phone", errs.CodeInvalidValue},
		{"long name", func(d *firm.Draft) { d.Name = string(make([]rune, 201)) }, "name", errs.CodeInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := draft()
			tt.change(&d)
			_, err := firm.NewProfile(d, today)
			if tt.code == "" {
				assert.NoError(t, err)
				return
			}
			es := errs.Flatten(err)
			require.Len(t, es, 1, "%v", err)
			assert.Equal(t, tt.code, es[0].Code)
			assert.Equal(t, tt.field, strings.Join(es[0].Field, "."))
		})
	}
}

func TestPatchChangesOnlyGivenFields(t *testing.T) {
	t.Parallel()
	p, err := firm.NewProfile(draft(), today)
	require.NoError(t, err)
	d := p.Draft()
	name, sectors := "Tên mới", []string{"AGRITECH_FOOD"}
	value.Overlay(&d, firm.Patch{Name: &name, Sectors: &sectors})
	next, err := firm.NewProfile(d, today)
	require.NoError(t, err)
	assert.Equal(t, "Tên mới", next.Name)
	assert.Equal(t, []value.Sector{value.SectorAgritech}, next.Sectors)
	assert.Equal(t, p.TaxCode, next.TaxCode)
	assert.Equal(t, p.Financials, next.Financials)
}

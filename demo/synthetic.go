package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Synthetic makes n valid firms with a spread of screening evidence dated
// before asOf, deterministically, for benchmarks at city and national scale.
func Synthetic(n int, asOf value.Date) []firm.Startup {
	r := rand.New(rand.NewPCG(1, 2))
	day := func(years int) value.Date {
		return value.DateOf(asOf.Start().AddDate(-r.IntN(years+1), -r.IntN(12), -r.IntN(28)))
	}
	out := make([]firm.Startup, n)
	for i := range out {
		founded := day(10)
		d := firm.Draft{Name: fmt.Sprintf("Doanh nghiệp %06d", i), TaxCode: TaxCode("09", i), FoundedOn: founded.String(),
			Ward: "Lê Chân", Sectors: []string{"SOFTWARE_SAAS"}, Stage: "SEED", TeamSize: 5, Email: "lienhe@example.vn"}
		e := &d.Evidence
		e.FirstRegisteredOn = founded
		e.LegalForm = []firm.LegalForm{firm.JointStock, firm.LLCOneMember, firm.LLCMultiMember}[r.IntN(3)]
		e.PublicOffering = e.LegalForm == firm.JointStock && r.IntN(7) == 0
		if r.IntN(3) == 0 {
			e.Awards = []firm.Award{{Name: "Giải thưởng", AwardedOn: day(8), DocumentRef: "doc"}}
		}
		if r.IntN(3) == 0 {
			e.IPAssets = []firm.IPAsset{{Kind: firm.UtilitySolution, GrantedOn: day(8), DocumentRef: "doc"},
				{Kind: firm.SoftwareCopyright, GrantedOn: day(3), DocumentRef: "doc"}}
		}
		if r.IntN(4) == 0 {
			e.Investments = []firm.Investment{{Fund: "Quỹ", Amount: value.VND(1 + r.Int64N(3_000_000_000)), On: day(6),
				Commitment: r.IntN(2) == 0, DocumentRef: "doc"}}
		}
		if r.IntN(4) == 0 {
			e.Confirmations = []firm.Confirmation{{Issuer: "Vườn ươm", IssuedOn: day(1), DocumentRef: "doc"}}
		}
		if r.IntN(2) == 0 && founded.Year < asOf.Year {
			total := 1 + r.Int64N(10_000_000_000)
			d.Revenue = []firm.YearRevenueDraft{{Year: asOf.Year - 1, Amount: total, ST: r.Int64N(total + 1)}}
		}
		p, err := firm.NewProfile(d, asOf)
		if err != nil {
			panic(fmt.Sprintf("synthetic firm %d: %v", i, err)) // the generator makes valid firms
		}
		out[i] = firm.Startup{Meta: record.New(asOf.Start()), Profile: p}
		out[i].ID = fmt.Sprintf("syn%07d", i)
	}
	return out
}

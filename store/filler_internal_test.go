package store

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// validCriteriaSet makes a filled criteria set valid: a group needs two
// alternatives, and the first criterion is in none.
func validCriteriaSet(s *screening.CriteriaSet) {
	s.Criteria[0].Group = ""
	s.Criteria = append(s.Criteria, s.Criteria[0], s.Criteria[0])
	s.Criteria[1].Key, s.Criteria[1].Group = "alt_a", "grounds"
	s.Criteria[2].Key, s.Criteria[2].Group = "alt_b", "grounds"
}

// ungrouped makes a filled incentive's condition required: a group needs
// two alternatives.
func ungrouped(i *incentive.Incentive) { i.Conditions[0].Group = "" }

// grantedRight makes a filled offer's IP right a title granted: a pending
// application has no grant date.
func grantedRight(o *transfer.Offer) { o.IP[0].Pending = false }

// consistentThread makes a filled pair's requests of its event and
// version: both are stored once, for the pair.
func consistentThread(th *thread) {
	th.Requests[0].EventID, th.Requests[0].Version = th.EventID, th.Version
}

// filler sets every field of a value to one that is not its zero and that
// the domain's constructors accept (converters re-validate what they read):
// valid value types and enum values, keys, web addresses and expressions
// where fields hold them, times and dates that grow field by field (so an
// expiry follows its grant), distinct strings elsewhere.
type filler struct{ n int }

func (f *filler) fill(v reflect.Value, path string) {
	f.n++
	if set, ok := valid[v.Type()]; ok {
		v.Set(reflect.ValueOf(set))
		return
	}
	name := path[strings.LastIndexAny(path, ".]")+1:]
	later := 0 // an end, an expiry or a close comes well after the rest
	if strings.HasPrefix(name, "Expires") || strings.HasPrefix(name, "Closes") || strings.HasPrefix(name, "End") {
		later = 1000
	}
	switch v.Type() {
	case reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(f.n+later) * time.Minute)))
		return
	case reflect.TypeOf(value.Date{}):
		v.Set(reflect.ValueOf(value.DateOf(time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, f.n+later))))
		return
	case reflect.TypeOf(time.Duration(0)):
		v.SetInt(int64(48 * time.Hour))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem(), path)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		f.fill(v.Index(0), path+"[0]")
	case reflect.Array:
		for i := range v.Len() {
			f.fill(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		f.fill(k, path+".key")
		f.fill(e, path+".value")
		v.SetMapIndex(k, e)
	case reflect.String:
		switch {
		case strings.HasSuffix(name, "Website") || strings.HasSuffix(name, "URL"):
			v.SetString("https://example.vn/" + strconv.Itoa(f.n))
		case strings.HasSuffix(name, "Key") || name == "Group":
			v.SetString("k" + strconv.Itoa(f.n))
		case name == "Expression":
			v.SetString("true")
		default:
			v.SetString("x " + path)
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if name == "Year" {
			v.SetInt(2025)
		} else {
			v.SetInt(3)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(2.5)
	default:
		panic(fmt.Sprintf("fill: %s has kind %s", path, v.Kind()))
	}
}

// valid are the values of the types whose converters check or parse them.
var valid = map[reflect.Type]any{
	reflect.TypeOf(value.Sector("")):                     value.SectorPortLogistics,
	reflect.TypeOf(value.Stage("")):                      value.StageSeed,
	reflect.TypeOf(firm.IPKind("")):                      firm.InventionPatent,
	reflect.TypeOf(firm.CertificateKind("")):             firm.STEnterprise,
	reflect.TypeOf(funding.QuestionKind("")):             funding.QuestionText,
	reflect.TypeOf(screening.DataKey("")):                screening.DataLegalForm,
	reflect.TypeOf(identity.Role("")):                    identity.RoleInvestor,
	reflect.TypeOf(must(value.NewWard("Hải An"))):        must(value.NewWard("Hải An")),
	reflect.TypeOf(must(value.NewEmail("a@example.vn"))): must(value.NewEmail("a@example.vn")),
	reflect.TypeOf(must(value.NewTaxCode("0100233488"))): must(value.NewTaxCode("0100233488")),
	reflect.TypeOf(ecosystem.InvestorKind("")):           ecosystem.InvestorKind("ANGEL"),
	reflect.TypeOf(firm.LegalForm("")):                   firm.LegalForm("JOINT_STOCK"),
	reflect.TypeOf(funding.AppStatus("")):                funding.AppSubmitted,
	reflect.TypeOf(events.Status("")):                    events.Published,
	reflect.TypeOf(sandbox.Status("")):                   sandbox.Status("SUBMITTED"),
	reflect.TypeOf(transfer.OrgKind("")):                 transfer.Institute,
	reflect.TypeOf(transfer.TRL(0)):                      transfer.TRL(6),
	reflect.TypeOf(transfer.Cooperation("")):             transfer.Licence,
	reflect.TypeOf(transfer.OfferStatus("")):             transfer.Published,
	reflect.TypeOf(transfer.RequestStatus("")):           transfer.RequestOpen,
	reflect.TypeOf(transfer.Stage("")):                   transfer.Agreed,
	reflect.TypeOf(must(value.NewPhone("0912345678"))):   must(value.NewPhone("0912345678")),
	reflect.TypeOf(incentive.BenefitKind("")):            incentive.Grant,
	reflect.TypeOf(incentive.Period("")):                 incentive.PerYear,
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

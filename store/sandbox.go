package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/value"
)

type limitsDoc struct {
	DurationDays   int      `bson:"durationDays"`
	MaxCustomers   int      `bson:"maxCustomers"`
	Wards          []string `bson:"wards,omitempty"`
	CapPerCustomer int64    `bson:"capPerCustomerVnd,omitempty"`
	TotalCap       int64    `bson:"totalCapVnd,omitempty"`
}

func limitsToDoc(l sandbox.Limits) limitsDoc {
	return limitsDoc{DurationDays: l.DurationDays, MaxCustomers: l.MaxCustomers, Wards: l.Wards,
		CapPerCustomer: int64(l.CapPerCustomer), TotalCap: int64(l.TotalCap)}
}

func (d limitsDoc) toDomain() sandbox.Limits {
	return sandbox.Limits{DurationDays: d.DurationDays, MaxCustomers: d.MaxCustomers, Wards: d.Wards,
		CapPerCustomer: value.VND(d.CapPerCustomer), TotalCap: value.VND(d.TotalCap)}
}

type programDocSB struct {
	Meta             metaDoc    `bson:",inline"`
	Name             string     `bson:"name"`
	NameEN           string     `bson:"nameEn,omitempty"`
	Sectors          []string   `bson:"sectors"`
	Limits           limitsDoc  `bson:"limits"`
	AckWorkingDays   int        `bson:"ackWorkingDays"`
	AssessmentDays   int        `bson:"assessmentDays"`
	StartWithinDays  int        `bson:"startWithinDays"`
	ReportPeriodDays int        `bson:"reportPeriodDays"`
	Holidays         []string   `bson:"holidays"`
	Guides           []guideDoc `bson:"guides"`
}

type guideDoc struct {
	Criterion string   `bson:"criterion"`
	Positive  []string `bson:"positive"`
	Negative  []string `bson:"negative"`
}

// Programs stores sandbox.Program documents.
type Programs struct {
	repo[sandbox.Program, programDocSB]
}

var _ sandbox.ProgramStore = (*Programs)(nil)

// NewPrograms returns the sandbox-program store of db.
func NewPrograms(db *DB) *Programs {
	return &Programs{repo[sandbox.Program, programDocSB]{
		db: db, coll: db.coll(colPrograms),
		toDoc: func(p sandbox.Program) programDocSB {
			d := programDocSB{Meta: metaToDoc(p.Meta), Name: p.Name, NameEN: p.NameEN, Sectors: names(p.Sectors),
				Limits: limitsToDoc(p.Limits), AckWorkingDays: p.AckWorkingDays, AssessmentDays: p.AssessmentDays,
				StartWithinDays: p.StartWithinDays, ReportPeriodDays: p.ReportPeriodDays}
			for _, h := range p.Calendar.Holidays {
				d.Holidays = append(d.Holidays, h.String())
			}
			for _, g := range p.Guides {
				d.Guides = append(d.Guides, guideDoc(g))
			}
			return d
		},
		toDomain: func(d programDocSB) (sandbox.Program, error) {
			sectors, err := value.ParseSectors(d.Sectors)
			if err != nil {
				return sandbox.Program{}, corrupt(colPrograms, d.Meta.ID, err)
			}
			p := sandbox.Program{Meta: d.Meta.toDomain(), Name: d.Name, NameEN: d.NameEN, Sectors: sectors, Limits: d.Limits.toDomain(),
				AckWorkingDays: d.AckWorkingDays, AssessmentDays: d.AssessmentDays, StartWithinDays: d.StartWithinDays,
				ReportPeriodDays: d.ReportPeriodDays}
			for _, h := range d.Holidays {
				p.Calendar.Holidays = append(p.Calendar.Holidays, dateOf(h))
			}
			for _, g := range d.Guides {
				p.Guides = append(p.Guides, sandbox.Guide(g))
			}
			return p, nil
		},
		meta:   func(p *sandbox.Program) *record.Meta { return &p.Meta },
		entity: sandbox.EntityProgram,
	}}
}

// All returns every program by name.
func (s *Programs) All(ctx context.Context) ([]sandbox.Program, error) {
	return s.find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "name", Value: 1}}))
}

type sandboxAppDoc struct {
	Meta           metaDoc          `bson:",inline"`
	ProgramID      string           `bson:"programId"`
	StartupID      string           `bson:"startupId"`
	Proposal       proposalDoc      `bson:"proposal"`
	Status         string           `bson:"status"`
	History        []transitionDoc  `bson:"history"`
	Assessments    []assessmentDoc  `bson:"assessments"`
	InfoRequests   []infoRequestDoc `bson:"infoRequests"`
	Certified      limitsDoc        `bson:"certified"`
	Conditions     []string         `bson:"conditions"`
	RejectReasons  string           `bson:"rejectReasons,omitempty"`
	SubmittedOn    string           `bson:"submittedOn,omitempty"`
	AcknowledgedOn string           `bson:"acknowledgedOn,omitempty"`
	ApprovedOn     string           `bson:"approvedOn,omitempty"`
	TestStartedOn  string           `bson:"testStartedOn,omitempty"`
	Reports        []reportDoc      `bson:"reports"`
	Extensions     []extensionDoc   `bson:"extensions"`
	Outcome        string           `bson:"outcome,omitempty"`
	Flags          []string         `bson:"flags"`
}

type proposalDoc struct {
	Product         string    `bson:"product"`
	Innovation      string    `bson:"innovation,omitempty"`
	ConsumerBenefit string    `bson:"consumerBenefit,omitempty"`
	Readiness       string    `bson:"readiness,omitempty"`
	Need            string    `bson:"need,omitempty"`
	Requested       limitsDoc `bson:"requested"`
	StartOn         string    `bson:"startOn,omitempty"`
	Risks           string    `bson:"risks,omitempty"`
	Mitigations     string    `bson:"mitigations,omitempty"`
	Safeguards      string    `bson:"safeguards,omitempty"`
	Disclosure      string    `bson:"disclosure,omitempty"`
	ExitPlan        string    `bson:"exitPlan,omitempty"`
	Documents       []string  `bson:"documents,omitempty"`
}

type assessmentDoc struct {
	By       string       `bson:"by"`
	At       time.Time    `bson:"at"`
	Findings []findingDoc `bson:"findings"`
}

type findingDoc struct {
	Criterion string `bson:"criterion"`
	Met       bool   `bson:"met"`
	Note      string `bson:"note,omitempty"`
}

type infoRequestDoc struct {
	At         time.Time `bson:"at"`
	Question   string    `bson:"question"`
	Answer     string    `bson:"answer,omitempty"`
	AnsweredAt time.Time `bson:"answeredAt,omitempty"`
}

type extensionDoc struct {
	Days      int       `bson:"days"`
	Reason    string    `bson:"reason"`
	At        time.Time `bson:"at"`
	Decided   bool      `bson:"decided"`
	Approved  bool      `bson:"approved"`
	DecidedBy string    `bson:"decidedBy,omitempty"`
}

type incidentDoc struct {
	Critical    bool   `bson:"critical"`
	Description string `bson:"description"`
}

type metricDoc struct {
	Name  string  `bson:"name"`
	Value float64 `bson:"value"`
}

type reportDoc struct {
	PeriodEnd    string        `bson:"periodEnd"`
	Customers    int           `bson:"customers"`
	Transactions int           `bson:"transactions"`
	Volume       int64         `bson:"volumeVnd"`
	MaxExposure  int64         `bson:"maxExposureVnd"`
	Complaints   int           `bson:"complaints"`
	Incidents    []incidentDoc `bson:"incidents"`
	Metrics      []metricDoc   `bson:"metrics"`
	SubmittedAt  time.Time     `bson:"submittedAt"`
	Breaches     []string      `bson:"breaches"`
}

func sandboxAppToDoc(a sandbox.Application) sandboxAppDoc {
	p := a.Proposal
	d := sandboxAppDoc{Meta: metaToDoc(a.Meta), ProgramID: a.ProgramID, StartupID: a.StartupID, Status: string(a.Status),
		Proposal: proposalDoc{Product: p.Product, Innovation: p.Innovation, ConsumerBenefit: p.ConsumerBenefit, Readiness: p.Readiness,
			Need: p.Need, Requested: limitsToDoc(p.Requested), StartOn: dateDoc(p.StartOn), Risks: p.Risks, Mitigations: p.Mitigations,
			Safeguards: p.Safeguards, Disclosure: p.Disclosure, ExitPlan: p.ExitPlan, Documents: p.Documents},
		History: []transitionDoc{}, Certified: limitsToDoc(a.Certified),
		Conditions: a.Conditions, RejectReasons: a.RejectReasons, SubmittedOn: dateDoc(a.SubmittedOn),
		AcknowledgedOn: dateDoc(a.AcknowledgedOn), ApprovedOn: dateDoc(a.ApprovedOn), TestStartedOn: dateDoc(a.TestStartedOn),
		Outcome: string(a.Outcome), Flags: names(a.Flags)}
	for _, x := range a.Assessments {
		ad := assessmentDoc{By: x.By, At: x.At}
		for _, f := range x.Findings {
			ad.Findings = append(ad.Findings, findingDoc(f))
		}
		d.Assessments = append(d.Assessments, ad)
	}
	for _, x := range a.InfoRequests {
		d.InfoRequests = append(d.InfoRequests, infoRequestDoc(x))
	}
	for _, x := range a.Extensions {
		d.Extensions = append(d.Extensions, extensionDoc(x))
	}
	for _, h := range a.History {
		d.History = append(d.History, transitionDoc{At: h.At, By: h.By, From: string(h.From), To: string(h.To), Reason: h.Reason})
	}
	for _, r := range a.Reports {
		d.Reports = append(d.Reports, reportDoc{PeriodEnd: dateDoc(r.PeriodEnd), Customers: r.Customers, Transactions: r.Transactions,
			Volume: int64(r.Volume), MaxExposure: int64(r.MaxExposure), Complaints: r.Complaints,
			SubmittedAt: r.SubmittedAt, Breaches: r.Breaches})
		rd := &d.Reports[len(d.Reports)-1]
		for _, x := range r.Incidents {
			rd.Incidents = append(rd.Incidents, incidentDoc(x))
		}
		for _, x := range r.Metrics {
			rd.Metrics = append(rd.Metrics, metricDoc(x))
		}
	}
	return d
}

func sandboxAppToDomain(d sandboxAppDoc) (sandbox.Application, error) {
	p := d.Proposal
	a := sandbox.Application{Meta: d.Meta.toDomain(), ProgramID: d.ProgramID, StartupID: d.StartupID, Status: sandbox.Status(d.Status),
		Proposal: sandbox.Proposal{Product: p.Product, Innovation: p.Innovation, ConsumerBenefit: p.ConsumerBenefit, Readiness: p.Readiness,
			Need: p.Need, Requested: p.Requested.toDomain(), StartOn: dateOf(p.StartOn), Risks: p.Risks, Mitigations: p.Mitigations,
			Safeguards: p.Safeguards, Disclosure: p.Disclosure, ExitPlan: p.ExitPlan, Documents: p.Documents},
		Certified: d.Certified.toDomain(), Conditions: d.Conditions,
		RejectReasons: d.RejectReasons, SubmittedOn: dateOf(d.SubmittedOn), AcknowledgedOn: dateOf(d.AcknowledgedOn),
		ApprovedOn: dateOf(d.ApprovedOn), TestStartedOn: dateOf(d.TestStartedOn), Outcome: sandbox.Outcome(d.Outcome)}
	for _, x := range d.Assessments {
		as := sandbox.Assessment{By: x.By, At: x.At.UTC()}
		for _, f := range x.Findings {
			as.Findings = append(as.Findings, sandbox.Finding(f))
		}
		a.Assessments = append(a.Assessments, as)
	}
	for _, x := range d.InfoRequests {
		ir := sandbox.InfoRequest(x)
		ir.At = ir.At.UTC()
		ir.AnsweredAt = ir.AnsweredAt.UTC()
		a.InfoRequests = append(a.InfoRequests, ir)
	}
	for _, x := range d.Extensions {
		ext := sandbox.Extension(x)
		ext.At = ext.At.UTC()
		a.Extensions = append(a.Extensions, ext)
	}
	for _, h := range d.History {
		a.History = append(a.History, sandbox.Transition{At: h.At.UTC(), By: h.By, From: sandbox.Status(h.From), To: sandbox.Status(h.To), Reason: h.Reason})
	}
	for _, r := range d.Reports {
		rep := sandbox.Report{PeriodEnd: dateOf(r.PeriodEnd), Customers: r.Customers, Transactions: r.Transactions,
			Volume: value.VND(r.Volume), MaxExposure: value.VND(r.MaxExposure), Complaints: r.Complaints,
			SubmittedAt: r.SubmittedAt.UTC(), Breaches: r.Breaches}
		for _, x := range r.Incidents {
			rep.Incidents = append(rep.Incidents, sandbox.Incident(x))
		}
		for _, x := range r.Metrics {
			rep.Metrics = append(rep.Metrics, sandbox.Metric(x))
		}
		a.Reports = append(a.Reports, rep)
	}
	for _, f := range d.Flags {
		a.Flags = append(a.Flags, sandbox.Flag(f))
	}
	return a, nil
}

// SandboxApplications stores sandbox.Application documents.
type SandboxApplications struct {
	filtered[sandbox.Application, sandboxAppDoc, sandbox.Filter]
}

var _ sandbox.ApplicationStore = (*SandboxApplications)(nil)

// NewSandboxApplications returns the sandbox-application store of db.
func NewSandboxApplications(db *DB) *SandboxApplications {
	return &SandboxApplications{filtered[sandbox.Application, sandboxAppDoc, sandbox.Filter]{filter: sandboxFilter, repo: repo[sandbox.Application, sandboxAppDoc]{
		db: db, coll: db.coll(colSandboxApps), toDoc: sandboxAppToDoc, toDomain: sandboxAppToDomain,
		meta:   func(a *sandbox.Application) *record.Meta { return &a.Meta },
		entity: sandbox.EntityApplication,
	}}}
}

func sandboxFilter(f sandbox.Filter) bson.D {
	q := eqIfSet(bson.D{}, "programId", f.ProgramID)
	q = eqIfSet(q, "startupId", f.StartupID)
	if len(f.Statuses) > 0 {
		q = append(q, bson.E{Key: "status", Value: bson.D{{Key: "$in", Value: names(f.Statuses)}}})
	}
	return q
}

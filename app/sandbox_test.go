package app

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sandboxFields = `sandboxApplication { id status version flags certified { maxCustomers durationDays }
	deadlines { acknowledgeBy assessBy startBy nextReportBy testEndsOn }
	history { from to by reason } reports { customers breaches metrics { name value } } outcome } userErrors { field code message }`

// TestSandboxFromDraftToGraduation walks one application through the whole
// mechanism: an information request, a report that breaches a certified
// limit, a suspension on a critical incident and its lifting, graduation;
// with illegal moves refused and deadlines counted across weekends and Tết.
func TestSandboxFromDraftToGraduation(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e
	// Wednesday 3 February 2027, 09:00 in Hai Phong, just before Tết.
	e.clock.Set(time.Date(2027, 2, 3, 2, 0, 0, 0, time.UTC))
	r := e.do(t, req{query: `{ sandboxPrograms { id name holidays guides { criterion positive negative } } }`})
	require.Empty(t, r.Errors)
	program := r.Str("sandboxPrograms.0.id")
	assert.Len(t, r.List("sandboxPrograms.0.guides"), 5, "every criterion has its indicators")
	// Tokens are minted when used: the test moves the clock by weeks.
	firm := func() string { return w.member(t, "PortPay") }
	regulator := func() string { return e.token(t, "REGULATOR", "sbv-1", program) }

	proposal := map[string]any{"product": "Thanh toán phí cảng bằng ví điện tử", "innovation": "Đối soát tự động theo container",
		"consumerBenefit": "Giảm thời gian thông quan", "readiness": "Đã thử nội bộ với 3 chủ hàng", "need": "Chưa có khung pháp lý cho ví điện tử phí cảng",
		"requested": map[string]any{"durationDays": 365, "maxCustomers": 9000, "capPerCustomerVnd": 50_000_000, "totalCapVnd": 10_000_000_000},
		"startOn":   "2027-03-01", "risks": "Lỗi đối soát", "mitigations": "Đối soát hằng ngày", "safeguards": "Hoàn tiền trong 24 giờ",
		"disclosure": "Thông báo trên ứng dụng", "exitPlan": "Chuyển về thanh toán chuyển khoản", "documents": []string{"files/ho-so.pdf"}}
	create := `mutation($in: CreateSandboxApplicationInput!) { createSandboxApplication(input: $in) { ` + sandboxFields + ` } }`
	r = e.do(t, req{token: firm(), query: create, vars: map[string]any{"in": map[string]any{
		"programId": program, "startupId": w.startup["PortPay"], "proposal": proposal}}})
	assert.Equal(t, map[string]string{"input.proposal.requested.maxCustomers": "INVALID_VALUE"}, r.UserErrors("createSandboxApplication"),
		"9,000 customers is beyond the program's 5,000")
	proposal["requested"].(map[string]any)["maxCustomers"] = 2000
	r = e.do(t, req{token: firm(), query: create, vars: map[string]any{"in": map[string]any{
		"programId": program, "startupId": w.startup["PortPay"], "proposal": proposal}}})
	require.Empty(t, r.UserErrors("createSandboxApplication"))
	id := r.Str("createSandboxApplication.sandboxApplication.id")
	ghost := e.token(t, "STARTUP_MEMBER", "ghost", "U3RhcnR1cDpnaG9zdA") // Startup:ghost
	r = e.do(t, req{token: ghost, query: create, vars: map[string]any{"in": map[string]any{
		"programId": program, "startupId": "U3RhcnR1cDpnaG9zdA", "proposal": proposal}}})
	assert.Equal(t, map[string]string{"input.startupId": "NOT_FOUND"}, r.UserErrors("createSandboxApplication"))

	version := func() int {
		r := e.do(t, req{token: regulator(), query: `query($id: ID!) { sandboxApplication(id: $id) { version } }`, vars: map[string]any{"id": id}})
		return r.Num("sandboxApplication.version")
	}
	// act takes a step through its own mutation, answered as "acted".
	act := func(token, action, reason string) response {
		step := map[string]string{"SUBMIT": "submitSandboxApplication", "ACKNOWLEDGE": "acknowledgeSandboxApplication",
			"REJECT": "rejectSandboxApplication", "START_TEST": "startSandboxTest", "SUSPEND": "suspendSandboxTest",
			"LIFT_SUSPENSION": "liftSandboxSuspension", "WITHDRAW": "withdrawSandboxApplication"}[action]
		return e.do(t, req{token: token, query: `mutation($in: SandboxApplicationActionInput!) { acted: ` + step + `(input: $in) { ` + sandboxFields + ` } }`,
			vars: map[string]any{"in": map[string]any{"id": id, "version": version(), "reason": reason}}})
	}
	call := func(token, mutation, inputType string, in map[string]any) response {
		in["id"] = id
		if _, ok := in["version"]; !ok && mutation != "submitSandboxReport" {
			in["version"] = version()
		}
		return e.do(t, req{token: token, query: `mutation($in: ` + inputType + `!) { ` + mutation + `(input: $in) { ` + sandboxFields + ` } }`,
			vars: map[string]any{"in": in}})
	}
	status := func(r response, mutation string) string { return r.Str(mutation + ".sandboxApplication.status") }

	assert.Equal(t, "FORBIDDEN", act(regulator(), "SUBMIT", "").Code("acted"), "the firm submits")
	r = act(firm(), "SUBMIT", "")
	require.Empty(t, r.UserErrors("acted"))
	assert.Equal(t, "SUBMITTED", status(r, "acted"))
	// Five working days from Wednesday 3 February skip Tết (5–11 February) and two weekends.
	assert.Equal(t, "2027-02-17", r.Str("acted.sandboxApplication.deadlines.acknowledgeBy"))
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, act(firm(), "START_TEST", "").UserErrors("acted"))

	// The acknowledgement is late: the deadline job flags it for both sides.
	e.clock.Set(time.Date(2027, 2, 18, 2, 0, 0, 0, time.UTC))
	n, err := e.app.resolver.Sandbox.FlagOverdue(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 3, n, "this one, and by then both of the demo's queue")
	r = e.do(t, req{token: firm(), query: `query($id: ID!) { sandboxApplication(id: $id) { flags } }`, vars: map[string]any{"id": id}})
	assert.Equal(t, []any{"ACKNOWLEDGEMENT_OVERDUE"}, r.Get("sandboxApplication.flags"))

	r = act(regulator(), "ACKNOWLEDGE", "")
	assert.Equal(t, "UNDER_ASSESSMENT", status(r, "acted"))
	assert.Equal(t, "2027-05-19", r.Str("acted.sandboxApplication.deadlines.assessBy"), "90 days from acknowledgement")
	n, err = e.app.resolver.Sandbox.FlagOverdue(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the flag clears")

	r = call(regulator(), "requestSandboxInformation", "SandboxTextInput", map[string]any{"text": "Cơ chế hoàn tiền khi đối soát sai?"})
	assert.Equal(t, "INFO_REQUESTED", status(r, "requestSandboxInformation"))
	r = call(firm(), "answerSandboxInformation", "SandboxTextInput", map[string]any{"text": "Hoàn tiền tự động trong 24 giờ qua ví."})
	assert.Equal(t, "UNDER_ASSESSMENT", status(r, "answerSandboxInformation"))

	findings := []map[string]any{}
	for _, c := range []string{"in_scope", "genuine_innovation", "consumer_benefit", "readiness"} {
		findings = append(findings, map[string]any{"criterion": c, "met": true})
	}
	r = call(regulator(), "assessSandboxApplication", "AssessSandboxInput", map[string]any{"findings": findings})
	assert.Equal(t, map[string]string{"input.findings.need_for_sandbox": "REQUIRED"}, r.UserErrors("assessSandboxApplication"))
	findings = append(findings, map[string]any{"criterion": "need_for_sandbox", "met": true, "note": "Chưa có quy định"})
	r = call(regulator(), "assessSandboxApplication", "AssessSandboxInput", map[string]any{"findings": findings})
	require.Empty(t, r.UserErrors("assessSandboxApplication"))

	approve := map[string]any{"certified": map[string]any{"durationDays": 400, "maxCustomers": 1000, "capPerCustomerVnd": 50_000_000, "totalCapVnd": 5_000_000_000},
		"conditions": []string{"Báo cáo khiếu nại hằng tháng"}}
	r = call(regulator(), "approveSandboxApplication", "ApproveSandboxInput", approve)
	assert.Equal(t, map[string]string{"input.certified.durationDays": "INVALID_VALUE"}, r.UserErrors("approveSandboxApplication"), "never looser than requested")
	approve["certified"].(map[string]any)["durationDays"] = 180
	r = call(regulator(), "approveSandboxApplication", "ApproveSandboxInput", approve)
	require.Empty(t, r.UserErrors("approveSandboxApplication"))
	assert.Equal(t, "APPROVED", status(r, "approveSandboxApplication"))
	assert.Equal(t, "2027-05-19", r.Str("approveSandboxApplication.sandboxApplication.deadlines.startBy"))

	e.clock.Set(time.Date(2027, 3, 1, 2, 0, 0, 0, time.UTC))
	r = act(firm(), "START_TEST", "")
	assert.Equal(t, "TESTING", status(r, "acted"))
	assert.Equal(t, "2027-03-31", r.Str("acted.sandboxApplication.deadlines.nextReportBy"))
	assert.Equal(t, "2027-08-28", r.Str("acted.sandboxApplication.deadlines.testEndsOn"))

	r = call(firm(), "submitSandboxReport", "SandboxReportInput", map[string]any{"periodEnd": "2027-03-31", "customers": 1200,
		"transactions": 5400, "volumeVnd": 2_000_000_000, "maxExposureVnd": 30_000_000, "complaints": 3,
		"metrics": []map[string]any{{"name": "Thời gian đối soát trung bình (giờ)", "value": 2.5}}})
	assert.Equal(t, "TESTING", status(r, "submitSandboxReport"))
	assert.Equal(t, []any{"maxCustomers"}, r.Get("submitSandboxReport.sandboxApplication.reports.0.breaches"), "1,200 customers over the certified 1,000")
	assert.Equal(t, 2.5, r.Get("submitSandboxReport.sandboxApplication.reports.0.metrics.0.value"))

	r = call(firm(), "submitSandboxReport", "SandboxReportInput", map[string]any{"periodEnd": "2027-04-30", "customers": 900,
		"transactions": 6000, "volumeVnd": 2_500_000_000, "maxExposureVnd": 40_000_000, "complaints": 9,
		"incidents": []map[string]any{{"critical": true, "description": "Trừ tiền hai lần do lỗi đối soát"}}})
	assert.Equal(t, "SUSPENDED", status(r, "submitSandboxReport"), "a critical incident suspends the test")
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, act(firm(), "WITHDRAW", "").UserErrors("acted"))
	assert.Equal(t, "FORBIDDEN", act(firm(), "LIFT_SUSPENSION", "đã sửa").Code("acted"))
	r = act(regulator(), "LIFT_SUSPENSION", "Đã khắc phục lỗi đối soát và hoàn tiền")
	assert.Equal(t, "TESTING", status(r, "acted"))

	r = call(firm(), "requestSandboxExtension", "SandboxExtensionInput", map[string]any{"days": 600, "reason": "Thêm mùa cao điểm"})
	assert.Equal(t, map[string]string{"input.days": "INVALID_VALUE"}, r.UserErrors("requestSandboxExtension"), "beyond the program's 730 days")
	r = call(firm(), "requestSandboxExtension", "SandboxExtensionInput", map[string]any{"days": 30, "reason": "Thêm mùa cao điểm"})
	require.Empty(t, r.UserErrors("requestSandboxExtension"))
	r = call(firm(), "decideSandboxExtension", "DecideSandboxExtensionInput", map[string]any{"approve": true})
	assert.Equal(t, "FORBIDDEN", r.Code("decideSandboxExtension"), "the regulator decides")
	r = call(regulator(), "decideSandboxExtension", "DecideSandboxExtensionInput", map[string]any{"approve": true})
	require.Empty(t, r.UserErrors("decideSandboxExtension"))
	assert.Equal(t, "2027-09-27", r.Str("decideSandboxExtension.sandboxApplication.deadlines.testEndsOn"), "30 days more")

	r = call(regulator(), "exitSandboxTest", "ExitSandboxInput", map[string]any{"outcome": "GRADUATED", "reason": "Đạt mục tiêu thử nghiệm"})
	require.Empty(t, r.UserErrors("exitSandboxTest"))
	assert.Equal(t, "EXITED", status(r, "exitSandboxTest"))
	assert.Equal(t, "GRADUATED", r.Str("exitSandboxTest.sandboxApplication.outcome"))
	var path []string
	for _, h := range r.List("exitSandboxTest.sandboxApplication.history") {
		path = append(path, h.(map[string]any)["to"].(string))
	}
	assert.Equal(t, []string{"SUBMITTED", "UNDER_ASSESSMENT", "INFO_REQUESTED", "UNDER_ASSESSMENT", "APPROVED", "TESTING",
		"SUSPENDED", "TESTING", "EXITED"}, path)

	// Who sees what: the public register has no confidential fields; other firms see nothing.
	r = e.do(t, req{query: `{ sandboxRegister { startupName product status outcome program { name } testStartedOn testEndsOn } }`})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("sandboxRegister"), 1)
	assert.Equal(t, "Thanh toán phí cảng bằng ví điện tử", r.Str("sandboxRegister.0.product"))
	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($id: ID!) { sandboxApplication(id: $id) { id } }`, vars: map[string]any{"id": id}})
	assert.Equal(t, "FORBIDDEN", r.Code("sandboxApplication"))
	r = e.do(t, req{token: regulator(), query: `query($p: ID) { sandboxApplications(programId: $p) { totalCount } }`, vars: map[string]any{"p": program}})
	assert.Equal(t, 3, r.Num("sandboxApplications.totalCount"), "this one and the demo's two")
	r = e.do(t, req{token: e.token(t, "REGULATOR", "other", "U2FuZGJveFByb2dyYW06eA"), query: `query($p: ID) { sandboxApplications(programId: $p) { totalCount } }`,
		vars: map[string]any{"p": program}})
	assert.Equal(t, "FORBIDDEN", r.Code("sandboxApplications"), "another program's regulator")
}

// It takes its steps through actOnSandboxApplication, the deprecated
// generic form, which keeps working until clients move.
func TestSandboxApprovalLapsesAndWithdrawalIsFinal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e
	e.clock.Set(time.Date(2027, 3, 1, 2, 0, 0, 0, time.UTC))
	r := e.do(t, req{query: `{ sandboxPrograms { id } }`})
	program := r.Str("sandboxPrograms.0.id")
	firm := func() string { return w.member(t, "PortSense") }
	regulator := func() string { return e.token(t, "REGULATOR", "sbv-1", program) }
	r = e.do(t, req{token: firm(), query: `mutation($in: CreateSandboxApplicationInput!) { createSandboxApplication(input: $in) { sandboxApplication { id } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"programId": program, "startupId": w.startup["PortSense"], "proposal": map[string]any{
			"product": "Dự báo thời gian chờ tàu", "innovation": "AI", "consumerBenefit": "Giảm chờ", "readiness": "Sẵn sàng", "need": "Dữ liệu cảng",
			"requested": map[string]any{"durationDays": 100, "maxCustomers": 10, "capPerCustomerVnd": 1_000_000, "totalCapVnd": 10_000_000},
			"startOn":   "2027-03-10", "risks": "r", "mitigations": "m", "safeguards": "s", "disclosure": "d", "exitPlan": "e"}}}})
	id := r.Str("createSandboxApplication.sandboxApplication.id")
	step := func(token, mutation, inputType string, in map[string]any) response {
		v := e.do(t, req{token: regulator(), query: `query($id: ID!) { sandboxApplication(id: $id) { version } }`, vars: map[string]any{"id": id}})
		in["id"], in["version"] = id, v.Num("sandboxApplication.version")
		r := e.do(t, req{token: token, query: `mutation($in: ` + inputType + `!) { ` + mutation + `(input: $in) { sandboxApplication { status flags } userErrors { field code } } }`,
			vars: map[string]any{"in": in}})
		require.Empty(t, r.Errors)
		return r
	}
	step(firm(), "actOnSandboxApplication", "SandboxActionInput", map[string]any{"action": "SUBMIT"})
	step(regulator(), "actOnSandboxApplication", "SandboxActionInput", map[string]any{"action": "ACKNOWLEDGE"})
	var findings []map[string]any
	for _, c := range []string{"in_scope", "genuine_innovation", "consumer_benefit", "readiness", "need_for_sandbox"} {
		findings = append(findings, map[string]any{"criterion": c, "met": true})
	}
	step(regulator(), "assessSandboxApplication", "AssessSandboxInput", map[string]any{"findings": findings})
	step(regulator(), "approveSandboxApplication", "ApproveSandboxInput", map[string]any{"certified": map[string]any{"durationDays": 100, "maxCustomers": 10,
		"capPerCustomerVnd": 1_000_000, "totalCapVnd": 10_000_000}})

	// 91 days later the approval has lapsed: flagged, and testing can no longer start.
	e.clock.Set(time.Date(2027, 5, 31, 2, 0, 0, 0, time.UTC))
	_, err := e.app.resolver.Sandbox.FlagOverdue(t.Context())
	require.NoError(t, err)
	r = step(firm(), "actOnSandboxApplication", "SandboxActionInput", map[string]any{"action": "START_TEST"})
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("actOnSandboxApplication"))
	r = e.do(t, req{token: firm(), query: `query($id: ID!) { sandboxApplication(id: $id) { flags status } }`, vars: map[string]any{"id": id}})
	assert.Equal(t, []any{"APPROVAL_LAPSED"}, r.Get("sandboxApplication.flags"))

	r = step(firm(), "actOnSandboxApplication", "SandboxActionInput", map[string]any{"action": "WITHDRAW", "reason": "Không kịp triển khai"})
	assert.Equal(t, "WITHDRAWN", r.Str("actOnSandboxApplication.sandboxApplication.status"))
	r = step(firm(), "actOnSandboxApplication", "SandboxActionInput", map[string]any{"action": "SUBMIT"})
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("actOnSandboxApplication"), "withdrawn is final")
}

// TestHolidaysAreData: an admin adds a holiday to the program and the
// working-day deadline of a submitted application moves with it.
func TestHolidaysAreData(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e
	e.clock.Set(time.Date(2027, 3, 1, 2, 0, 0, 0, time.UTC)) // Monday 1 March 2027
	admin := e.token(t, "ADMIN", "admin-1", "")
	program := `{ sandboxPrograms { id version name sectors limits { durationDays maxCustomers capPerCustomerVnd totalCapVnd }
		ackWorkingDays assessmentDays startWithinDays reportPeriodDays holidays } }`
	r := e.do(t, req{query: program})
	p := r.Get("sandboxPrograms.0").(map[string]any)
	firm := w.member(t, "PortSense")
	r = e.do(t, req{token: firm, query: `mutation($in: CreateSandboxApplicationInput!) { createSandboxApplication(input: $in) { sandboxApplication { id version } userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"programId": p["id"], "startupId": w.startup["PortSense"], "proposal": map[string]any{
			"product": "Dự báo thời gian chờ tàu", "innovation": "AI", "consumerBenefit": "Giảm chờ", "readiness": "Sẵn sàng", "need": "Dữ liệu cảng",
			"requested": map[string]any{"durationDays": 100, "maxCustomers": 10, "capPerCustomerVnd": 1_000_000, "totalCapVnd": 10_000_000},
			"startOn":   "2027-04-01", "risks": "r", "mitigations": "m", "safeguards": "s", "disclosure": "d", "exitPlan": "e"}}}})
	require.Empty(t, r.UserErrors("createSandboxApplication"))
	id := r.Str("createSandboxApplication.sandboxApplication.id")
	r = e.do(t, req{token: firm, query: `mutation($in: SandboxActionInput!) { actOnSandboxApplication(input: $in) { sandboxApplication { deadlines { acknowledgeBy } } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"id": id, "version": 1, "action": "SUBMIT"}}})
	assert.Equal(t, "2027-03-08", r.Str("actOnSandboxApplication.sandboxApplication.deadlines.acknowledgeBy"))

	update := map[string]any{"name": p["name"], "sectors": p["sectors"], "limits": p["limits"], "ackWorkingDays": p["ackWorkingDays"],
		"assessmentDays": p["assessmentDays"], "startWithinDays": p["startWithinDays"], "reportPeriodDays": p["reportPeriodDays"],
		"holidays": append(p["holidays"].([]any), "2027-03-03")}
	mutation := `mutation($in: UpdateSandboxProgramInput!) { updateSandboxProgram(input: $in) { sandboxProgram { version } userErrors { field code } } }`
	r = e.do(t, req{token: firm, query: mutation, vars: map[string]any{"in": map[string]any{"id": p["id"], "version": p["version"], "program": update}}})
	assert.Equal(t, "FORBIDDEN", r.Code("updateSandboxProgram"))
	r = e.do(t, req{token: admin, query: mutation, vars: map[string]any{"in": map[string]any{"id": p["id"], "version": p["version"], "program": update}}})
	require.Empty(t, r.UserErrors("updateSandboxProgram"))
	r = e.do(t, req{token: firm, query: `query($id: ID!) { sandboxApplication(id: $id) { deadlines { acknowledgeBy } } }`, vars: map[string]any{"id": id}})
	assert.Equal(t, "2027-03-09", r.Str("sandboxApplication.deadlines.acknowledgeBy"), "one working day more")
	update["ackWorkingDays"] = 0
	r = e.do(t, req{token: admin, query: mutation, vars: map[string]any{"in": map[string]any{"id": p["id"], "version": p["version"], "program": update}}})
	assert.Equal(t, map[string]string{"input.program.ackWorkingDays": "INVALID_VALUE"}, r.UserErrors("updateSandboxProgram"))
}

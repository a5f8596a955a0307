package app

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/domain/transfer"
)

const (
	createOrg = `mutation($in: CreateResearchOrganizationInput!) { createResearchOrganization(input: $in) {
		organization { id name organizationKind parent { name } contactEmail } userErrors { field code message } } }`
	createOffer = `mutation($in: CreateTechOfferInput!) { createTechOffer(input: $in) {
		offer { id offerStatus version trl stateFunded ip { kind pending number filedOn grantedOn } cooperation }
		userErrors { field code message } } }`
	setOfferStatus = `mutation($in: SetTechOfferStatusInput!) { setTechOfferStatus(input: $in) {
		offer { id offerStatus version publishedAt } userErrors { field code message } } }`
	conversationFields = `conversation { id stage accepted nda { version user { subject } at }
		agreement { type valueVnd signedOn stateCapital registrationRequired registrationNumber registeredOn }
		history { from to by { subject } } registrationReminders }
		userErrors { field code message }`
	offerDetails = `query($id: ID!) { node(id: $id) { ... on TechOffer { title details } } }`
)

// runJob runs a job now, as the scheduler would, and returns its record.
func (e *env) runJob(t *testing.T, name string) runs.Run {
	t.Helper()
	r, err := e.app.jobs.RunAndWait(context.Background(), name, runs.Manual)
	require.NoError(t, err)
	require.Equal(t, runs.Succeeded, r.Status, r.Error)
	return r
}

// TestTechnologyTransferFromOfferToRegisteredLicence walks the marketplace
// through the API: an institute publishes a state-funded offer, a startup
// finds it by searching without diacritics and among its matches, expresses
// interest, accepts the NDA (which opens the details, every read logged),
// and they agree a licence whose missing registration is reminded of until
// it is recorded.
func TestTechnologyTransferFromOfferToRegisteredLicence(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")

	// Admins register the organisation; every bad input is reported at its field.
	r := e.do(t, req{token: admin, query: createOrg, vars: map[string]any{"in": map[string]any{
		"name": "", "kind": "INSTITUTE", "contactEmail": "not-an-address", "website": "ftp://x"}}})
	require.Empty(t, r.Errors)
	assert.Equal(t, map[string]string{"input.name": "REQUIRED", "input.contactEmail": "INVALID_VALUE", "input.website": "INVALID_VALUE"},
		r.UserErrors("createResearchOrganization"))
	r = e.do(t, req{token: e.token(t, "STARTUP_MEMBER", "someone", ""), query: createOrg, vars: map[string]any{"in": map[string]any{
		"name": "Viện X", "kind": "INSTITUTE", "contactEmail": "x@x.vn"}}})
	assert.Equal(t, "FORBIDDEN", r.Code("createResearchOrganization"))
	r = e.do(t, req{token: admin, query: createOrg, vars: map[string]any{"in": map[string]any{
		"name": "Viện Công nghệ Cảng biển", "nameEn": "Port Technology Institute", "kind": "INSTITUTE",
		"contactEmail": "cgcn@portinstitute.vn", "description": "Nghiên cứu cảng biển, logistics và tự động hóa."}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("createResearchOrganization"))
	org := r.Str("createResearchOrganization.organization.id")
	tto := e.token(t, "TTO_MANAGER", "tto-port-1", org)

	// Its staff write a draft offer; a TRL of 10 and a granted patent without number are refused.
	offer := map[string]any{"organizationId": org,
		"title":   "Hệ thống giám sát cần cẩu cảng biển bằng cảm biến rung",
		"summary": "Cảm biến rung và mô hình học máy dự báo hỏng hóc cần cẩu container tại cảng biển, giảm thời gian dừng máy ngoài kế hoạch.",
		"details": "Sơ đồ đặt cảm biến, ngưỡng cảnh báo và bộ dữ liệu 18 tháng vận hành tại cảng Đình Vũ.",
		"sectors": []string{"PORT_LOGISTICS", "ARTIFICIAL_INTELLIGENCE"}, "trl": 10, "stateFunded": true,
		"ip":          []map[string]any{{"kind": "INVENTION_PATENT"}},
		"cooperation": []string{"LICENCE", "JOINT_RND"}, "inventors": []string{"TS. Nguyễn Văn A"}}
	r = e.do(t, req{token: tto, query: createOffer, vars: map[string]any{"in": offer}})
	require.Empty(t, r.Errors)
	assert.Equal(t, map[string]string{"input.trl": "INVALID_VALUE", "input.ip.0.number": "REQUIRED", "input.ip.0.grantedOn": "REQUIRED"},
		r.UserErrors("createTechOffer"))
	offer["trl"] = 6
	offer["ip"] = []map[string]any{{"kind": "UTILITY_SOLUTION", "number": "2-0003301", "filedOn": "2024-02-01", "grantedOn": "2025-06-10"}}
	r = e.do(t, req{token: tto, query: createOffer, vars: map[string]any{"in": offer}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("createTechOffer"))
	offerID := r.Str("createTechOffer.offer.id")
	assert.Equal(t, "DRAFT", r.Str("createTechOffer.offer.offerStatus"))
	other := e.token(t, "TTO_MANAGER", "tto-other", e.orgID(t, "Viện Tài nguyên và Môi trường biển"))
	r = e.do(t, req{token: other, query: setOfferStatus, vars: map[string]any{"in": map[string]any{"id": offerID, "version": 1, "status": "PUBLISHED"}}})
	assert.Equal(t, "FORBIDDEN", r.Code("setTechOfferStatus"), "another organisation's staff")
	r = e.do(t, req{token: tto, query: setOfferStatus, vars: map[string]any{"in": map[string]any{"id": offerID, "version": 1, "status": "TRANSFERRED"}}})
	assert.Equal(t, map[string]string{"input.status": "INVALID_TRANSITION"}, r.UserErrors("setTechOfferStatus"))
	r = e.do(t, req{token: tto, query: setOfferStatus, vars: map[string]any{"in": map[string]any{"id": offerID, "version": 1, "status": "PUBLISHED"}}})
	require.Empty(t, r.UserErrors("setTechOfferStatus"))
	assert.Equal(t, "PUBLISHED", r.Str("setTechOfferStatus.offer.offerStatus"))

	// A startup finds it by searching without diacritics, with the technology facets.
	founderOf := e.startupID(t, "Công ty CP Cảng Số Hải Phòng") // PortSense: port logistics and AI
	founder := e.token(t, "STARTUP_MEMBER", "demo-founder-0", founderOf)
	const find = `query($q: String!, $f: SearchFilter) { search(query: $q, types: [TECH_OFFER], filter: $f) {
		totalCount edges { node { ... on TechOffer { id title details } } } facets { trlBands { value count } ipStatuses { value count } } } }`
	eventually(t, func() bool {
		r := e.do(t, req{token: founder, query: find, vars: map[string]any{"q": "giam sat can cau cang"}})
		return r.Num("search.totalCount") == 1 && r.Str("search.edges.0.node.id") == offerID
	}, "the published offer is searchable without diacritics")
	r = e.do(t, req{token: founder, query: find, vars: map[string]any{"q": "can cau", "f": map[string]any{"trlBands": []string{"TRL_4_6"}, "ipStatuses": []string{"UTILITY_SOLUTION"}}}})
	assert.Equal(t, 1, r.Num("search.totalCount"))
	assert.Nil(t, r.Get("search.edges.0.node.details"), "search shows no details")
	assert.Equal(t, "FORBIDDEN", r.Code("search.edges.0.node.details"))
	r = e.do(t, req{token: founder, query: find, vars: map[string]any{"q": "can cau", "f": map[string]any{"trlBands": []string{"TRL_7_9"}}}})
	assert.Equal(t, 0, r.Num("search.totalCount"))
	r = e.do(t, req{token: founder, query: find, vars: map[string]any{"q": "can cau", "f": map[string]any{"trlBands": []string{"TRL_10"}}}})
	assert.Equal(t, "INVALID_VALUE", r.Code("search"))

	// It is among the startup's matches, explained, once the change is rescored.
	const matches = `query($id: ID!) { node(id: $id) { ... on Startup { matches(kind: TECH_OFFER, first: 20) {
		id score target { ... on TechOffer { id } } explanation { factor contribution detail } } } } }`
	var match map[string]any
	eventually(t, func() bool {
		r := e.do(t, req{token: founder, query: matches, vars: map[string]any{"id": founderOf}})
		for _, m := range r.List("node.matches") {
			if m.(map[string]any)["target"].(map[string]any)["id"] == offerID {
				match = m.(map[string]any)
				return true
			}
		}
		return false
	}, "the new offer is among the startup's technology matches")
	sum := 0.0
	for _, c := range match["explanation"].([]any) {
		sum += c.(map[string]any)["contribution"].(float64)
	}
	assert.InDelta(t, match["score"].(float64), sum, 1e-9, "the contributions add up to the score")
	assert.Contains(t, match["explanation"].([]any)[0].(map[string]any)["detail"], "Cảng biển và logistics")
	const matchNode = `query($id: ID!) { node(id: $id) { ... on Match { score target { ... on TechOffer { id } } } } }`
	r = e.do(t, req{token: founder, query: matchNode, vars: map[string]any{"id": match["id"]}})
	require.Empty(t, r.Errors)
	assert.Equal(t, offerID, r.Str("node.target.id"), "a technology match is a node too")
	r = e.do(t, req{token: other, query: matchNode, vars: map[string]any{"id": match["id"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("node"), "another organisation does not see the startup's list")

	// Before the NDA the details are refused to the startup, and to everyone else but the organisation.
	for who, tok := range map[string]string{"founder": founder, "investor": e.token(t, "INVESTOR", "inv-1", ""),
		"other organisation": other, "anonymous": "", "incubator manager": e.token(t, "INCUBATOR_MANAGER", "im-1", ""),
		"fund manager": e.token(t, "FUND_MANAGER", "fm-1", ""), "reviewer": e.token(t, "REVIEWER", "rv-1", ""),
		"regulator": e.token(t, "REGULATOR", "rg-1", "")} {
		r = e.do(t, req{token: tok, query: offerDetails, vars: map[string]any{"id": offerID}})
		assert.Nil(t, r.Get("node.details"), who)
		assert.Contains(t, []string{"FORBIDDEN", "UNAUTHENTICATED"}, r.Code("node.details"), who)
	}
	r = e.do(t, req{token: tto, query: offerDetails, vars: map[string]any{"id": offerID}})
	assert.Contains(t, r.Str("node.details"), "cảng Đình Vũ")

	// Interest, the organisation's acceptance, the NDA.
	r = e.do(t, req{token: founder, query: `mutation($in: ExpressInterestInput!) { expressInterest(input: $in) { ` + conversationFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"offerId": offerID, "firmId": founderOf, "message": "Chúng tôi muốn thử tại cảng Hải An."}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("expressInterest"))
	conv := r.Str("expressInterest.conversation.id")
	assert.Equal(t, "INTERESTED", r.Str("expressInterest.conversation.stage"))
	r = e.do(t, req{token: founder, query: `mutation($in: ExpressInterestInput!) { expressInterest(input: $in) { userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"offerId": offerID, "firmId": founderOf}}})
	assert.Equal(t, map[string]string{"input.offerId": "DUPLICATE_REQUEST"}, r.UserErrors("expressInterest"))
	const mine = `query($id: ID!) { node(id: $id) { ... on TechOffer { myConversation { id stage } } } }`
	r = e.do(t, req{token: founder, query: mine, vars: map[string]any{"id": offerID}})
	assert.Equal(t, conv, r.Str("node.myConversation.id"), "the firm finds its conversation on the offer")
	r = e.do(t, req{token: e.token(t, "STARTUP_MEMBER", "x", e.startupID(t, "Công ty TNHH Học Số Hải Phòng")), query: mine, vars: map[string]any{"id": offerID}})
	require.Empty(t, r.Errors)
	assert.Nil(t, r.Get("node.myConversation"), "another firm has none")
	sign := func(tok, version string) response {
		return e.do(t, req{token: tok, query: `mutation($in: SignNdaInput!) { signNda(input: $in) { ` + conversationFields + ` } }`,
			vars: map[string]any{"in": map[string]any{"id": conv, "ndaVersion": version}}})
	}
	r = sign(founder, transfer.NDAVersion)
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("signNda"), "not accepted yet")
	r = e.do(t, req{token: tto, query: `mutation($in: RespondToInterestInput!) { respondToInterest(input: $in) { ` + conversationFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"id": conv, "accept": true, "note": "Mời anh chị xem chi tiết."}}})
	require.Empty(t, r.UserErrors("respondToInterest"))
	assert.Equal(t, true, r.Get("respondToInterest.conversation.accepted"))
	r = sign(founder, "2020-01")
	assert.Equal(t, map[string]string{"input.ndaVersion": "INVALID_VALUE"}, r.UserErrors("signNda"), "an old text")
	r = sign(founder, transfer.NDAVersion)
	require.Empty(t, r.UserErrors("signNda"))
	assert.Equal(t, "NDA_SIGNED", r.Str("signNda.conversation.stage"))
	assert.Equal(t, transfer.NDAVersion, r.Str("signNda.conversation.nda.version"))
	assert.Equal(t, "demo-founder-0", r.Str("signNda.conversation.nda.user.subject"))

	// The details open to the firm, and each read is logged for the organisation.
	for range 2 {
		r = e.do(t, req{token: founder, query: offerDetails, vars: map[string]any{"id": offerID}})
		require.Empty(t, r.Errors)
		assert.Contains(t, r.Str("node.details"), "cảng Đình Vũ")
	}
	r = e.do(t, req{token: e.token(t, "STARTUP_MEMBER", "demo-founder-5", e.startupID(t, "Công ty TNHH Học Số Hải Phòng")),
		query: offerDetails, vars: map[string]any{"id": offerID}})
	assert.Equal(t, "FORBIDDEN", r.Code("node.details"), "another firm has signed nothing")
	const reads = `query($id: ID!) { node(id: $id) { ... on TechOffer { detailReads { totalCount edges { node { user { subject } firm { id } } } } } } }`
	r = e.do(t, req{token: tto, query: reads, vars: map[string]any{"id": offerID}})
	assert.Equal(t, 2, r.Num("node.detailReads.totalCount"))
	assert.Equal(t, "demo-founder-0", r.Str("node.detailReads.edges.0.node.user.subject"))
	assert.Equal(t, founderOf, r.Str("node.detailReads.edges.0.node.firm.id"))
	r = e.do(t, req{token: founder, query: reads, vars: map[string]any{"id": offerID}})
	assert.Equal(t, "FORBIDDEN", r.Code("node.detailReads"), "the log is the organisation's")

	// Negotiation and a licence: only the organisation records it.
	move := `mutation($in: MoveTransferConversationInput!) { moveTransferConversation(input: $in) { ` + conversationFields + ` } }`
	r = e.do(t, req{token: founder, query: move, vars: map[string]any{"in": map[string]any{"id": conv, "stage": "NEGOTIATING"}}})
	require.Empty(t, r.UserErrors("moveTransferConversation"))
	agree := `mutation($in: RecordTransferAgreementInput!) { recordTransferAgreement(input: $in) { ` + conversationFields + ` } }`
	agreement := map[string]any{"id": conv, "type": "LICENCE", "valueVnd": "850000000", "signedOn": "2026-11-21"}
	r = e.do(t, req{token: founder, query: agree, vars: map[string]any{"in": agreement}})
	assert.Equal(t, "FORBIDDEN", r.Code("recordTransferAgreement"))
	r = e.do(t, req{token: tto, query: agree, vars: map[string]any{"in": agreement}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("recordTransferAgreement"))
	assert.Equal(t, "AGREED", r.Str("recordTransferAgreement.conversation.stage"))
	assert.Equal(t, "850000000", r.Str("recordTransferAgreement.conversation.agreement.valueVnd"))
	assert.Equal(t, true, r.Get("recordTransferAgreement.conversation.agreement.registrationRequired"), "a state-funded result")
	assert.Len(t, r.List("recordTransferAgreement.conversation.history"), 5)

	// The registration reminder: not before 30 days, then once, and never again once recorded.
	// (Tokens last an hour: each day jumped to signs them again.)
	at := func(d time.Duration) {
		e.clock.Set(testNow.Add(d))
		founder = e.token(t, "STARTUP_MEMBER", "demo-founder-0", founderOf)
		tto = e.token(t, "TTO_MANAGER", "tto-port-1", org)
		admin = e.token(t, "ADMIN", "admin-1", "")
		other = e.token(t, "TTO_MANAGER", "tto-other", e.orgID(t, "Viện Tài nguyên và Môi trường biển"))
	}
	conversation := func() response {
		return e.do(t, req{token: founder, query: `query($id: ID!) { node(id: $id) { ... on TransferConversation { registrationReminders } } }`,
			vars: map[string]any{"id": conv}})
	}
	at(29 * 24 * time.Hour)
	assert.Regexp(t, `^reminded \d+ agreements of their missing registration$`, e.runJob(t, "remind-transfer-registrations").Stats)
	assert.Empty(t, conversation().Get("node.registrationReminders"), "not before 30 days")
	at(31 * 24 * time.Hour)
	e.runJob(t, "remind-transfer-registrations")
	e.runJob(t, "remind-transfer-registrations") // the same day: nothing new
	assert.Equal(t, []any{"2026-12-22"}, conversation().Get("node.registrationReminders"))
	missing := e.do(t, req{token: tto, query: `{ transferConversations(registrationMissing: true) { totalCount } }`})
	assert.Equal(t, 1, missing.Num("transferConversations.totalCount"))
	reg := `mutation($in: RecordTransferRegistrationInput!) { recordTransferRegistration(input: $in) { ` + conversationFields + ` } }`
	r = e.do(t, req{token: tto, query: reg, vars: map[string]any{"in": map[string]any{"id": conv, "registrationNumber": "", "registeredOn": "2026-12-20"}}})
	assert.Equal(t, map[string]string{"input.registrationNumber": "REQUIRED"}, r.UserErrors("recordTransferRegistration"))
	r = e.do(t, req{token: tto, query: reg, vars: map[string]any{"in": map[string]any{"id": conv, "registrationNumber": "CGCN-HP-2026/117", "registeredOn": "2026-12-20"}}})
	require.Empty(t, r.UserErrors("recordTransferRegistration"))
	assert.Equal(t, "CGCN-HP-2026/117", r.Str("recordTransferRegistration.conversation.agreement.registrationNumber"))
	at(45 * 24 * time.Hour)
	e.runJob(t, "remind-transfer-registrations")
	assert.Equal(t, []any{"2026-12-22"}, conversation().Get("node.registrationReminders"))

	// The conversation is its two sides' and admins' only.
	const convNode = `query($id: ID!) { node(id: $id) { ... on TransferConversation { stage } } }`
	for who, tok := range map[string]string{"firm": founder, "organisation": tto, "admin": admin} {
		assert.Equal(t, "AGREED", e.do(t, req{token: tok, query: convNode, vars: map[string]any{"id": conv}}).Str("node.stage"), who)
	}
	for who, tok := range map[string]string{"other organisation": other, "investor": e.token(t, "INVESTOR", "inv-1", ""),
		"other firm": e.token(t, "STARTUP_MEMBER", "x", e.startupID(t, "Công ty TNHH Học Số Hải Phòng"))} {
		assert.Equal(t, "NOT_FOUND", e.do(t, req{token: tok, query: convNode, vars: map[string]any{"id": conv}}).Code("node"), who)
		assert.Equal(t, 0, e.do(t, req{token: tok, query: `{ transferConversations { totalCount } }`}).Num("transferConversations.totalCount"), who)
	}
}

// orgID finds a demo research organisation's global ID by name.
func (e *env) orgID(t *testing.T, name string) string {
	t.Helper()
	r := e.do(t, req{query: `{ researchOrganizations(first: 50) { edges { node { id name } } } }`})
	for _, ed := range r.List("researchOrganizations.edges") {
		n := ed.(map[string]any)["node"].(map[string]any)
		if n["name"] == name {
			return n["id"].(string)
		}
	}
	t.Fatalf("no research organisation %q", name)
	return ""
}

// A techmart day pairs firms with research organisations by how the
// organisations' offers fit the firms' requests: with the same words and
// sectors given at registration, the institute whose collagen process
// answers DoSon Pharma's request is recommended first, the engine's score
// named in the explanation.
func TestTechmartRecommendsOrganisationsByTheirOffers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) {
		in["kind"], in["title"], in["capacity"], in["requestMode"] = "TECH_TRANSFER", "Techmart Hải Phòng 2026", 10, "AUTO_ACCEPT"
		in["participantTypes"] = []map[string]any{{"key": "firm"}, {"key": "research"}}
		in["canMeet"] = []map[string]any{{"a": "firm", "b": "research"}}
	})
	same := map[string]any{"offers": "công nghệ chế biến", "seeks": "hợp tác doanh nghiệp", "sectors": []string{"BIOTECH"}}
	join := func(token, typ, name string) string {
		r := m.register(t, token, typ, name, same)
		require.Empty(t, r.Errors)
		require.Empty(t, r.UserErrors("registerForEvent"))
		return r.Str("registerForEvent.participant.id")
	}
	doSon := e.startupID(t, "Công ty CP Hóa dược Biển Đồ Sơn")
	firm := e.token(t, "STARTUP_MEMBER", "demo-founder-30", doSon)
	me := join(firm, "firm", "DoSon Pharma")
	join(e.token(t, "TTO_MANAGER", "tto-2", e.orgID(t, "Trường Đại học Hải Phòng — Phòng Quản lý Khoa học")), "research", "Đại học Hải Phòng")
	join(e.token(t, "TTO_MANAGER", "tto-5", e.orgID(t, "Viện Nghiên cứu Hải sản")), "research", "Viện Nghiên cứu Hải sản")

	r := e.do(t, req{token: firm, query: `query($id: ID!) { node(id: $id) { ... on EventParticipant { recommendations(first: 5) {
		participant { name researchOrganization { name } } score explanation { factor value detail } } } } }`, vars: map[string]any{"id": me}})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("node.recommendations"), 2)
	assert.Equal(t, "Viện Nghiên cứu Hải sản", r.Str("node.recommendations.0.participant.researchOrganization.name"))
	assert.Greater(t, r.Get("node.recommendations.0.score").(float64), r.Get("node.recommendations.1.score").(float64))
	var profile map[string]any
	for _, c := range r.List("node.recommendations.0.explanation") {
		if c.(map[string]any)["factor"] == "PROFILE" {
			profile = c.(map[string]any)
		}
	}
	require.NotNil(t, profile)
	assert.Greater(t, profile["value"].(float64), 0.0, "the transfer engine's score of the collagen offer with the request")
}

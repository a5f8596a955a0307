package app

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/graph"
	"github.com/innoport/innoport/internal/apitest"
)

// The schema's contract with clients, checked over the schema itself (by
// introspection) and over the data the demo seeds, as every demo persona:
// identity, connections, and nullability by permission.

// introType is a type as introspection describes it.
type introType struct {
	Kind          string       `json:"kind"`
	Name          string       `json:"name"`
	Fields        []introField `json:"fields"`
	Interfaces    []introRef   `json:"interfaces"`
	PossibleTypes []introRef   `json:"possibleTypes"`
	EnumValues    []struct {
		Name string `json:"name"`
	} `json:"enumValues"`
}

type introField struct {
	Name string     `json:"name"`
	Args []introArg `json:"args"`
	Type introRef   `json:"type"`
}

type introArg struct {
	Name         string   `json:"name"`
	Type         introRef `json:"type"`
	DefaultValue *string  `json:"defaultValue"`
}

type introRef struct {
	Kind   string    `json:"kind"`
	Name   string    `json:"name"`
	OfType *introRef `json:"ofType"`
}

// named is the named type under any list and non-null wrappers.
func (r introRef) named() introRef {
	for r.OfType != nil {
		r = *r.OfType
	}
	return r
}

// schemaTypes introspects the served schema.
func schemaTypes(t *testing.T, e *env) map[string]introType {
	t.Helper()
	const ref = `kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`
	r := e.do(t, req{query: `{ __schema { types { kind name interfaces { name } possibleTypes { name } enumValues { name }
		fields { name type { ` + ref + ` } args { name defaultValue type { ` + ref + ` } } } } } }`})
	require.Empty(t, r.Errors)
	raw, err := json.Marshal(r.Get("__schema.types"))
	require.NoError(t, err)
	var types []introType
	require.NoError(t, json.Unmarshal(raw, &types))
	out := map[string]introType{}
	for _, ty := range types {
		out[ty.Name] = ty
	}
	return out
}

func (ty introType) field(name string) (introField, bool) {
	i := slices.IndexFunc(ty.Fields, func(f introField) bool { return f.Name == name })
	if i < 0 {
		return introField{}, false
	}
	return ty.Fields[i], true
}

func (ty introType) implements(iface string) bool {
	return slices.ContainsFunc(ty.Interfaces, func(r introRef) bool { return r.Name == iface })
}

func TestSchemaContractStatic(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	types := schemaTypes(t, e)
	for _, ty := range types {
		if strings.HasPrefix(ty.Name, "__") || ty.Kind != "OBJECT" {
			continue
		}
		if f, ok := ty.field("id"); ok && f.Type.Kind == "NON_NULL" && f.Type.named().Name == "ID" {
			assert.True(t, ty.implements("Node"), "%s has an id but is not a Node", ty.Name)
		}
		if strings.HasSuffix(ty.Name, "Connection") {
			for _, name := range []string{"edges", "pageInfo", "totalCount"} {
				_, ok := ty.field(name)
				assert.True(t, ok, "%s has no %s", ty.Name, name)
			}
		}
	}
	for _, name := range []string{"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"} {
		_, ok := types["PageInfo"].field(name)
		assert.True(t, ok, "PageInfo has no %s", name)
	}
	// Too many IDs is the caller's mistake, at nodes alone.
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = graph.GlobalID("Startup", fmt.Sprint(i))
	}
	r := e.do(t, req{query: `query($ids: [ID!]!) { sectors { sector } nodes(ids: $ids) { id } }`, vars: map[string]any{"ids": ids}})
	assert.Equal(t, "INVALID_VALUE", r.Code("nodes"))
	assert.NotEmpty(t, r.List("sectors"), "the rest of the answer stands")

	// The unions of matching and search share an interface a card can read.
	for _, u := range []string{"MatchTarget", "SearchResult"} {
		for _, m := range types[u].PossibleTypes {
			assert.True(t, types[m.Name].implements("Listing"), "%s of %s is not a Listing", m.Name, u)
		}
	}
}

// walker writes one query document that reads every field of the schema
// reachable from Query, to a bounded depth (connections and edges do not
// count), with __typename and id on every object so that answers can be
// checked against the schema. Arguments are filled where the walker can:
// enums by their first value, IDs named after a type ("eventId", or "id"
// of a field returning the type) by an ID of that type found before; a
// field with a required argument it cannot fill is left out.
type walker struct {
	types map[string]introType
	depth int
	ids   map[string]string // a type's name → one ID of it
}

// newest is the ID of the newest record among global IDs: domain IDs are
// ULIDs, which sort by time.
func newest(ids map[string]string) string {
	var best, bestRaw string
	for id := range ids {
		raw, _ := base64.RawURLEncoding.DecodeString(id)
		_, r, _ := strings.Cut(string(raw), ":")
		if r > bestRaw {
			best, bestRaw = id, r
		}
	}
	return best
}

// idTypes names the types of ID arguments whose names differ.
var idTypes = map[string]string{"call": "FundCall", "program": "SandboxProgram"}

func (w walker) selection(typeName string, depth int, seen []string) string {
	ty := w.types[typeName]
	var b strings.Builder
	b.WriteString("__typename")
	switch ty.Kind {
	case "UNION", "INTERFACE":
		if f, ok := ty.field("id"); ok && f.Type.named().Name == "ID" {
			b.WriteString(" id")
		}
		for _, p := range ty.PossibleTypes {
			if depth < w.depth && !slices.Contains(seen, p.Name) {
				fmt.Fprintf(&b, " ... on %s { %s }", p.Name, w.selection(p.Name, depth+1, append(seen, p.Name)))
			}
		}
		return b.String()
	}
	for _, f := range ty.Fields {
		args, ok := w.args(f)
		if !ok {
			continue
		}
		inner := f.Type.named()
		switch inner.Kind {
		case "SCALAR", "ENUM":
			b.WriteString(" " + f.Name + args)
		default:
			next := depth + 1
			if strings.HasSuffix(inner.Name, "Connection") || strings.HasSuffix(inner.Name, "Edge") {
				next = depth
			}
			if depth >= w.depth || slices.Contains(seen, inner.Name) {
				continue
			}
			fmt.Fprintf(&b, " %s%s { %s }", f.Name, args, w.selection(inner.Name, next, append(seen, inner.Name)))
		}
	}
	return b.String()
}

// args fills the field's arguments it can; false when a required one
// cannot be filled.
func (w walker) args(f introField) (string, bool) {
	var parts []string
	optionalID := false // one optional ID at most: filters on two would rarely both hold
	for _, a := range f.Args {
		required := a.Type.Kind == "NON_NULL" && a.DefaultValue == nil
		inner := w.types[a.Type.named().Name]
		switch {
		case inner.Name == "ID" && (required || !optionalID) && a.Type.Kind != "LIST" && (a.Type.OfType == nil || a.Type.OfType.Kind != "LIST"):
			optionalID = optionalID || !required
			typ := f.Type.named().Name
			if a.Name != "id" {
				stem := strings.TrimSuffix(a.Name, "Id")
				if typ = idTypes[stem]; typ == "" {
					typ = strings.ToUpper(stem[:1]) + stem[1:]
				}
			}
			if id, ok := w.ids[typ]; ok {
				parts = append(parts, fmt.Sprintf("%s: %q", a.Name, id))
				continue
			}
		case required && inner.Kind == "ENUM" && len(inner.EnumValues) > 0:
			parts = append(parts, a.Name+": "+inner.EnumValues[0].Name)
			continue
		}
		if required {
			return "", false
		}
	}
	if len(parts) == 0 {
		return "", true
	}
	return "(" + strings.Join(parts, ", ") + ")", true
}

// document is the walker's document over Query.
func (w walker) document() string {
	var b strings.Builder
	b.WriteString("{")
	for _, f := range w.types["Query"].Fields {
		args, ok := w.args(f)
		if !ok || f.Name == "node" || f.Name == "nodes" {
			continue
		}
		inner := f.Type.named()
		if inner.Kind == "SCALAR" || inner.Kind == "ENUM" {
			b.WriteString(" " + f.Name + args)
			continue
		}
		fmt.Fprintf(&b, " %s%s { %s }", f.Name, args, w.selection(inner.Name, 1, []string{inner.Name}))
	}
	b.WriteString(" }")
	return b.String()
}

// objects collects every object of the answer with a __typename and an id.
func objects(v any, out map[string]map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if typ, ok := x["__typename"].(string); ok {
			if id, ok := x["id"].(string); ok {
				if out[typ] == nil {
					out[typ] = map[string]bool{}
				}
				out[typ][id] = true
			}
		}
		for _, c := range x {
			objects(c, out)
		}
	case []any:
		for _, c := range x {
			objects(c, out)
		}
	}
}

// fieldAt finds the schema field an error's path names, following the
// answer's __typename through abstract types.
func fieldAt(types map[string]introType, data map[string]any, path []any) (introField, string, bool) {
	typeName := "Query"
	var v any = data
	var f introField
	for i, seg := range path {
		switch s := seg.(type) {
		case string:
			if m, ok := v.(map[string]any); ok {
				if tn, ok := m["__typename"].(string); ok {
					typeName = tn
				}
			}
			var ok bool
			if f, ok = types[typeName].field(s); !ok {
				return introField{}, typeName, false
			}
			if i == len(path)-1 {
				return f, typeName, true
			}
			m, _ := v.(map[string]any)
			v = m[s]
			typeName = f.Type.named().Name
		case float64:
			l, _ := v.([]any)
			if int(s) >= len(l) {
				return f, typeName, true
			}
			v = l[int(s)]
		}
	}
	return f, typeName, true
}

// caller is someone the contract is checked for.
type caller struct{ name, token string }

// contractEnv is a demo environment in which the walker's large documents
// fit the limits, with a record of every kind the demo does not seed made
// through the API — an application, a sandbox application, a deal, a saved
// search and its notification, a meeting request, job runs and matches —
// and the callers who made them.
func contractEnv(t testing.TB) (*env, []caller) {
	e := newEnvWith(t, func(c *Config) { c.MaxDepth, c.MaxComplexity = 30, 1<<30 })
	_, err := e.app.RunJob(context.Background(), "score-matches")
	require.NoError(t, err)
	w := worldOf(t, e)
	callID := w.createCall(t, demoRules)
	require.Empty(t, w.submit(t, "CatHai Wind", "contract", 2_000_000_000, callID, nil).UserErrors("submitApplication"))

	r := e.do(t, req{query: `{ sandboxPrograms { id } }`})
	r = e.do(t, req{token: w.member(t, "PortPay"), query: `mutation($in: CreateSandboxApplicationInput!) {
		createSandboxApplication(input: $in) { userErrors { field code } } }`, vars: map[string]any{"in": map[string]any{
		"programId": r.Str("sandboxPrograms.0.id"), "startupId": w.startup["PortPay"], "proposal": map[string]any{
			"product": "Thanh toán phí cảng", "innovation": "Đối soát tự động", "consumerBenefit": "Nhanh hơn", "readiness": "Đã thử",
			"need": "Chưa có khung pháp lý", "requested": map[string]any{"durationDays": 365, "maxCustomers": 2000,
				"capPerCustomerVnd": 50_000_000, "totalCapVnd": 10_000_000_000}, "startOn": "2027-03-01"}}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("createSandboxApplication"))

	inv := e.investorID(t, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	partner := e.token(t, "INVESTOR", "partner-1", inv)
	r = e.do(t, req{query: moveDeal, token: partner, vars: map[string]any{"in": map[string]any{
		"investorId": inv, "startupId": w.startup["PortPay"], "stage": "CONTACTED"}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("moveDeal"))
	r = e.do(t, req{token: partner, query: `mutation($in: SaveSearchInput!) { saveSearch(input: $in) { userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"investorId": inv, "name": "Cảng tự động", "query": "cang tu dong", "filter": map[string]any{"sectors": []string{"PORT_LOGISTICS"}}}}})
	require.Empty(t, r.UserErrors("saveSearch"))
	in := startupInput(demo.TaxCode("09", 777))
	in["name"], in["sectors"] = "Công ty CP Cảng Tự động Đình Vũ", []string{"PORT_LOGISTICS"}
	require.Empty(t, e.do(t, req{query: createStartup, token: e.token(t, "ADMIN", "admin-1", ""), vars: map[string]any{"input": in}}).UserErrors("createStartup"))
	eventually(t, func() bool {
		return len(e.do(t, req{query: notificationsQuery, token: partner}).List("notifications.edges")) == 1
	}, "the investor is notified")

	m := newMeetup(t, e, nil)
	m.join(t, "an", "founder", nil)
	to := m.join(t, "vc", "investor", nil)
	require.Empty(t, m.requestMeeting(t, "an", to, []int{1}).UserErrors("requestMeeting"))
	return e, []caller{{"a founder who applied", w.member(t, "CatHai Wind")}, {"a sandbox applicant", w.member(t, "PortPay")},
		{"an investor's partner", partner}, {"an event participant", m.user(t, "an")}, {"the event's manager", m.manager(t)}}
}

func TestSchemaContractOverTheData(t *testing.T) {
	t.Parallel()
	e, callers := contractEnv(t)
	types := schemaTypes(t, e)
	personas, err := e.app.DemoPersonas(context.Background())
	require.NoError(t, err)
	callers = append(callers, caller{"anonymous", ""})

	// A first walk as the admin and the callers who made records finds IDs;
	// then every caller walks with the fields that take one too, given the
	// newest ID of each type (the records made above).
	found := map[string]map[string]string{} // type → id → the token that found it
	walk := func(c caller, w walker) response {
		r := e.do(t, req{query: w.document(), token: c.token})
		require.NotNil(t, r.Data, c.name)
		objs := map[string]map[string]bool{}
		objects(r.Data, objs)
		for typ, ids := range objs {
			if found[typ] == nil {
				found[typ] = map[string]string{}
			}
			for id := range ids {
				if _, ok := found[typ][id]; !ok {
					found[typ][id] = c.token
				}
			}
		}
		return r
	}
	discover := walker{types: types, depth: 4, ids: map[string]string{}}
	for _, c := range append(slices.Clone(callers), caller{"admin", e.token(t, "ADMIN", "admin-1", "")}) {
		walk(c, discover)
	}
	full := walker{types: types, depth: 4, ids: map[string]string{}}
	for typ, ids := range found {
		full.ids[typ] = newest(ids)
	}
	roles := map[string]bool{}
	for _, p := range personas { // the first persona of each role
		if !roles[string(p.Role)] {
			roles[string(p.Role)] = true
			callers = append(callers, caller{p.Name + " (" + string(p.Role) + ")", e.token(t, string(p.Role), p.Subject, orgOf(p.OrgType, p.OrgID))})
		}
	}
	for _, c := range callers {
		r := walk(c, full)

		// Nullability by permission: whatever the caller may not read is
		// null at its own path, and that field is nullable — never a
		// non-null field whose error would null its parent.
		for _, er := range r.Errors {
			code, _ := er.Extensions["code"].(string)
			f, parent, ok := fieldAt(types, r.Data, er.Path)
			where := apitest.PathString(er.Path)
			if !assert.True(t, ok, "%s: error at unknown path %s", c.name, where) {
				continue
			}
			assert.Contains(t, []string{"FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"}, code, "%s: %s at %s: %s", c.name, code, where, er.Message)
			assert.NotEqual(t, "NON_NULL", f.Type.Kind, "%s: %s at %s: %s.%s is non-null, so the error nulls its parent",
				c.name, code, where, parent, f.Name)
		}
	}

	// Identity: every Node type the demo has records of resolves through
	// node and nodes, as itself, for a caller who found it.
	for _, ty := range types {
		if ty.Kind != "OBJECT" || !ty.implements("Node") {
			continue
		}
		typ := ty.Name
		var list []string
		for id := range found[typ] {
			list = append(list, id)
		}
		if !assert.NotEmpty(t, list, "no %s reached: the walk or the demo misses it", typ) {
			continue
		}
		sort.Strings(list)
		list = list[:1]
		token := found[typ][list[0]]
		one := e.do(t, req{query: `query($id: ID!) { node(id: $id) { __typename id } }`, vars: map[string]any{"id": list[0]}, token: token})
		assert.Empty(t, one.Errors, typ)
		assert.Equal(t, typ, one.Str("node.__typename"))
		assert.Equal(t, list[0], one.Str("node.id"))
		ids := append(slices.Clone(list), graph.GlobalID("Startup", "no-such-startup"), "not an ID")
		many := e.do(t, req{query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, vars: map[string]any{"ids": ids}, token: token})
		assert.Equal(t, list[0], many.Str("nodes.0.id"), typ)
		for _, i := range []int{1, 2} {
			assert.Nil(t, many.Get(fmt.Sprintf("nodes.%d", i)))
			assert.Equal(t, "NOT_FOUND", many.Code(fmt.Sprintf("nodes.%d", i)), typ)
		}
	}
}

// orgOf is a persona's org claim.
func orgOf(typ, id string) string {
	if id == "" {
		return ""
	}
	return graph.GlobalID(typ, id)
}

package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innoport/innoport/domain/errs"
)

// The media types a GraphQL response can be sent as.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// httpTransport serves GraphQL over HTTP as the GraphQL-over-HTTP
// specification says: POST with a JSON body and GET with query parameters
// (queries only), answered as application/json or, when the client asks for
// it, application/graphql-response+json. Every request it cannot run is
// answered with a stable code and a message in the caller's language, never
// with the body echoed back.
type httpTransport struct{}

var _ graphql.Transport = httpTransport{}

// Supports takes every request but preflights (answered by the OPTIONS
// transport) and protocol upgrades, so that a wrong method or content type
// gets a coded answer rather than the library's bare one.
func (httpTransport) Supports(r *http.Request) bool {
	return r.Method != http.MethodOptions && r.Header.Get("Upgrade") == ""
}

// Do runs one request.
func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	lang := langOf(ctx)
	media, ok := responseMedia(r.Header.Get("Accept"))
	if !ok {
		writeError(w, http.StatusNotAcceptable, lang, requestError(errs.CodeNotAcceptable,
			"Máy chủ chỉ trả lời dạng application/json hoặc application/graphql-response+json.",
			"The server answers only as application/json or application/graphql-response+json."))
		return
	}
	start := graphql.Now()
	var params *graphql.RawParams
	var err *errs.Error
	switch r.Method {
	case http.MethodGet:
		params, err = getParams(r.URL.RawQuery)
	case http.MethodPost:
		if !isJSON(r.Header.Get("Content-Type")) {
			writeError(w, http.StatusUnsupportedMediaType, lang, requestError(errs.CodeUnsupportedMediaType,
				"Nội dung yêu cầu phải là application/json (UTF-8).", "The request body must be application/json (UTF-8)."))
			return
		}
		params, err = postParams(r.Body)
	default:
		w.Header().Set("Allow", "GET, POST")
		writeError(w, http.StatusMethodNotAllowed, lang, requestError(errs.CodeMethodNotAllowed,
			"Chỉ nhận GET (truy vấn) và POST.", "Only GET (queries) and POST are accepted."))
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, lang, err)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	rc, list := exec.CreateOperationContext(ctx, params)
	if list != nil {
		// A request error: nothing ran, so the answer has no data entry.
		// application/json answers it with 200, as the specification wants
		// for clients that cannot read a GraphQL response from a 4xx.
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, rc), list)
		writeResponse(w, status, media, struct {
			Errors     gqlerror.List  `json:"errors"`
			Extensions map[string]any `json:"extensions,omitempty"`
		}{resp.Errors, resp.Extensions})
		return
	}
	if r.Method == http.MethodGet && rc.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		writeError(w, http.StatusMethodNotAllowed, lang, requestError(errs.CodeMethodNotAllowed,
			"Thao tác thay đổi dữ liệu phải gửi bằng POST.", "Mutations must be sent with POST."))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, http.StatusOK, media, responses(ctx))
}

func requestError(code errs.Code, vi, en string) *errs.Error {
	return errs.New(errs.Invalid, code, nil, vi, en)
}

// refused is an operation refused before anything ran, as a GraphQL error
// in the caller's language with its code (and its field, if it has one).
func refused(ctx context.Context, e *errs.Error) *gqlerror.Error {
	ext := map[string]any{"code": string(e.Code)}
	if len(e.Field) > 0 {
		ext["field"] = e.Field
	}
	return &gqlerror.Error{Message: e.Message(langOf(ctx)), Extensions: ext}
}

func badRequest(vi, en string) *errs.Error { return requestError(errs.CodeBadRequest, vi, en) }

func writeResponse(w http.ResponseWriter, status int, media string, v any) {
	b, err := json.Marshal(v)
	if err != nil { // responses hold JSON-ready values only
		panic(err)
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// responseMedia picks the response's media type from an Accept header:
// application/json unless the client prefers application/graphql-response+json;
// false when the client accepts neither.
func responseMedia(accept string) (string, bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	best, bestQ := "", 0.0
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(s, 64); err != nil {
				continue
			}
		}
		var candidate string
		switch mt {
		case mediaGraphQLResponse:
			candidate = mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			candidate = mediaJSON
		default:
			continue
		}
		if q > bestQ || q == bestQ && q > 0 && candidate == mediaGraphQLResponse {
			best, bestQ = candidate, q
		}
	}
	return best, bestQ > 0
}

// isJSON reports whether a Content-Type is JSON in UTF-8.
func isJSON(contentType string) bool {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != mediaJSON {
		return false
	}
	cs, ok := params["charset"]
	return !ok || strings.EqualFold(cs, "utf-8")
}

// postParams reads a POST body: one JSON object with query (a string),
// and optionally variables and extensions (objects) and operationName (a
// string).
func postParams(body io.Reader) (*graphql.RawParams, *errs.Error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, badRequest("Không đọc được nội dung yêu cầu.", "The request body could not be read.")
	}
	var fields map[string]json.RawMessage
	if err := decodeJSON(b, &fields); err != nil || fields == nil {
		return nil, badRequest("Nội dung yêu cầu phải là một đối tượng JSON {\"query\": …} (không nhận mảng hay null).",
			"The request body must be one JSON object {\"query\": …} (not an array or null).")
	}
	raw := func(name string) []byte { return fields[name] }
	return params(raw)
}

// getParams reads GET query parameters; variables and extensions are JSON.
func getParams(rawQuery string) (*graphql.RawParams, *errs.Error) {
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, badRequest("Tham số URL không hợp lệ.", "The URL's query parameters are malformed.")
	}
	raw := func(name string) []byte {
		if !values.Has(name) {
			return nil
		}
		v := values.Get(name)
		if name == "query" || name == "operationName" {
			q, _ := json.Marshal(v)
			return q
		}
		return []byte(v)
	}
	return params(raw)
}

// params checks each parameter's JSON type; raw returns a parameter's JSON
// text, nil when absent.
func params(raw func(string) []byte) (*graphql.RawParams, *errs.Error) {
	p := &graphql.RawParams{}
	str := func(name string, into *string) *errs.Error {
		if b := raw(name); b != nil && decodeJSON(b, &into) != nil {
			return badRequest("Tham số "+name+" phải là một chuỗi.", "The "+name+" parameter must be a string.")
		}
		return nil
	}
	obj := func(name string, into *map[string]any) *errs.Error {
		if b := raw(name); b != nil && decodeJSON(b, into) != nil {
			return badRequest("Tham số "+name+" phải là một đối tượng JSON.", "The "+name+" parameter must be a JSON object.")
		}
		return nil
	}
	for _, err := range []*errs.Error{str("query", &p.Query), str("operationName", &p.OperationName),
		obj("variables", &p.Variables), obj("extensions", &p.Extensions)} {
		if err != nil {
			return nil, err
		}
	}
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return nil, badRequest("Thiếu tham số query (tài liệu GraphQL).", "The query parameter (the GraphQL document) is missing.")
	}
	return p, nil
}

// decodeJSON decodes exactly one JSON value, numbers kept as json.Number
// so that 64-bit integers arrive whole.
func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data")
	}
	return nil
}

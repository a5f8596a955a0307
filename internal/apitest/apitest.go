// Package apitest reads GraphQL answers for the tests that drive the API
// as a client: the decoded response, with its data walked by dotted paths
// ("startups.edges.0.node.name") and its userErrors and error codes.
package apitest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Error is one entry of a GraphQL response's errors.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is a decoded GraphQL response with the HTTP status and headers
// it came with.
type Response struct {
	Status int            `json:"-"`
	Header http.Header    `json:"-"`
	Data   map[string]any `json:"data"`
	Errors []Error        `json:"errors"`
}

// Code returns the extensions.code of the error at path ("" for the first error).
func (r Response) Code(path string) string {
	for _, e := range r.Errors {
		if path == "" || PathString(e.Path) == path {
			c, _ := e.Extensions["code"].(string)
			return c
		}
	}
	return ""
}

// PathString writes an error's path dotted: "startups.edges.0.node".
func PathString(p []any) string {
	parts := make([]string, len(p))
	for i, x := range p {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ".")
}

// Get walks a dotted path ("startups.edges.0.node.name") through the data.
func (r Response) Get(path string) any {
	var v any = r.Data
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// Str is the string at path, or "".
func (r Response) Str(path string) string {
	s, _ := r.Get(path).(string)
	return s
}

// VND is the amount at path (the API answers amounts as strings of
// digits), or 0.
func (r Response) VND(path string) int64 {
	n, _ := strconv.ParseInt(r.Str(path), 10, 64)
	return n
}

// Num is the number at path, as a whole number, or 0.
func (r Response) Num(path string) int {
	f, _ := r.Get(path).(float64)
	return int(f)
}

// List is the list at path, or nil.
func (r Response) List(path string) []any {
	l, _ := r.Get(path).([]any)
	return l
}

// UserErrors returns the codes of a payload's userErrors keyed by field path.
func (r Response) UserErrors(payload string) map[string]string {
	out := map[string]string{}
	for _, ue := range r.List(payload + ".userErrors") {
		m := ue.(map[string]any)
		var field []string
		fs, _ := m["field"].([]any) // absent when the query did not ask for it
		for _, f := range fs {
			field = append(field, f.(string))
		}
		out[strings.Join(field, ".")] = m["code"].(string)
	}
	return out
}

package store

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// This file evaluates the part of MongoDB's query language the repositories
// use — equality, $in, $nin, $ne, $gt, $gte, $lt, $lte, $exists, $and, $or
// on (dotted) fields, sorts on fields — over documents held in memory, with
// MongoDB's semantics: a field that is an array matches when it or any of
// its elements does, a missing field equals null, and comparisons match
// only values of the same kind (numbers with numbers, strings with strings).
// Anything else — another operator, a regular expression, a value of a kind
// not listed below — makes compile report that it cannot, and the query goes
// to the server instead.

// predicate tests one document.
type predicate func(doc bson.Raw) bool

// compileFilter turns a filter into a predicate, with the top-level fields
// it reads; ok is false when the filter uses something this evaluator does
// not have.
func compileFilter(filter any) (p predicate, fields []string, ok bool) {
	if filter == nil {
		return func(bson.Raw) bool { return true }, nil, true
	}
	raw, err := bson.Marshal(filter)
	if err != nil {
		return nil, nil, false
	}
	c := &compiler{}
	p, ok = c.document(bson.Raw(raw))
	return p, c.fields, ok
}

type compiler struct{ fields []string }

// document compiles a filter document: all of its conditions hold.
func (c *compiler) document(d bson.Raw) (predicate, bool) {
	els, err := d.Elements()
	if err != nil {
		return nil, false
	}
	var ps []predicate
	for _, el := range els {
		key, v := el.Key(), el.Value()
		var p predicate
		var ok bool
		switch {
		case key == "$and" || key == "$or":
			p, ok = c.logical(key, v)
		case strings.HasPrefix(key, "$"):
			return nil, false // $comment, $expr, $where, …
		default:
			p, ok = c.field(key, v)
		}
		if !ok {
			return nil, false
		}
		ps = append(ps, p)
	}
	return every(ps), true
}

// every holds when each of ps does.
func every(ps []predicate) predicate {
	return func(doc bson.Raw) bool {
		for _, p := range ps {
			if !p(doc) {
				return false
			}
		}
		return true
	}
}

func (c *compiler) logical(op string, v bson.RawValue) (predicate, bool) {
	arr, ok := v.ArrayOK()
	if !ok {
		return nil, false
	}
	vals, err := arr.Values()
	if err != nil || len(vals) == 0 {
		return nil, false
	}
	var ps []predicate
	for _, e := range vals {
		d, ok := e.DocumentOK()
		if !ok {
			return nil, false
		}
		p, ok := c.document(d)
		if !ok {
			return nil, false
		}
		ps = append(ps, p)
	}
	all := op == "$and"
	return func(doc bson.Raw) bool {
		for _, p := range ps {
			if p(doc) != all {
				return !all
			}
		}
		return all
	}, true
}

// field compiles the condition on one field: a value it equals, or a
// document of operators.
func (c *compiler) field(path string, v bson.RawValue) (predicate, bool) {
	c.fields = append(c.fields, strings.SplitN(path, ".", 2)[0])
	keys := strings.Split(path, ".")
	ops, isDoc := v.DocumentOK()
	if !isDoc {
		return c.condition(keys, "$eq", v)
	}
	els, err := ops.Elements()
	if err != nil || len(els) == 0 || !strings.HasPrefix(els[0].Key(), "$") {
		return nil, false // equality with a whole sub-document
	}
	var ps []predicate
	for _, el := range els {
		p, ok := c.condition(keys, el.Key(), el.Value())
		if !ok {
			return nil, false
		}
		ps = append(ps, p)
	}
	return every(ps), true
}

// condition compiles one operator on the field at keys.
func (c *compiler) condition(keys []string, op string, v bson.RawValue) (predicate, bool) {
	switch op {
	case "$eq", "$ne":
		if !orderable(v) {
			return nil, false
		}
		eq := func(doc bson.Raw) bool {
			return anyValue(doc, keys, func(x bson.RawValue) bool { return equal(x, v) })
		}
		if op == "$ne" {
			return func(doc bson.Raw) bool { return !eq(doc) }, true
		}
		return eq, true
	case "$in", "$nin":
		arr, ok := v.ArrayOK()
		if !ok {
			return nil, false
		}
		set, err := arr.Values()
		if err != nil {
			return nil, false
		}
		for _, s := range set {
			if !orderable(s) {
				return nil, false
			}
		}
		in := func(doc bson.Raw) bool {
			return anyValue(doc, keys, func(x bson.RawValue) bool {
				return slices.ContainsFunc(set, func(s bson.RawValue) bool { return equal(x, s) })
			})
		}
		if op == "$nin" {
			return func(doc bson.Raw) bool { return !in(doc) }, true
		}
		return in, true
	case "$gt", "$gte", "$lt", "$lte":
		if !orderable(v) || v.Type == bson.TypeNull {
			return nil, false
		}
		hold := map[string]func(int) bool{
			"$gt": func(c int) bool { return c > 0 }, "$gte": func(c int) bool { return c >= 0 },
			"$lt": func(c int) bool { return c < 0 }, "$lte": func(c int) bool { return c <= 0 },
		}[op]
		return func(doc bson.Raw) bool {
			return anyValue(doc, keys, func(x bson.RawValue) bool {
				return bracket(x.Type) == bracket(v.Type) && hold(compareValues(x, v))
			})
		}, true
	case "$exists":
		want, ok := v.BooleanOK()
		if !ok {
			return nil, false
		}
		return func(doc bson.Raw) bool {
			found := false
			walk(doc, keys, func(bson.RawValue) bool { found = true; return true })
			return found == want
		}, true
	}
	return nil, false
}

// anyValue reports whether test holds for a value at keys: each value
// reached through arrays of documents, and each element of an array value
// besides the array itself. A missing field is tested as null.
func anyValue(doc bson.Raw, keys []string, test func(bson.RawValue) bool) bool {
	found := false
	hit := walk(doc, keys, func(v bson.RawValue) bool {
		found = true
		if test(v) {
			return true
		}
		if arr, ok := v.ArrayOK(); ok {
			vals, _ := arr.Values()
			return slices.ContainsFunc(vals, test)
		}
		return false
	})
	if !found {
		return test(bson.RawValue{Type: bson.TypeNull})
	}
	return hit
}

// walk calls fn with every value at keys in doc, descending into arrays of
// documents on the way, until fn returns true; it reports whether it did.
func walk(doc bson.Raw, keys []string, fn func(bson.RawValue) bool) bool {
	v, err := doc.LookupErr(keys[0])
	if err != nil {
		return false
	}
	if len(keys) == 1 {
		return fn(v)
	}
	if d, ok := v.DocumentOK(); ok {
		return walk(d, keys[1:], fn)
	}
	if arr, ok := v.ArrayOK(); ok {
		vals, _ := arr.Values()
		for _, e := range vals {
			if d, ok := e.DocumentOK(); ok && walk(d, keys[1:], fn) {
				return true
			}
		}
	}
	return false
}

// orderable reports whether v is of a kind this evaluator compares.
func orderable(v bson.RawValue) bool { return bracket(v.Type) > 0 }

// bracket is the rank of a value's kind in MongoDB's order of kinds; 0 for
// a kind this evaluator does not compare. Numbers of every width share one.
func bracket(t bson.Type) int {
	switch t {
	case bson.TypeNull:
		return 1
	case bson.TypeInt32, bson.TypeInt64, bson.TypeDouble:
		return 2
	case bson.TypeString:
		return 3
	case bson.TypeObjectID:
		return 7
	case bson.TypeBoolean:
		return 8
	case bson.TypeDateTime:
		return 9
	}
	return 0
}

func equal(a, b bson.RawValue) bool {
	return bracket(a.Type) != 0 && bracket(a.Type) == bracket(b.Type) && compareValues(a, b) == 0
}

// compareValues orders two values: by kind, then by value (strings byte by
// byte, as MongoDB without a collation).
func compareValues(a, b bson.RawValue) int {
	if c := cmp.Compare(bracket(a.Type), bracket(b.Type)); c != 0 {
		return c
	}
	switch bracket(a.Type) {
	case 2:
		return compareNumbers(a, b)
	case 3:
		return strings.Compare(a.StringValue(), b.StringValue())
	case 7:
		ao, bo := a.ObjectID(), b.ObjectID()
		return bytes.Compare(ao[:], bo[:])
	case 8:
		return cmp.Compare(boolRank(a.Boolean()), boolRank(b.Boolean()))
	case 9:
		return cmp.Compare(a.DateTime(), b.DateTime())
	}
	return 0
}

func compareNumbers(a, b bson.RawValue) int {
	if a.Type != bson.TypeDouble && b.Type != bson.TypeDouble {
		return cmp.Compare(a.AsInt64(), b.AsInt64())
	}
	return cmp.Compare(float(a), float(b))
}

func float(v bson.RawValue) float64 {
	if v.Type == bson.TypeDouble {
		return v.Double()
	}
	return float64(v.AsInt64())
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sortKey is one field of a sort and its direction.
type sortKey struct {
	keys []string
	desc bool
}

// compileSort reads a sort document; ok is false for what this evaluator
// does not sort by (a $meta score, a direction other than ±1).
func compileSort(sort any) (ks []sortKey, fields []string, ok bool) {
	if sort == nil {
		return nil, nil, true
	}
	raw, err := bson.Marshal(sort)
	if err != nil {
		return nil, nil, false
	}
	els, err := bson.Raw(raw).Elements()
	if err != nil {
		return nil, nil, false
	}
	for _, el := range els {
		dir, ok := el.Value().AsInt64OK()
		if !ok || el.Value().Type == bson.TypeDouble || dir != 1 && dir != -1 {
			return nil, nil, false
		}
		ks = append(ks, sortKey{keys: strings.Split(el.Key(), "."), desc: dir == -1})
		fields = append(fields, strings.SplitN(el.Key(), ".", 2)[0])
	}
	return ks, fields, true
}

// sortValue is the value a document sorts by at keys: null when missing;
// ok is false for an array or a kind this evaluator does not compare.
func sortValue(doc bson.Raw, keys []string) (v bson.RawValue, ok bool) {
	v = bson.RawValue{Type: bson.TypeNull}
	n := 0
	walk(doc, keys, func(x bson.RawValue) bool { v, n = x, n+1; return n > 1 })
	return v, n <= 1 && orderable(v)
}

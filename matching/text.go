package matching

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/innoport/innoport/domain/value"
)

// stopwords are folded function words of Vietnamese and English that say
// nothing about a profile.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`va cua cho cac nhung mot la co duoc trong voi tren tai tu de den nay do khi
		nhu hon rat cung da dang se bang theo ve hoac khong nguoi viec tai
		the and for of to in on with a an is are by from at as or our we their its this that be`) {
		m[w] = true
	}
	return m
}()

// Tokens splits folded text into terms: the syllables or words that are not
// stopwords, and each pair of adjacent ones joined by "_", since Vietnamese
// words are often two syllables ("khoi_nghiep").
func Tokens(s string) []string {
	words := strings.FieldsFunc(value.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := words[:0]
	for _, w := range words {
		if len(w) > 1 && !stopwords[w] {
			out = append(out, w)
		}
	}
	n := len(out)
	for i := 1; i < n; i++ {
		out = append(out, out[i-1]+"_"+out[i])
	}
	return out
}

// Vocab maps the terms of a corpus to IDs and inverse document frequencies.
// Terms in more than a tenth of a large corpus ("cong_nghe", "hai_phong")
// say little and cost much, so vectors leave them out.
type Vocab struct {
	ids   map[string]int32
	names []string
	idf   []float64
}

// NewVocab builds the vocabulary of documents given as term lists.
func NewVocab(docs [][]string) *Vocab {
	v := &Vocab{ids: map[string]int32{}}
	var df []int
	for _, d := range docs {
		seen := map[int32]bool{}
		for _, t := range d {
			id, ok := v.ids[t]
			if !ok {
				id = int32(len(df))
				v.ids[t] = id
				v.names = append(v.names, t)
				df = append(df, 0)
			}
			if !seen[id] {
				seen[id] = true
				df[id]++
			}
		}
	}
	v.idf = make([]float64, len(df))
	common := max(len(docs)/10, 50)
	for i, n := range df {
		if n <= common {
			v.idf[i] = math.Log(1 + float64(len(docs))/float64(n))
		}
	}
	return v
}

// vector is a sparse, unit-length TF-IDF vector sorted by term ID.
type vector struct {
	terms   []int32
	weights []float64
}

// Vector returns the TF-IDF vector of a document's terms; terms outside the
// vocabulary are ignored.
func (v *Vocab) vector(terms []string) vector {
	tf := map[int32]int{}
	for _, t := range terms {
		if id, ok := v.ids[t]; ok && v.idf[id] > 0 {
			tf[id]++
		}
	}
	out := vector{terms: make([]int32, 0, len(tf))}
	for id := range tf {
		out.terms = append(out.terms, id)
	}
	slices.Sort(out.terms)
	out.weights = make([]float64, len(out.terms))
	norm := 0.0
	for i, id := range out.terms {
		w := (1 + math.Log(float64(tf[id]))) * v.idf[id]
		out.weights[i] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for i := range out.weights {
		out.weights[i] /= norm
	}
	return out
}

// common calls fn for each term of both vectors, in term order.
func common(a, b vector, fn func(term int32, wa, wb float64)) {
	for i, j := 0, 0; i < len(a.terms) && j < len(b.terms); {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			fn(a.terms[i], a.weights[i], b.weights[j])
			i++
			j++
		}
	}
}

// cosine is the similarity of two unit vectors, summed in term order as
// the engine's inverted index sums it.
func cosine(a, b vector) float64 {
	s := 0.0
	common(a, b, func(_ int32, wa, wb float64) { s += wa * wb })
	return s
}

// sharedTerms names up to n terms of a and b with the largest product.
func (v *Vocab) sharedTerms(a, b vector, n int) []string {
	type term struct {
		id int32
		w  float64
	}
	var shared []term
	common(a, b, func(id int32, wa, wb float64) { shared = append(shared, term{id, wa * wb}) })
	slices.SortFunc(shared, func(x, y term) int {
		switch {
		case x.w > y.w:
			return -1
		case x.w < y.w:
			return 1
		}
		return int(x.id - y.id)
	})
	var out []string
	for _, c := range shared {
		if len(out) == n {
			break
		}
		out = append(out, strings.ReplaceAll(v.names[c.id], "_", " "))
	}
	return out
}

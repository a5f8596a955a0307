package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/innoport/innoport/matching"
)

// BenchmarkMatchLists writes the lists of a rescore — startups × 4 kinds
// plus the calls, investors and mentors in the city's proportions (300,
// 2,000 and 500 per 10,000 startups), 20 explained matches each — into an
// empty store, then reads every digest and replaces a tenth of the lists, as
// a rescore after a day of changes does. Run it with -benchtime 1x: on the
// embedded store a replace costs time in proportion to the collection, so
// even 500 startups take minutes (on MongoDB it is an indexed write).
func BenchmarkMatchLists(b *testing.B) {
	for _, startups := range []int{500} {
		b.Run(fmt.Sprintf("startups=%d", startups), func(b *testing.B) { benchMatchLists(b, startups) })
	}
}

func benchMatchLists(b *testing.B, startups int) {
	ctx := context.Background()
	db := benchDB(b, fmt.Sprintf("bench_matches_%d", startups))
	m := NewMatchLists(db)
	item := matching.Item{TargetID: "01target", Score: 0.5, Explanation: []matching.Contribution{
		{Factor: matching.FactorSector, Weight: 0.3, Value: 1, Contribution: 0.3, Args: []string{"PORT_LOGISTICS"}},
		{Factor: matching.FactorTicket, Weight: 0.2, Value: 1, Contribution: 0.2, Args: []string{"3.000.000.000", "500.000.000", "5.000.000.000"}},
		{Factor: matching.FactorText, Weight: 0.25, Value: 0, Contribution: 0, Args: []string{"cang", "logistics", "container"}},
		{Factor: matching.FactorLocation, Weight: 0.15, Value: 0, Contribution: 0},
		{Factor: matching.FactorFeedback, Weight: 0.1, Value: 0, Contribution: 0},
	}}
	var lists []matching.List
	add := func(owner matching.Owner, n int, kinds ...matching.Kind) {
		for i := range n {
			for _, k := range kinds {
				l := matching.List{Key: matching.ListKey{Owner: owner, OwnerID: fmt.Sprintf("%s%06d", owner, i), Kind: k}, ComputedAt: time.Now()}
				for range 20 {
					l.Items = append(l.Items, item)
				}
				lists = append(lists, l)
			}
		}
	}
	add(matching.OwnerStartup, startups, matching.Kinds[:]...)
	add(matching.OwnerCall, startups*300/10_000, matching.KindFundCall)
	add(matching.OwnerInvestor, startups*2000/10_000, matching.KindInvestor)
	add(matching.OwnerMentor, startups*500/10_000, matching.KindMentor)
	b.ReportMetric(float64(len(lists)), "lists")
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if err := m.Write(ctx, lists, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-insert-all")
		start = time.Now()
		if _, err := m.Digests(ctx, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-read-digests")
		start = time.Now()
		if err := m.Write(ctx, nil, lists[:len(lists)/10]); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-replace-tenth")
		b.StopTimer()
		if err := m.Delete(ctx, digestIDs(lists)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

func digestIDs(lists []matching.List) []string {
	ids := make([]string, len(lists))
	for i, l := range lists {
		ids[i] = l.Key.ID()
	}
	return ids
}

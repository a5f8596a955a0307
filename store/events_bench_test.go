package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

// BenchmarkEventBoard reads and rewrites (compare-and-set) the board of a
// full matchmaking day — 500 participants with their texts and marks, 480
// meetings — and looks up the requests between two participants among
// 3,000: the store work behind every registration, booking and request.
func BenchmarkEventBoard(b *testing.B) {
	ctx := context.Background()
	db := storetest.Open(b)
	boards, requests := store.NewBoards(db), store.NewRequests(db)
	now := time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC)
	_, err := boards.Update(ctx, "ev", func(bd *events.Board) error {
		for i := range 500 {
			bd.Participants = append(bd.Participants, events.Participant{ID: fmt.Sprint("p", i), Subject: fmt.Sprint("s", i), Type: "founder",
				Name: fmt.Sprint("Người tham dự ", i), Offers: "nền tảng logistics cảng biển cho chủ hàng vừa và nhỏ",
				Seeks: "vốn đầu tư vòng hạt giống và khách hàng doanh nghiệp", Status: events.Confirmed, RegisteredAt: now,
				Marks: map[string]events.Mark{fmt.Sprint("p", (i+1)%500): events.WouldMeet}})
		}
		for i := range 480 {
			bd.Meetings = append(bd.Meetings, events.Meeting{ID: fmt.Sprint("m", i), A: fmt.Sprint("p", i), B: fmt.Sprint("p", (i+7)%500),
				Slot: i % 12, Table: fmt.Sprint("T", i/12), Source: events.Automatic, Outcome: events.Scheduled})
		}
		return nil
	})
	require.NoError(b, err)
	for i := range 3000 {
		_, err := requests.Send(ctx, events.Request{Meta: record.Meta{Version: 1, CreatedAt: now}, EventID: "ev", From: fmt.Sprint("p", i%500),
			To: fmt.Sprint("p", (i*7+1)%500), Status: events.Pending, ExpiresAt: now.Add(time.Hour)}, func([]events.Request) error { return nil })
		require.NoError(b, err)
	}
	b.Run("get", func(b *testing.B) {
		for b.Loop() {
			_, err := boards.Get(ctx, "ev")
			require.NoError(b, err)
		}
	})
	b.Run("update", func(b *testing.B) {
		for b.Loop() {
			_, err := boards.Update(ctx, "ev", func(bd *events.Board) error { bd.Participants[0].Name += "."; return nil })
			require.NoError(b, err)
		}
	})
	b.Run("requests-between", func(b *testing.B) {
		for b.Loop() {
			_, err := requests.Between(ctx, "ev", "p3", "p22")
			require.NoError(b, err)
		}
	})
}

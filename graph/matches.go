package graph

import (
	"context"
	"errors"

	"github.com/vikstrous/dataloadgen"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/matching"
)

// maxMatches bounds `first` on a list of matches.
const maxMatches = 100

// matches reads the first items of one stored list.
func (r *Resolver) matches(ctx context.Context, key matching.ListKey, first *int) ([]*model.Match, error) {
	n := 10
	if first != nil {
		n = *first
	}
	if n < 1 || n > maxMatches {
		return nil, errs.InvalidValue("Số gợi ý phải từ 1 đến 100.", "first must be from 1 to 100.", "first")
	}
	l, err := r.Matching.List(ctx, key)
	if err != nil {
		return nil, err
	}
	return matchesOf(l, n), nil
}

func matchesOf(l matching.List, n int) []*model.Match {
	out := make([]*model.Match, 0, min(n, len(l.Items)))
	for _, it := range l.Items[:min(n, len(l.Items))] {
		m := &model.Match{ID: globalID(typeMatch, matching.MatchID(l.Key, it.TargetID)), Score: it.Score, Explanation: it.Explanation,
			ComputedAt: l.ComputedAt, List: l.Key, TargetID: it.TargetID}
		if l.Key.Owner == matching.OwnerStartup && l.Key.Kind == matching.KindIncubator {
			_, program := matching.ProgramOf(it.TargetID)
			m.Program = &program
		}
		out = append(out, m)
	}
	return out
}

// matchFeedback answers dismissMatch and bookmarkMatch with the list as it
// stands after the change.
func (r *mutationResolver) matchFeedback(ctx context.Context, key matching.ListKey, err error) (*model.MatchFeedbackPayload, error) {
	ue, err := userErrors(ctx, err)
	if err != nil || len(ue) > 0 {
		return &model.MatchFeedbackPayload{UserErrors: ue}, err
	}
	l, err := r.Matching.List(ctx, key)
	if err != nil {
		return nil, err
	}
	return &model.MatchFeedbackPayload{Matches: matchesOf(l, maxMatches), UserErrors: ue}, nil
}

// matchID is the matching engine's ID of a match: inside the global ID, or
// the ID itself as matches named it before they were nodes.
func matchID(gid string) string {
	if typ, id, ok := decodeID(gid); ok && typ == typeMatch {
		return id
	}
	return gid
}

// loadTarget loads a matched entity; one that is gone fails the match only.
func loadTarget[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string) (model.MatchTarget, error) {
	v, err := l.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, errs.NotFoundf("đối tượng được gợi ý", "Matched entity")
	}
	return &v, err
}

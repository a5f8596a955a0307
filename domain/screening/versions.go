package screening

import (
	"context"
	"fmt"
	"strings"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
)

// Versions is what versioned rule sets — criteria sets, and incentives
// built on them — share: versions numbered per key, one version of a key
// active, the one published retiring the one before.
type Versions[T any] struct {
	List   func(ctx context.Context, status SetStatus) ([]T, error)
	Update func(ctx context.Context, id string, fn func(*T) error) (T, error)
	// Of reads a record's ID, key and version, and points at its status.
	Of     func(*T) (id, key string, version int, status *SetStatus)
	Meta   func(*T) *record.Meta
	Entity errs.Entity // names the records in messages
	Clock  clock.Clock
}

// steps name the moves into each status, in messages.
var steps = map[SetStatus][2]string{
	SetDraft: {"sửa", "edited"}, SetActive: {"công bố", "published"}, SetRetired: {"ngừng áp dụng", "retired"},
}

// wrongStatus is what doing something to a record in a status that does
// not allow it answers.
func wrongStatus(e errs.Entity, st SetStatus, vi, en string) error {
	return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
		fmt.Sprintf("Không thể %s %s ở trạng thái “%s”.", vi, e.VI, st.Label(false)),
		fmt.Sprintf("This %s is “%s”: it cannot be %s.", strings.ToLower(e.EN), st.Label(true), en))
}

// Step moves a record from status from to status to over the version the
// client read, running edit on it too when given (an edit of a draft is a
// step from DRAFT to DRAFT); admins only. Publishing retires the version
// of the key it replaces.
func (v Versions[T]) Step(ctx context.Context, id string, version int64, from, to SetStatus, edit func(*T) error) (T, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		var zero T
		return zero, err
	}
	out, err := v.Update(ctx, id, func(x *T) error {
		if err := v.Meta(x).Touch(version, v.Clock.Now()); err != nil {
			return err
		}
		_, _, _, st := v.Of(x)
		if *st != from {
			return wrongStatus(v.Entity, *st, steps[to][0], steps[to][1])
		}
		*st = to
		if edit != nil {
			return edit(x)
		}
		return nil
	})
	if err != nil || to != SetActive {
		return out, err
	}
	return out, v.RetireOthers(ctx, out)
}

// Next is the number of a new version of key: 1 for a new key.
func (v Versions[T]) Next(ctx context.Context, key string) (int, error) {
	all, err := v.List(ctx, "")
	if err != nil {
		return 0, err
	}
	next := 1
	for i := range all {
		if _, k, n, _ := v.Of(&all[i]); k == key {
			next = max(next, n+1)
		}
	}
	return next, nil
}

// RetireOthers retires the active versions of the published record's key
// but it.
func (v Versions[T]) RetireOthers(ctx context.Context, published T) error {
	active, err := v.List(ctx, SetActive)
	if err != nil {
		return err
	}
	pid, key, _, _ := v.Of(&published)
	for i := range active {
		id, k, n, _ := v.Of(&active[i])
		if k != key || id == pid {
			continue
		}
		if _, err := v.Update(ctx, id, func(x *T) error {
			_, _, _, st := v.Of(x)
			*st = SetRetired
			return nil
		}); err != nil {
			return fmt.Errorf("retire %s v%d: %w", k, n, err)
		}
	}
	return nil
}

// Active returns the active version of every key that keep accepts; if a
// publication is half done, the higher version wins.
func (v Versions[T]) Active(ctx context.Context, keep func(T) bool) (map[string]T, error) {
	active, err := v.List(ctx, SetActive)
	if err != nil {
		return nil, err
	}
	latest := map[string]T{}
	for i := range active {
		if !keep(active[i]) {
			continue
		}
		_, k, n, _ := v.Of(&active[i])
		if cur, ok := latest[k]; ok {
			if _, _, m, _ := v.Of(&cur); m >= n {
				continue
			}
		}
		latest[k] = active[i]
	}
	return latest, nil
}

// sweepBatch bounds the records one bulk write of a sweep takes.
const sweepBatch = 500

// Sweep passes over firms — every firm when ids is empty, otherwise those
// of ids that exist — and saves in bulk the records visit returns for each,
// sweepBatch at a time: how a screening run and an incentive judging run
// go over the firms.
func Sweep[R any](ctx context.Context, firms Firms, ids []string, visit func(firm.Startup) (inserts, replaces []R),
	save func(ctx context.Context, inserts, replaces []R) error) error {
	var inserts, replaces []R
	flush := func() error {
		if len(inserts)+len(replaces) == 0 {
			return nil
		}
		err := save(ctx, inserts, replaces)
		inserts, replaces = inserts[:0], replaces[:0]
		return err
	}
	one := func(f firm.Startup) error {
		ins, rep := visit(f)
		inserts, replaces = append(inserts, ins...), append(replaces, rep...)
		if len(inserts)+len(replaces) >= sweepBatch {
			return flush()
		}
		return nil
	}
	var err error
	if len(ids) == 0 {
		err = firms.Each(ctx, one)
	} else {
		var found map[string]firm.Startup
		if found, err = firms.GetMany(ctx, ids); err == nil {
			for _, id := range ids {
				if f, ok := found[id]; ok && err == nil {
					err = one(f)
				}
			}
		}
	}
	if err != nil {
		return err
	}
	return flush()
}

package ecosystem

import (
	"context"
	"fmt"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// IncubatorDraft is an incubator's profile as a client sends it.
type IncubatorDraft struct {
	Name, NameEN, University, Ward, Website string
	Programs                                []ProgramDraft
}

// ProgramDraft is an incubation programme as a client sends it.
type ProgramDraft struct {
	Name, Description string
	Sectors, Stages   []string
}

// IncubatorPatch changes some fields of an incubator; nil fields stay.
type IncubatorPatch struct {
	Name, NameEN, University, Ward, Website *string
	Programs                                *[]ProgramDraft
}

// Draft returns the incubator's profile in its unvalidated form.
func (i Incubator) Draft() IncubatorDraft {
	d := IncubatorDraft{Name: i.Name, NameEN: i.NameEN, University: i.University, Ward: i.Ward.String(), Website: i.Website}
	for _, p := range i.Programs {
		d.Programs = append(d.Programs, ProgramDraft{Name: p.Name, Description: p.Description,
			Sectors: strings(p.Sectors), Stages: strings(p.Stages)})
	}
	return d
}

// setProfile validates a draft into i's profile fields, reporting every
// problem with its field; i is unchanged on error.
func (i *Incubator) setProfile(d IncubatorDraft) error {
	var (
		next = *i
		list errs.List
		err  error
	)
	next.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	next.NameEN, err = value.Text(d.NameEN, false, 200)
	list.Check(err, "nameEn")
	next.University, err = value.Text(d.University, true, 200)
	list.Check(err, "university")
	next.Ward, err = value.NewWard(d.Ward)
	list.Check(err, "ward")
	next.Website, err = value.WebURL(d.Website)
	list.Check(err, "website")
	if len(d.Programs) > 50 {
		list.Add(errs.InvalidValue("Tối đa 50 chương trình.", "At most 50 programmes.", "programs"))
	}
	next.Programs = make([]Program, 0, len(d.Programs))
	for k, pd := range d.Programs {
		at := fmt.Sprint(k)
		var p Program
		p.Name, err = value.Text(pd.Name, true, 200)
		list.Check(err, "programs", at, "name")
		p.Description, err = value.Text(pd.Description, false, 5000)
		list.Check(err, "programs", at, "description")
		p.Sectors, err = value.ParseSectors(pd.Sectors)
		list.Check(err, "programs", at, "sectors")
		p.Stages, err = parseStages(pd.Stages)
		list.Check(err, "programs", at, "stages")
		next.Programs = append(next.Programs, p)
	}
	if err := list.Err(); err != nil {
		return err
	}
	*i = next
	return nil
}

// CreateIncubator registers an incubator; admins only.
func (s *Service) CreateIncubator(ctx context.Context, d IncubatorDraft) (Incubator, error) {
	if err := policy.ManageRegistry(identity.FromContext(ctx)); err != nil {
		return Incubator{}, err
	}
	i := Incubator{Meta: record.New(s.clock.Now())}
	if err := i.setProfile(d); err != nil {
		return Incubator{}, err
	}
	if err := s.incubators.Create(ctx, i); err != nil {
		return Incubator{}, fmt.Errorf("create incubator: %w", err)
	}
	return i, nil
}

// UpdateIncubator changes an incubator's profile, for admins and its
// managers, provided the caller saw the current version.
func (s *Service) UpdateIncubator(ctx context.Context, id string, version int64, patch IncubatorPatch) (Incubator, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Incubator{}, err
	}
	i, err := s.incubators.Update(ctx, id, func(cur *Incubator) error {
		if err := policy.ManageIncubator(p, cur.ID); err != nil {
			return err
		}
		d := cur.Draft()
		value.Overlay(&d, patch)
		if err := cur.setProfile(d); err != nil {
			return err
		}
		return cur.Touch(version, s.clock.Now())
	})
	if err != nil {
		return Incubator{}, fmt.Errorf("update incubator %s: %w", id, err)
	}
	return i, nil
}

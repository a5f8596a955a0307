package funding

import (
	"slices"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Reviewer is an expert who scores applications, with the affiliations that
// can put them in a conflict of interest.
type Reviewer struct {
	record.Meta
	ReviewerProfile
}

// ReviewerProfile is a reviewer's validated data.
type ReviewerProfile struct {
	Subject     string // the reviewer's user account
	Name        string
	IncubatorID string // the incubator they belong to, if any
	InvestorID  string // the investor they act for, if any
	MentorID    string // their mentor profile, if they mentor startups
}

// ReviewerDraft is a reviewer profile as a client sends it.
type ReviewerDraft = ReviewerProfile

// NewReviewerProfile validates a draft.
func NewReviewerProfile(d ReviewerDraft) (ReviewerProfile, error) {
	var list errs.List
	var err error
	d.Subject, err = value.Text(d.Subject, true, 200)
	list.Check(err, "subject")
	d.Name, err = value.Text(d.Name, true, 200)
	list.Check(err, "name")
	return d, list.Err()
}

// Affiliations are the records a conflict check reads about a reviewer: the
// mentor profile and the investor they are linked to (nil when none).
type Affiliations struct {
	Mentor   *ecosystem.Mentor
	Investor *ecosystem.Investor
}

// conflictWith tells whether the reviewer may not review the startup's
// application, and why, in both languages.
func (r Reviewer) conflictWith(s firm.Startup, aff Affiliations) (vi, en string, conflict bool) {
	switch {
	case r.IncubatorID != "" && r.IncubatorID == s.IncubatorID:
		return "Người đánh giá thuộc vườn ươm của doanh nghiệp.", "The reviewer belongs to the startup's incubator.", true
	case aff.Mentor != nil && slices.Contains(aff.Mentor.Mentees, s.ID):
		return "Người đánh giá đang cố vấn cho doanh nghiệp.", "The reviewer mentors the startup.", true
	case aff.Investor != nil && slices.Contains(aff.Investor.Portfolio, s.ID):
		return "Người đánh giá đại diện cho nhà đầu tư đang nắm cổ phần của doanh nghiệp.",
			"The reviewer acts for an investor holding a stake in the startup.", true
	}
	return "", "", false
}

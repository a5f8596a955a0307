package funding

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntityApplication = errs.Entity{VI: "hồ sơ", EN: "Application"}
	EntityReviewer    = errs.Entity{VI: "người đánh giá", EN: "Reviewer"}
	EntityFund        = errs.Entity{VI: "quỹ", EN: "Fund"}
	EntityCall        = errs.Entity{VI: "đợt kêu gọi vốn", EN: "Funding call"}
)

// ErrDuplicateApplication is what a second application of a startup to a
// call answers: the store's unique index on (call, startup) decides it.
func ErrDuplicateApplication() *errs.Error {
	return errs.New(errs.Conflict, errs.CodeDuplicateApplication, []string{"startupId"},
		"Doanh nghiệp đã nộp hồ sơ cho đợt kêu gọi này.",
		"The startup has already applied to this call.")
}

package screening

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntitySet    = errs.Entity{VI: "bộ tiêu chí", EN: "Criteria set"}
	EntityResult = errs.Entity{VI: "kết quả sàng lọc", EN: "Screening result"}
)

// ErrSetVersionTaken is what creating a version of a criteria set answers
// when another request just created it: the store's unique index on (key,
// version) decides it.
func ErrSetVersionTaken() *errs.Error {
	return errs.New(errs.Conflict, errs.CodeVersionConflict, []string{"key"},
		"Một phiên bản khác của bộ tiêu chí vừa được tạo; hãy thử lại.",
		"Another version of this criteria set was just created; try again.")
}

package firm

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntityStartup = errs.Entity{VI: "doanh nghiệp", EN: "Startup"}
)

// ErrDuplicateTaxCode is what registering a tax code another firm has
// answers: the store's unique index on tax codes decides it.
func ErrDuplicateTaxCode() *errs.Error {
	return errs.New(errs.Conflict, errs.CodeDuplicateTaxCode, []string{"taxCode"},
		"Mã số thuế này đã được một doanh nghiệp khác đăng ký.",
		"This tax code is already registered by another firm.")
}

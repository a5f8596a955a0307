package sandbox

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntityProgram     = errs.Entity{VI: "chương trình thử nghiệm", EN: "Sandbox program"}
	EntityApplication = errs.Entity{VI: "hồ sơ thử nghiệm", EN: "Sandbox application"}
)

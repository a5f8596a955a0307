package ecosystem

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntityIncubator = errs.Entity{VI: "vườn ươm", EN: "Incubator"}
	EntityInvestor  = errs.Entity{VI: "nhà đầu tư", EN: "Investor"}
	EntityMentor    = errs.Entity{VI: "chuyên gia", EN: "Mentor"}
)

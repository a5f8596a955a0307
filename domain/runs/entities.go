package runs

import "github.com/innoport/innoport/domain/errs"

// EntityRun names a job run in messages.
var EntityRun = errs.Entity{VI: "lượt chạy", EN: "Job run"}

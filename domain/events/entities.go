package events

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntityEvent   = errs.Entity{VI: "sự kiện", EN: "Event"}
	EntityBoard   = errs.Entity{VI: "danh sách tham dự", EN: "Event board"}
	EntityRequest = errs.Entity{VI: "yêu cầu gặp", EN: "Meeting request"}
	EntityMeeting = errs.Entity{VI: "cuộc gặp", EN: "Meeting"}
)

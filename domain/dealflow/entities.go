package dealflow

import "github.com/innoport/innoport/domain/errs"

// The records of this package as messages name them.
var (
	EntityDeal         = errs.Entity{VI: "thương vụ", EN: "Deal"}
	EntitySavedSearch  = errs.Entity{VI: "tìm kiếm đã lưu", EN: "Saved search"}
	EntityNotification = errs.Entity{VI: "thông báo", EN: "Notification"}
)

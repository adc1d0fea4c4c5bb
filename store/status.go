package store

// Dossier statuses, numbered as on the national one-stop portal. "Late" is derived from the due
// time, never stored.
const (
	StatusRegistered = 1  // Mới đăng ký
	StatusReceived   = 2  // Được tiếp nhận
	StatusRefused    = 3  // Không được tiếp nhận
	StatusProcessing = 4  // Đang xử lý
	StatusSupplement = 5  // Yêu cầu bổ sung giấy tờ
	StatusFinancial  = 6  // Yêu cầu thực hiện nghĩa vụ tài chính
	StatusWithdrawn  = 7  // Công dân yêu cầu rút hồ sơ
	StatusStopped    = 8  // Dừng xử lý
	StatusResolved   = 9  // Đã xử lý xong
	StatusReturned   = 10 // Đã trả kết quả
)

var statusNames = [...]string{
	StatusRegistered: "Mới đăng ký",
	StatusReceived:   "Được tiếp nhận",
	StatusRefused:    "Không được tiếp nhận",
	StatusProcessing: "Đang xử lý",
	StatusSupplement: "Yêu cầu bổ sung giấy tờ",
	StatusFinancial:  "Yêu cầu thực hiện nghĩa vụ tài chính",
	StatusWithdrawn:  "Công dân yêu cầu rút hồ sơ",
	StatusStopped:    "Dừng xử lý",
	StatusResolved:   "Đã xử lý xong",
	StatusReturned:   "Đã trả kết quả",
}

// StatusName is a status's Vietnamese name ("" for 0 and unknown numbers).
func StatusName(status int) string {
	if status < 1 || status >= len(statusNames) {
		return ""
	}
	return statusNames[status]
}

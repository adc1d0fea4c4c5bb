package store

// Dossier statuses, numbered as on the national one-stop portal. "Late" is derived from the due
// time, never stored.
type Status int

const (
	StatusRegistered Status = 1  // Mới đăng ký
	StatusReceived   Status = 2  // Được tiếp nhận
	StatusRefused    Status = 3  // Không được tiếp nhận
	StatusProcessing Status = 4  // Đang xử lý
	StatusSupplement Status = 5  // Yêu cầu bổ sung giấy tờ
	StatusFinancial  Status = 6  // Yêu cầu thực hiện nghĩa vụ tài chính
	StatusWithdrawn  Status = 7  // Công dân yêu cầu rút hồ sơ
	StatusStopped    Status = 8  // Dừng xử lý
	StatusResolved   Status = 9  // Đã xử lý xong
	StatusReturned   Status = 10 // Đã trả kết quả
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
func StatusName(status Status) string {
	if status < 1 || int(status) >= len(statusNames) {
		return ""
	}
	return statusNames[status]
}

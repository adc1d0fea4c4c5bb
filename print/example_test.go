package print

import (
	"time"
)

// sample is a realistic dossier used by the tests and the golden picture.
func sample() Receipt {
	recv := time.Date(2026, 1, 26, 8, 15, 0, 0, vietnam)
	return Receipt{
		Header:    Header{ParentName: "UBND phường Hoài Đức", Unit: "Trung tâm Phục vụ hành chính công phường Hoài Đức", Place: "Hoài Đức"},
		Code:      "HD001-260126-0001",
		Applicant: "Nguyễn Thị Hồng Nhung",
		IDNo:      "001190012345",
		Address:   "Số 12, ngõ 45, đường Lý Thường Kiệt, tổ dân phố Ngãi Cầu, phường Hoài Đức, thành phố Hà Nội",
		Phone:     "0912 345 678",
		Email:     "hongnhung.nguyen@gmail.com",
		Procedure: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
		Documents: []Document{
			{Name: "Bản chính giấy tờ cần chứng thực", Kind: "Bản chính", Count: 1},
			{Name: "Bản sao giấy tờ cần chứng thực", Kind: "Bản sao", Count: 3},
			{Name: "Căn cước công dân của người yêu cầu", Kind: "Bản chính", Count: 1},
		},
		Sets:            1,
		Days:            3,
		ReceivedAt:      recv,
		DueAt:           time.Date(2026, 1, 29, 8, 15, 0, 0, vietnam),
		ResultAtCounter: true,
		BookVolume:      "01/2026",
		BookNo:          17,
		Receiver:        "Trần Văn Bình",
		Fee:             6000,
	}
}

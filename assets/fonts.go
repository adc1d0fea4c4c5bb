package assets

import _ "embed"

// Latin + Vietnamese subsets of Noto Sans (see fonts/README.md, licence fonts/OFL.txt).
// Kept small because gofpdf parses each UTF-8 font again for every PDF it makes.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	NotoSansItalic []byte
)

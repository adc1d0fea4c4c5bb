package assets

import _ "embed"

// The printed forms' serif: Latin + Vietnamese subsets of Liberation Serif (metric-compatible
// with Times New Roman, the face Decree 30/2020 sets administrative papers in), renamed
// "MotCua Serif" as the OFL asks of a modified font whose name is reserved (see
// fonts/README.md, licence fonts/OFL.txt). Kept small: every slip embeds them.
var (
	//go:embed fonts/MotCuaSerif-Regular.ttf
	SerifRegular []byte
	//go:embed fonts/MotCuaSerif-Bold.ttf
	SerifBold []byte
	//go:embed fonts/MotCuaSerif-Italic.ttf
	SerifItalic []byte
)

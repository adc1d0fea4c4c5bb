package assets

import _ "embed"

// Icon is the application icon (PNG, 256×256): the window, the desktop entry and FyneApp.toml use it.
//
//go:embed icon.png
var Icon []byte

package assets

import _ "embed"

// FormsVI holds every label, title and form number the printed forms use, keyed
// (a flat JSON object of strings). Kept as data so that a ward can follow its
// province when a newer circular renames or renumbers a form.
//
//go:embed forms/vi.json
var FormsVI []byte

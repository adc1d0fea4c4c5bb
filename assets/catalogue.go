package assets

import _ "embed"

// CatalogueJSON is the default catalogue of common ward procedures (fields, processing days, fees,
// required documents), loaded by the demo data and offered on first start. Its shape:
//
//	{"fields": [{"code": "HT", "name": "Hộ tịch"}, ...],
//	 "procedures": [{"code": "HT01", "name": "...", "field": "HT", "days": 0,
//	                 "fee": {"kind": "none"|"fixed"|"per_page", ...},
//	                 "documents": [{"name": "...", "kind": "Bản chính", "count": 1}, ...],
//	                 "legal_basis": "..."}, ...]}
//
//go:embed catalogue/procedures.json
var CatalogueJSON []byte

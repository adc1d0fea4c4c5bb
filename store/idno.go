package store

// CheckIDNo validates and normalises a personal identifier (CCCD number) by the same rule as the
// intake, so that a number read from a card's QR code is held to exactly what a typed one is.
func CheckIDNo(s string) (string, error) { return idNo(s) }

package store

import "golang.org/x/crypto/bcrypt"

// Hashing at the real cost would make every test that sets a secret slow; the demo's
// precomputed hashes keep the real cost.
func init() { hashCost = bcrypt.MinCost }

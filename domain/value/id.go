package value

import (
	"crypto/rand"
	"encoding/binary"
	"strings"
	"time"
)

const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

// NewID returns a new identifier: 10 characters of the creation time in
// milliseconds followed by 16 random characters, in Crockford base32, so that
// IDs sort by creation time and never collide in practice.
func NewID(now time.Time) string {
	var b strings.Builder
	b.Grow(26)
	ms := uint64(now.UnixMilli())
	for i := 9; i >= 0; i-- {
		b.WriteByte(crockford[(ms>>(uint(i)*5))&31])
	}
	var r [10]byte
	_, _ = rand.Read(r[:]) // crypto/rand.Read never fails on supported platforms
	hi, lo := binary.BigEndian.Uint64(r[:8]), uint64(binary.BigEndian.Uint16(r[8:]))
	for i := 0; i < 12; i++ {
		b.WriteByte(crockford[(hi>>(uint(i)*5))&31])
	}
	for i := 0; i < 4; i++ {
		b.WriteByte(crockford[(lo>>(uint(i)*4))&31])
	}
	return b.String()
}

package value_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/innoport/innoport/domain/value"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Khởi nghiệp Hải Phòng": "khoi nghiep hai phong",
		"ĐÀ NẴNG":               "da nang",
		"Thủy Nguyên":           "thuy nguyen",
		"Thuỷ Nguyên":           "thuy nguyen", // old-style tone placement
		"Khởi nghiệp":           "khoi nghiep", // decomposed (NFD) input
		"Cảng biển & logistics": "cang bien & logistics",
	} {
		assert.Equal(t, want, value.Fold(in), in)
	}
}

// Package value holds the validated value types shared by the domain: tax
// codes, VND money, sectors, stages, wards, civil dates, contact details and IDs.
// Each is built by a constructor that rejects invalid input, so an invalid value
// cannot exist past the boundary.
package value

import (
	"strings"

	"github.com/innoport/innoport/domain/errs"
)

// TaxCode is a Vietnamese enterprise tax code (mã số thuế): ten digits with a
// check digit, or thirteen for a branch, written "0123456789-001".
type TaxCode struct{ s string }

var taxWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// NewTaxCode parses and validates a tax code. It accepts "0100233488",
// "0100233488-001" and the unseparated "0100233488001"; surrounding spaces are
// ignored. The canonical form uses the hyphen.
func NewTaxCode(s string) (TaxCode, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return TaxCode{}, errs.New(errs.Invalid, errs.CodeRequired, nil,
			"Mã số thuế là bắt buộc.", "The tax code is required.")
	}
	base, suffix := s, ""
	switch {
	case len(s) == 14 && s[10] == '-':
		base, suffix = s[:10], s[11:]
	case len(s) == 13:
		base, suffix = s[:10], s[10:]
	case len(s) != 10:
		return TaxCode{}, invalidTaxCode("phải gồm 10 chữ số, hoặc 13 chữ số dạng 0123456789-001 với chi nhánh",
			"must have 10 digits, or 13 written 0123456789-001 for a branch")
	}
	if !allDigits(base) || !allDigits(suffix) {
		return TaxCode{}, invalidTaxCode("chỉ được chứa chữ số", "may contain digits only")
	}
	if base[2:9] == "0000000" {
		return TaxCode{}, invalidTaxCode("số thứ tự (chữ số 3–9) không được toàn số 0", "digits 3 to 9 cannot all be zero")
	}
	if suffix == "000" {
		return TaxCode{}, invalidTaxCode("mã chi nhánh không được là 000", "the branch suffix cannot be 000")
	}
	check, ok := TaxCheckDigit(base[:9])
	if !ok || byte('0'+check) != base[9] {
		return TaxCode{}, invalidTaxCode("chữ số kiểm tra không đúng", "the check digit is wrong")
	}
	if suffix != "" {
		return TaxCode{s: base + "-" + suffix}, nil
	}
	return TaxCode{s: base}, nil
}

// TaxCheckDigit computes the check digit for the first nine digits of a tax
// code; ok is false when no digit makes the code valid.
func TaxCheckDigit(nine string) (digit int, ok bool) {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(nine[i]-'0') * taxWeights[i]
	}
	d := 10 - sum%11 // remainder 0 gives 10, which no digit can hold
	if d == 10 {
		return 0, false
	}
	return d, true
}

// String returns the canonical form.
func (t TaxCode) String() string { return t.s }

func invalidTaxCode(vi, en string) *errs.Error {
	return errs.New(errs.Invalid, errs.CodeInvalidTaxCode, nil,
		"Mã số thuế không hợp lệ: "+vi+".", "Invalid tax code: "+en+".")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

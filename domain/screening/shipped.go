package screening

import (
	"time"

	"github.com/innoport/innoport/domain/value"
)

// InnovativeStartupSME is Decree 80/2021/ND-CP Art. 20 (with SME Support Law
// Art. 17) for an innovative startup SME, its grounds proven by the evidence
// of Circular 06/2022/TT-BKHĐT Art. 14 within their windows.
func InnovativeStartupSME() SetSpec {
	return SetSpec{
		Key:           "innovative_startup_sme",
		TitleVI:       "Doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo",
		TitleEN:       "Innovative startup SME",
		LegalBasis:    "Nghị định 80/2021/NĐ-CP Điều 20; Luật Hỗ trợ DNNVV Điều 17; Thông tư 06/2022/TT-BKHĐT Điều 14",
		EffectiveFrom: value.Date{Year: 2021, Month: time.October, Day: 15},
		Criteria: []Criterion{
			{Key: "within_5_years", Expression: "firm.firstRegisteredOn >= asOf.addYears(-5)",
				PassVI: "Thành lập không quá 5 năm kể từ lần cấp đăng ký doanh nghiệp đầu tiên.",
				PassEN: "At most 5 years since the first business registration.",
				FailVI: "Đã quá 5 năm kể từ lần cấp đăng ký doanh nghiệp đầu tiên.",
				FailEN: "More than 5 years since the first business registration.",
				Needs:  []DataKey{DataFirstRegisteredOn}},
			{Key: "no_public_offering", Expression: "firm.legalForm != 'JOINT_STOCK' || !firm.publicOffering",
				PassVI: "Chưa chào bán chứng khoán ra công chúng (nếu là công ty cổ phần).",
				PassEN: "No public offering of securities (if a joint-stock company).",
				FailVI: "Công ty cổ phần đã chào bán chứng khoán ra công chúng.",
				FailEN: "A joint-stock company that offered securities to the public.",
				Needs:  []DataKey{DataLegalForm}},
			{Key: "award_within_5_years", Group: "grounds",
				Expression: "firm.awards.exists(a, a.awardedOn <= asOf && a.awardedOn >= asOf.addYears(-5))",
				PassVI:     "Có giải thưởng khởi nghiệp, đổi mới sáng tạo hoặc KH&CN quốc gia/quốc tế trong 5 năm gần đây.",
				PassEN:     "A national or international startup, innovation or S&T award within the last 5 years.",
				FailVI:     "Không có giải thưởng quốc gia/quốc tế trong 5 năm gần đây.",
				FailEN:     "No national or international award within the last 5 years.",
				Needs:      []DataKey{DataAwards}},
			{Key: "valid_title_or_certificate", Group: "grounds",
				Expression: "firm.ipAssets.exists(a, a.kind in ['INVENTION_PATENT', 'UTILITY_SOLUTION'] && " +
					"a.grantedOn <= asOf && (!a.hasExpiry || a.expiresOn >= asOf)) || " +
					"firm.certificates.exists(c, c.issuedOn <= asOf && (!c.hasExpiry || c.expiresOn >= asOf))",
				PassVI: "Có văn bằng bảo hộ sáng chế/giải pháp hữu ích hoặc giấy chứng nhận doanh nghiệp KH&CN/công nghệ cao còn hiệu lực.",
				PassEN: "A valid patent or utility-solution title, or S&T or high-tech enterprise certificate.",
				FailVI: "Không có văn bằng bảo hộ hoặc giấy chứng nhận còn hiệu lực.",
				FailEN: "No valid protection title or certificate.",
				Needs:  []DataKey{DataIPAssets, DataCertificates}},
			{Key: "fund_investment", Group: "grounds",
				Expression: "firm.investments.exists(i, !i.commitment && i.amountVnd >= 1000000000 && " +
					"i.on <= asOf && i.on >= asOf.addYears(-5)) || " +
					"firm.investments.exists(i, i.commitment && i.amountVnd >= 500000000 && " +
					"i.on <= asOf && i.on >= asOf.addYears(-1))",
				PassVI: "Được quỹ đầu tư khởi nghiệp đầu tư từ 1 tỷ đồng trong 5 năm, hoặc cam kết bằng văn bản từ 500 triệu đồng trong 1 năm.",
				PassEN: "At least 1 billion VND invested by a startup fund within 5 years, or at least 500 million VND committed in writing within 1 year.",
				FailVI: "Không có khoản đầu tư hoặc cam kết đầu tư đủ điều kiện.",
				FailEN: "No qualifying fund investment or commitment.",
				Needs:  []DataKey{DataInvestments}},
			{Key: "support_confirmation", Group: "grounds",
				Expression: "firm.confirmations.exists(c, c.issuedOn <= asOf && c.issuedOn >= asOf.addMonths(-6))",
				PassVI:     "Có xác nhận hỗ trợ của cơ sở ươm tạo, khu làm việc chung hoặc tổ chức thúc đẩy trong 6 tháng gần đây.",
				PassEN:     "A support confirmation from an incubator, co-working space or accelerator within the last 6 months.",
				FailVI:     "Không có xác nhận hỗ trợ trong 6 tháng gần đây.",
				FailEN:     "No support confirmation within the last 6 months.",
				Needs:      []DataKey{DataConfirmations}},
		},
	}
}

// STEnterprise is Decree 13/2019/ND-CP Art. 6 for a science and technology
// enterprise: a recognised S&T result, and at least 30 % of the last year's
// revenue from S&T products, waived in the first five years.
func STEnterprise() SetSpec {
	return SetSpec{
		Key:           "st_enterprise",
		TitleVI:       "Doanh nghiệp khoa học và công nghệ",
		TitleEN:       "Science and technology enterprise",
		LegalBasis:    "Nghị định 13/2019/NĐ-CP Điều 6",
		EffectiveFrom: value.Date{Year: 2019, Month: time.March, Day: 20},
		Criteria: []Criterion{
			{Key: "recognised_st_result",
				Expression: "firm.ipAssets.exists(a, a.grantedOn <= asOf && (!a.hasExpiry || a.expiresOn >= asOf)) || " +
					"firm.awards.exists(a, a.awardedOn <= asOf)",
				PassVI: "Có kết quả KH&CN được công nhận (văn bằng bảo hộ, quyền tác giả phần mềm, giống cây trồng, tiến bộ kỹ thuật hoặc đạt giải).",
				PassEN: "A recognised S&T result (protection title, software copyright, plant variety, technical advance or award).",
				FailVI: "Chưa có kết quả KH&CN được công nhận còn hiệu lực.",
				FailEN: "No recognised S&T result in force.",
				Needs:  []DataKey{DataIPAssets, DataAwards}},
			{Key: "st_revenue_share",
				Expression: "firm.firstRegisteredOn >= asOf.addYears(-5) || firm.revenue.exists(r, " +
					"r.year == asOf.year() - 1 && r.stAmountVnd * 10 >= r.amountVnd * 3)",
				PassVI: "Doanh thu từ sản phẩm KH&CN đạt từ 30% năm trước, hoặc còn trong 5 năm đầu được miễn.",
				PassEN: "S&T products made at least 30% of last year's revenue, or within the first 5 years when this is waived.",
				FailVI: "Doanh thu từ sản phẩm KH&CN năm trước dưới 30% tổng doanh thu.",
				FailEN: "S&T products made under 30% of last year's revenue.",
				Needs:  []DataKey{DataRevenue}},
		},
	}
}

package incentive

import (
	"time"

	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// The conditions the shipped incentives share. docs/incentives.md gives
// the texts they come from.
var (
	// validCertificate holds when the firm has a certificate of the kind,
	// issued and not expired.
	validCertificate = func(kind string) string {
		return "firm.certificates.exists(c, c.kind == '" + kind + "' && c.issuedOn <= asOf && (!c.hasExpiry || c.expiresOn >= asOf))"
	}
	stCertificate = Condition{Criterion: screening.Criterion{Key: "st_certificate",
		Expression: validCertificate("ST_ENTERPRISE"),
		PassVI:     "Có Giấy chứng nhận doanh nghiệp khoa học và công nghệ còn hiệu lực.",
		PassEN:     "Holds a valid science and technology enterprise certificate.",
		FailVI:     "Chưa có Giấy chứng nhận doanh nghiệp khoa học và công nghệ còn hiệu lực.",
		FailEN:     "Holds no valid science and technology enterprise certificate.",
		Needs:      []screening.DataKey{screening.DataCertificates}},
		UnlockVI: "Giấy chứng nhận doanh nghiệp khoa học và công nghệ (Nghị định 13/2019/NĐ-CP) sẽ giúp doanh nghiệp đủ điều kiện; kết quả sàng lọc “Doanh nghiệp KH&CN” cho biết doanh nghiệp đã có thể xin cấp hay chưa.",
		UnlockEN: "A science and technology enterprise certificate (Decree 13/2019/ND-CP) would qualify you; your “S&T enterprise” screening says whether you can already apply for one."}
	highTechCertificate = Condition{Criterion: screening.Criterion{Key: "high_tech_certificate",
		Expression: validCertificate("HIGH_TECH"),
		PassVI:     "Có Giấy chứng nhận doanh nghiệp công nghệ cao còn hiệu lực.",
		PassEN:     "Holds a valid high-technology enterprise certificate.",
		FailVI:     "Chưa có Giấy chứng nhận doanh nghiệp công nghệ cao còn hiệu lực.",
		FailEN:     "Holds no valid high-technology enterprise certificate.",
		Needs:      []screening.DataKey{screening.DataCertificates}},
		UnlockVI: "Giấy chứng nhận doanh nghiệp công nghệ cao (Luật Công nghệ cao, Bộ Khoa học và Công nghệ cấp) sẽ giúp doanh nghiệp đủ điều kiện.",
		UnlockEN: "A high-technology enterprise certificate (Law on High Technology, issued by the Ministry of Science and Technology) would qualify you."}
	innovativeSME = Condition{Criterion: screening.Criterion{Key: "innovative_startup_sme",
		Expression: "'innovative_startup_sme' in screening && screening.innovative_startup_sme == 'ELIGIBLE'",
		PassVI:     "Đủ tiêu chí doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo (Nghị định 80/2021/NĐ-CP Điều 20).",
		PassEN:     "Meets the innovative startup SME criteria (Decree 80/2021/ND-CP Art. 20).",
		FailVI:     "Chưa đủ tiêu chí doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo (xem kết quả sàng lọc).",
		FailEN:     "Does not yet meet the innovative startup SME criteria (see the screening result)."},
		UnlockVI: "Hoàn thiện minh chứng theo bộ tiêu chí “Doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo” (ví dụ xác nhận hỗ trợ của cơ sở ươm tạo trong 6 tháng gần đây) sẽ giúp doanh nghiệp đủ điều kiện.",
		UnlockEN: "Completing your evidence for the “Innovative startup SME” criteria (e.g. an incubator's support confirmation from the last 6 months) would qualify you."}
	// smeSize reads the widest bounds of a medium-sized enterprise in
	// Decree 80/2021 Art. 5: at most 200 employees and 300 billion đồng of
	// revenue in the last year (the bounds per sector are narrower).
	smeSize = Condition{Criterion: screening.Criterion{Key: "sme_size",
		Expression: "firm.teamSize <= 200 && !firm.revenue.exists(r, r.year == asOf.year() - 1 && r.amountVnd > 300000000000)",
		PassVI:     "Quy mô doanh nghiệp nhỏ và vừa: không quá 200 lao động, doanh thu năm trước không quá 300 tỷ đồng.",
		PassEN:     "SME size: at most 200 employees and 300 billion VND of revenue last year.",
		FailVI:     "Vượt quy mô doanh nghiệp nhỏ và vừa (Nghị định 80/2021/NĐ-CP Điều 5).",
		FailEN:     "Larger than an SME (Decree 80/2021/ND-CP Art. 5)."}}
)

func date(y int, m time.Month, d int) value.Date { return value.Date{Year: y, Month: m, Day: d} }

// Shipped is the catalogue every deployment starts with: the incentives
// whose conditions are written in law, each citing its article, and two
// city programmes marked as examples. docs/incentives.md lists the texts.
func Shipped() []Spec {
	return []Spec{
		{Key: "st_enterprise_cit", Conditions: []Condition{stCertificate},
			TitleVI:    "Miễn, giảm thuế thu nhập doanh nghiệp cho doanh nghiệp khoa học và công nghệ",
			TitleEN:    "Corporate income tax exemption and reduction for S&T enterprises",
			SummaryVI:  "Doanh nghiệp KH&CN được miễn, giảm thuế TNDN như doanh nghiệp thực hiện dự án đầu tư mới thuộc lĩnh vực ưu đãi: miễn thuế 4 năm, giảm 50% số thuế phải nộp trong 9 năm tiếp theo.",
			SummaryEN:  "An S&T enterprise is exempted from and reduced corporate income tax as a new investment project in an incentivised field: 4 years exempt, then 50% off for the next 9 years.",
			LegalBasis: "Nghị định 13/2019/NĐ-CP; Luật Thuế TNDN 2008 (sửa đổi 2013); Nghị định 218/2013/NĐ-CP",
			Article:    "NĐ 13/2019 Điều 12; NĐ 218/2013 Điều 16",
			Benefit: Benefit{Kind: TaxExemption, RatePercent: 100, DurationMonths: 48,
				TermsVI: "Miễn 4 năm kể từ khi được cấp giấy chứng nhận, sau đó giảm 50% trong 9 năm tiếp theo.",
				TermsEN: "Exempt for 4 years from certification, then 50% off for the next 9 years."},
			Authority: "Cơ quan thuế quản lý doanh nghiệp (Thuế thành phố Hải Phòng)", AuthorityEN: "The firm's tax office (Hai Phong city tax)",
			HowToApplyVI:  "Doanh nghiệp tự xác định và kê khai ưu đãi trong tờ khai quyết toán thuế TNDN, kèm Giấy chứng nhận doanh nghiệp KH&CN.",
			HowToApplyEN:  "Declared by the firm in its annual corporate income tax return, with its S&T enterprise certificate.",
			EffectiveFrom: date(2019, time.March, 20)},
		{Key: "st_enterprise_land", Conditions: []Condition{stCertificate},
			TitleVI:    "Miễn, giảm tiền thuê đất cho doanh nghiệp khoa học và công nghệ",
			TitleEN:    "Land rent exemption and reduction for S&T enterprises",
			SummaryVI:  "Doanh nghiệp KH&CN được miễn, giảm tiền thuê đất, thuê mặt nước như dự án đầu tư thuộc lĩnh vực đặc biệt ưu đãi đầu tư.",
			SummaryEN:  "An S&T enterprise is exempted from or reduced land and water-surface rent as an investment project in a specially incentivised field.",
			LegalBasis: "Nghị định 13/2019/NĐ-CP; pháp luật về đất đai",
			Article:    "NĐ 13/2019 Điều 13",
			Benefit: Benefit{Kind: LandRent, RatePercent: 100,
				TermsVI: "Mức và thời hạn miễn, giảm theo pháp luật về đất đai và địa bàn dự án.",
				TermsEN: "The rate and duration follow the land law and where the project is."},
			Authority: "UBND thành phố Hải Phòng (cơ quan quản lý đất đai)", AuthorityEN: "Hai Phong People's Committee (its land authority)",
			HowToApplyVI:  "Nộp hồ sơ đề nghị miễn, giảm tiền thuê đất kèm Giấy chứng nhận doanh nghiệp KH&CN tại cơ quan quản lý đất đai của thành phố.",
			HowToApplyEN:  "File a land-rent exemption request with the S&T enterprise certificate at the city's land authority.",
			EffectiveFrom: date(2019, time.March, 20)},
		{Key: "high_tech_cit", Conditions: []Condition{highTechCertificate},
			TitleVI:    "Ưu đãi thuế thu nhập doanh nghiệp cho doanh nghiệp công nghệ cao",
			TitleEN:    "Corporate income tax incentives for high-technology enterprises",
			SummaryVI:  "Doanh nghiệp công nghệ cao được áp dụng thuế suất 10% trong 15 năm, miễn thuế 4 năm và giảm 50% trong 9 năm tiếp theo.",
			SummaryEN:  "A high-technology enterprise pays a 10% rate for 15 years, is exempt for 4 years and pays 50% for the next 9 years.",
			LegalBasis: "Luật Công nghệ cao 2008; Luật Thuế TNDN 2008 (sửa đổi 2013); Nghị định 218/2013/NĐ-CP",
			Article:    "Luật CNC Điều 18; Luật Thuế TNDN Điều 13, 14; NĐ 218/2013 Điều 15, 16",
			Benefit: Benefit{Kind: TaxExemption, RatePercent: 100, DurationMonths: 48,
				TermsVI: "Thuế suất 10% trong 15 năm; miễn 4 năm, giảm 50% trong 9 năm tiếp theo.",
				TermsEN: "A 10% rate for 15 years; exempt for 4 years, then 50% off for 9 years."},
			Authority: "Cơ quan thuế quản lý doanh nghiệp (Thuế thành phố Hải Phòng)", AuthorityEN: "The firm's tax office (Hai Phong city tax)",
			HowToApplyVI:  "Doanh nghiệp tự kê khai ưu đãi trong quyết toán thuế TNDN, kèm Giấy chứng nhận doanh nghiệp công nghệ cao.",
			HowToApplyEN:  "Declared by the firm in its annual corporate income tax return, with its high-technology enterprise certificate.",
			EffectiveFrom: date(2014, time.January, 1)},
		{Key: "innovative_sme_infrastructure", Conditions: []Condition{innovativeSME, smeSize},
			TitleVI:    "Hỗ trợ sử dụng cơ sở kỹ thuật, cơ sở ươm tạo, khu làm việc chung",
			TitleEN:    "Support for using technical facilities, incubators and co-working spaces",
			SummaryVI:  "Doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo được hỗ trợ tối đa 50% giá trị hợp đồng sử dụng cơ sở kỹ thuật, cơ sở ươm tạo, khu làm việc chung, không quá 5 triệu đồng/tháng, tối đa 3 năm.",
			SummaryEN:  "An innovative startup SME gets up to 50% of its contract for technical facilities, incubators or co-working spaces, at most 5 million VND a month, for up to 3 years.",
			LegalBasis: "Luật Hỗ trợ doanh nghiệp nhỏ và vừa 2017; Nghị định 80/2021/NĐ-CP",
			Article:    "Luật Hỗ trợ DNNVV Điều 17; NĐ 80/2021 Điều 22",
			Benefit:    Benefit{Kind: Infrastructure, RatePercent: 50, CapVnd: 5_000_000, CapPeriod: PerMon, DurationMonths: 36},
			Authority:  "Sở Khoa học và Công nghệ thành phố Hải Phòng", AuthorityEN: "Hai Phong Department of Science and Technology",
			HowToApplyVI:  "Nộp hồ sơ đề xuất hỗ trợ theo mẫu của Nghị định 80/2021 kèm hợp đồng sử dụng dịch vụ và minh chứng khởi nghiệp sáng tạo.",
			HowToApplyEN:  "File a support request on Decree 80/2021's form with the service contract and the innovative-startup evidence.",
			EffectiveFrom: date(2021, time.October, 15)},
		{Key: "innovative_sme_consulting", Conditions: []Condition{innovativeSME, smeSize},
			TitleVI:    "Hỗ trợ tư vấn sở hữu trí tuệ, tiêu chuẩn, thử nghiệm và hoàn thiện sản phẩm",
			TitleEN:    "Support for intellectual-property, standards, testing and product consulting",
			SummaryVI:  "Doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo được hỗ trợ tối đa 100% giá trị hợp đồng tư vấn, không quá 100 triệu đồng/năm.",
			SummaryEN:  "An innovative startup SME gets up to 100% of a consulting contract, at most 100 million VND a year.",
			LegalBasis: "Luật Hỗ trợ doanh nghiệp nhỏ và vừa 2017; Nghị định 80/2021/NĐ-CP",
			Article:    "Luật Hỗ trợ DNNVV Điều 17; NĐ 80/2021 Điều 23",
			Benefit:    Benefit{Kind: Consulting, RatePercent: 100, CapVnd: 100_000_000, CapPeriod: PerYear},
			Authority:  "Sở Khoa học và Công nghệ thành phố Hải Phòng", AuthorityEN: "Hai Phong Department of Science and Technology",
			HowToApplyVI:  "Nộp hồ sơ đề xuất hỗ trợ kèm hợp đồng tư vấn với tổ chức, cá nhân tư vấn trong mạng lưới tư vấn viên.",
			HowToApplyEN:  "File a support request with the consulting contract, made with a consultant of the consultants' network.",
			EffectiveFrom: date(2021, time.October, 15)},
		{Key: "hp_incubation_grant", Example: true,
			Conditions: []Condition{innovativeSME, {Criterion: screening.Criterion{Key: "incubated_young",
				Expression: "firm.incubated && firm.foundedOn >= asOf.addYears(-3)",
				PassVI:     "Đang được ươm tạo tại một cơ sở ươm tạo của thành phố và thành lập không quá 3 năm.",
				PassEN:     "Incubated at one of the city's incubators, and at most 3 years old.",
				FailVI:     "Không được ươm tạo, hoặc đã thành lập quá 3 năm.",
				FailEN:     "Not incubated, or more than 3 years old."},
				UnlockVI: "Tham gia một cơ sở ươm tạo của thành phố (ví dụ các trung tâm hỗ trợ khởi nghiệp của 3 trường đại học) sẽ giúp doanh nghiệp đủ điều kiện.",
				UnlockEN: "Joining one of the city's incubators (e.g. the three universities' startup support centres) would qualify you."}},
			TitleVI:    "Ví dụ: tài trợ ươm tạo của chương trình hỗ trợ khởi nghiệp thành phố",
			TitleEN:    "Example: the city startup programme's incubation grant",
			SummaryVI:  "Ví dụ minh hoạ một chương trình của thành phố: tài trợ một lần đến 200 triệu đồng cho doanh nghiệp khởi nghiệp sáng tạo đang được ươm tạo. Điều khoản chính xác do chương trình năm ban hành.",
			SummaryEN:  "An illustrative city programme: a one-off grant of up to 200 million VND for incubated innovative startups. The exact terms are set by each year's programme.",
			LegalBasis: "Ví dụ minh hoạ — không phải văn bản pháp luật; điều khoản theo kế hoạch hỗ trợ khởi nghiệp hằng năm của thành phố",
			Article:    "—",
			Benefit:    Benefit{Kind: Grant, CapVnd: 200_000_000, CapPeriod: Once},
			Authority:  "Sở Khoa học và Công nghệ thành phố Hải Phòng", AuthorityEN: "Hai Phong Department of Science and Technology",
			HowToApplyVI:  "Cơ sở ươm tạo đề xuất doanh nghiệp trong đợt xét chọn hằng năm.",
			HowToApplyEN:  "The incubator nominates the firm in the yearly selection round.",
			EffectiveFrom: date(2026, time.January, 1), EffectiveTo: date(2030, time.December, 31)},
		{Key: "hp_port_digital_voucher", Example: true,
			Conditions: []Condition{{Criterion: screening.Criterion{Key: "priority_sector",
				Expression: "firm.sectors.exists(s, s in ['PORT_LOGISTICS', 'MARINE_SCIENCE_TECH', 'SMART_CITY', 'DIGITAL_TRANSFORMATION'])",
				PassVI:     "Hoạt động trong lĩnh vực ưu tiên của thành phố (logistics cảng biển, kinh tế biển, đô thị thông minh, chuyển đổi số).",
				PassEN:     "Works in a city priority sector (port logistics, marine technology, smart city, digital transformation).",
				FailVI:     "Không hoạt động trong lĩnh vực ưu tiên của chương trình.",
				FailEN:     "Works in none of the programme's priority sectors."}}, smeSize},
			TitleVI:    "Ví dụ: phiếu hỗ trợ chuyển đổi số cho doanh nghiệp cảng biển, logistics",
			TitleEN:    "Example: a digital-transformation voucher for port and logistics firms",
			SummaryVI:  "Ví dụ minh hoạ một chương trình của thành phố: hỗ trợ 50% chi phí tư vấn chuyển đổi số, đến 50 triệu đồng, cho doanh nghiệp nhỏ và vừa trong các lĩnh vực ưu tiên.",
			SummaryEN:  "An illustrative city programme: 50% of digital-transformation consulting, up to 50 million VND, for SMEs in the priority sectors.",
			LegalBasis: "Ví dụ minh hoạ — không phải văn bản pháp luật; điều khoản theo chương trình chuyển đổi số của thành phố",
			Article:    "—",
			Benefit:    Benefit{Kind: Consulting, RatePercent: 50, CapVnd: 50_000_000, CapPeriod: Once},
			Authority:  "Sở Khoa học và Công nghệ thành phố Hải Phòng", AuthorityEN: "Hai Phong Department of Science and Technology",
			HowToApplyVI:  "Đăng ký trên cổng của chương trình khi có đợt mở.",
			HowToApplyEN:  "Register on the programme's portal when a round opens.",
			EffectiveFrom: date(2026, time.January, 1), EffectiveTo: date(2030, time.December, 31)},
	}
}

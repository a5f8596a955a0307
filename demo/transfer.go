package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// The research side of the city: its three universities' research and
// technology-transfer offices, a lab of one of them, and two institutes,
// with offers in the sectors the city prioritises.
var researchOrgs = []transfer.OrgDraft{
	{Name: "Trường Đại học Hàng hải Việt Nam — Phòng Khoa học Công nghệ", NameEN: "Vietnam Maritime University — Science and Technology Office",
		Kind: "UNIVERSITY", Website: "https://vimaru.edu.vn", Email: "khcn@vimaru.edu.vn", Phone: "0225 3735 931",
		Description: "Nghiên cứu hàng hải, tàu thủy, cảng biển, logistics và tự động hóa; chuyển giao cho doanh nghiệp cảng và vận tải biển."},
	{Name: "Trường Đại học Hải Phòng — Phòng Quản lý Khoa học", NameEN: "Hai Phong University — Research Office",
		Kind: "UNIVERSITY", Website: "https://dhhp.edu.vn", Email: "qlkh@dhhp.edu.vn",
		Description: "Nghiên cứu nông nghiệp, thủy sản, giáo dục và công nghệ thông tin phục vụ địa phương."},
	{Name: "Trường Đại học Y Dược Hải Phòng — Trung tâm Chuyển giao Công nghệ", NameEN: "Hai Phong University of Medicine and Pharmacy — Technology Transfer Centre",
		Kind: "UNIVERSITY", Website: "https://hpmu.edu.vn", Email: "cgcn@hpmu.edu.vn",
		Description: "Nghiên cứu y sinh, dược liệu biển, chẩn đoán và y tế số; hợp tác với bệnh viện và doanh nghiệp dược."},
	{Name: "Viện Tài nguyên và Môi trường biển", NameEN: "Institute of Marine Environment and Resources",
		Kind: "INSTITUTE", Website: "https://imer.vast.vn", Email: "vienmoitruongbien@imer.vast.vn",
		Description: "Điều tra, quan trắc môi trường biển, hệ sinh thái ven bờ, rừng ngập mặn và công nghệ xử lý môi trường."},
	{Name: "Viện Nghiên cứu Hải sản", NameEN: "Research Institute for Marine Fisheries",
		Kind: "INSTITUTE", Website: "https://rimf.org.vn", Email: "rimf@rimf.org.vn",
		Description: "Nguồn lợi hải sản, công nghệ khai thác, bảo quản và chế biến sản phẩm từ biển."},
	{Name: "Phòng thí nghiệm Điện tử và Tự động hóa Hàng hải", NameEN: "Marine Electronics and Automation Lab",
		Kind: "LAB", Email: "lab.tdh@vimaru.edu.vn",
		Description: "Điều khiển tàu, hệ thống điện tàu thủy, pin và sạc thông minh."},
}

// labParent is the university the lab belongs to (index in researchOrgs).
const labParent = 0

type offerSeed struct {
	org    int
	status transfer.OfferStatus
	draft  transfer.OfferDraft
}

var offerSeeds = []offerSeed{
	{0, transfer.Published, transfer.OfferDraft{Title: "Hệ thống định vị và tránh va cho tàu tự hành cỡ nhỏ",
		TitleEN:   "Positioning and collision avoidance for small autonomous vessels",
		Summary:   "Bộ điều khiển kết hợp GNSS, radar và camera, tự lập kế hoạch đường đi và tránh va theo quy tắc COLREG cho xuồng khảo sát, tàu lai dắt nhỏ trong luồng cảng.",
		SummaryEN: "A controller fusing GNSS, radar and cameras that plans routes and avoids collisions under COLREG for survey boats and small tugs in port channels.",
		Details:   "Kiến trúc phần mềm, bộ dữ liệu thử nghiệm 1.200 giờ trên luồng Lạch Huyện, sơ đồ phần cứng và kết quả đo sai số định vị dưới 0,5 m.",
		Sectors:   []string{"MARINE_SCIENCE_TECH", "ARTIFICIAL_INTELLIGENCE"}, TRL: 6, StateFunded: true,
		IP:          []transfer.IPRightDraft{{Kind: "UTILITY_SOLUTION", Number: "2-0003145", FiledOn: "2023-03-14", GrantedOn: "2025-02-20"}},
		Cooperation: []string{"LICENCE", "JOINT_RND"}, Terms: "Li-xăng không độc quyền, phí ban đầu và phí theo thiết bị.",
		Inventors: []string{"PGS.TS. Nguyễn Văn Thắng", "TS. Đỗ Minh Hải"}}},
	{0, transfer.Published, transfer.OfferDraft{Title: "Phần mềm tối ưu kế hoạch xếp dỡ container tại cảng",
		TitleEN:   "Container stowage and yard planning optimisation",
		Summary:   "Thuật toán tối ưu trình tự xếp dỡ, bố trí bãi container và điều phối cẩu bờ, giảm 12–18% thời gian tàu nằm cảng trong thử nghiệm tại cảng Hải Phòng.",
		SummaryEN: "Optimises loading sequences, yard layout and quay-crane dispatch; cut vessel time in port by 12–18% in trials at Hai Phong port.",
		Details:   "Mô hình quy hoạch nguyên hỗn hợp, giao diện API với hệ thống quản lý cảng (TOS), số liệu thử nghiệm 6 tháng.",
		Sectors:   []string{"PORT_LOGISTICS", "SOFTWARE_SAAS"}, TRL: 7,
		IP:          []transfer.IPRightDraft{{Kind: "SOFTWARE_COPYRIGHT", Number: "4512/2024/QTG", GrantedOn: "2024-07-02"}},
		Cooperation: []string{"LICENCE", "TECHNICAL_ASSISTANCE"}, Inventors: []string{"TS. Lê Thanh Phương"}}},
	{0, transfer.Published, transfer.OfferDraft{Title: "Sơn chống hà sinh học không chứa kim loại nặng cho vỏ tàu",
		TitleEN: "Heavy-metal-free biological antifouling coating for hulls",
		Summary: "Lớp phủ chống hà từ hoạt chất sinh học, thay thế sơn chứa đồng và thiếc, giảm bám bẩn vỏ tàu và tiết kiệm nhiên liệu.",
		Sectors: []string{"MARINE_SCIENCE_TECH", "ADVANCED_MANUFACTURING", "GREEN_INDUSTRY_ENERGY"}, TRL: 5,
		IP:          []transfer.IPRightDraft{{Kind: "INVENTION_PATENT", Pending: true, Number: "1-2024-01877", FiledOn: "2024-04-11"}},
		Cooperation: []string{"JOINT_RND", "SPIN_OFF"}, Inventors: []string{"TS. Phạm Thị Hồng"}}},
	{1, transfer.Published, transfer.OfferDraft{Title: "Chế phẩm vi sinh xử lý nước ao nuôi tôm",
		TitleEN:   "Probiotic treatment of shrimp pond water",
		Summary:   "Chế phẩm vi sinh bản địa phân hủy chất hữu cơ, giảm khí độc và vi khuẩn gây bệnh trong ao nuôi tôm nước lợ; đã áp dụng tại Tiên Lãng và Kiến Thụy.",
		SummaryEN: "Native probiotic strains that break down organic matter, toxic gases and pathogens in brackish shrimp ponds; used in Tien Lang and Kien Thuy.",
		Details:   "Thành phần chủng, quy trình nhân giống, liều dùng theo mật độ nuôi.",
		Sectors:   []string{"AGRITECH_FOOD", "BIOTECH"}, TRL: 7, StateFunded: true,
		IP:          []transfer.IPRightDraft{{Kind: "KNOW_HOW"}},
		Cooperation: []string{"LICENCE", "TECHNICAL_ASSISTANCE"}, Terms: "Chuyển giao quy trình và đào tạo kỹ thuật viên.",
		Inventors: []string{"TS. Vũ Thị Lan"}}},
	{1, transfer.Published, transfer.OfferDraft{Title: "Nền tảng học tập thích ứng cho trường phổ thông",
		TitleEN: "Adaptive learning platform for schools",
		Summary: "Hệ thống gợi ý bài tập theo năng lực từng học sinh bằng học máy, tích hợp ngân hàng câu hỏi chương trình giáo dục phổ thông 2018.",
		Sectors: []string{"EDTECH", "ARTIFICIAL_INTELLIGENCE"}, TRL: 6,
		IP:          []transfer.IPRightDraft{{Kind: "SOFTWARE_COPYRIGHT", Number: "2210/2025/QTG", GrantedOn: "2025-03-18"}},
		Cooperation: []string{"LICENCE"}, Inventors: []string{"ThS. Trần Đức Minh"}}},
	{2, transfer.Published, transfer.OfferDraft{Title: "Bộ kit xét nghiệm nhanh vi khuẩn Vibrio trong hải sản",
		TitleEN:   "Rapid Vibrio test kit for seafood",
		Summary:   "Xét nghiệm nhanh bằng que thử miễn dịch cho kết quả trong 20 phút, phát hiện Vibrio parahaemolyticus trong hải sản tươi và đông lạnh.",
		SummaryEN: "A lateral-flow test giving results in 20 minutes, detecting Vibrio parahaemolyticus in fresh and frozen seafood.",
		Details:   "Trình tự kháng thể, quy trình sản xuất que thử, độ nhạy 96% và độ đặc hiệu 98% trên 640 mẫu.",
		Sectors:   []string{"HEALTHTECH", "BIOTECH"}, TRL: 6, StateFunded: true,
		IP:          []transfer.IPRightDraft{{Kind: "INVENTION_PATENT", Number: "1-0041122", FiledOn: "2021-09-02", GrantedOn: "2024-05-16"}},
		Cooperation: []string{"LICENCE", "IP_SALE"}, Terms: "Li-xăng độc quyền theo lãnh thổ hoặc chuyển nhượng.",
		Inventors: []string{"PGS.TS. Nguyễn Thị Thu", "TS. Hoàng Văn Nam"}}},
	{2, transfer.Published, transfer.OfferDraft{Title: "Mô hình trí tuệ nhân tạo hỗ trợ đọc phim X-quang phổi",
		TitleEN: "AI model assisting chest X-ray reading",
		Summary: "Mô hình học sâu phát hiện tổn thương lao và viêm phổi trên phim X-quang, huấn luyện trên dữ liệu bệnh viện tuyến thành phố.",
		Sectors: []string{"HEALTHTECH", "ARTIFICIAL_INTELLIGENCE"}, TRL: 5,
		IP:          []transfer.IPRightDraft{{Kind: "KNOW_HOW"}},
		Cooperation: []string{"JOINT_RND"}, Inventors: []string{"TS. BS. Đặng Quang Huy"}}},
	{3, transfer.Published, transfer.OfferDraft{Title: "Công nghệ phục hồi rừng ngập mặn bằng giá thể sinh học",
		TitleEN: "Mangrove restoration on biological substrates",
		Summary: "Giá thể sinh học và quy trình trồng giúp cây ngập mặn sống trên bãi bồi bị xói lở, tỷ lệ sống trên 80% sau hai năm tại Đồ Sơn và Cát Hải.",
		Sectors: []string{"MARINE_SCIENCE_TECH", "GREEN_INDUSTRY_ENERGY"}, TRL: 7, StateFunded: true,
		IP:          []transfer.IPRightDraft{{Kind: "TECHNICAL_ADVANCE", Number: "TBKT-2023-17", GrantedOn: "2023-11-30"}},
		Cooperation: []string{"TECHNICAL_ASSISTANCE"}, Inventors: []string{"TS. Cao Văn Lương"}}},
	{3, transfer.Published, transfer.OfferDraft{Title: "Trạm cảm biến quan trắc chất lượng nước biển thời gian thực",
		TitleEN:   "Real-time seawater quality monitoring buoy",
		Summary:   "Phao cảm biến đo độ mặn, oxy hòa tan, pH, nhiệt độ và độ đục, truyền dữ liệu qua mạng di động về nền tảng cảnh báo ô nhiễm.",
		SummaryEN: "A sensor buoy measuring salinity, dissolved oxygen, pH, temperature and turbidity, sending data over mobile networks to a pollution-alert platform.",
		Sectors:   []string{"MARINE_SCIENCE_TECH", "IOT_HARDWARE", "SMART_CITY"}, TRL: 6,
		IP:          []transfer.IPRightDraft{{Kind: "UTILITY_SOLUTION", Number: "2-0002987", FiledOn: "2022-06-20", GrantedOn: "2024-10-08"}},
		Cooperation: []string{"LICENCE", "SPIN_OFF"}, Inventors: []string{"ThS. Nguyễn Đăng Ngải"}}},
	{4, transfer.Published, transfer.OfferDraft{Title: "Quy trình sản xuất collagen từ da cá biển",
		TitleEN: "Collagen production from marine fish skin",
		Summary: "Quy trình thủy phân enzyme thu collagen peptide từ da cá phụ phẩm chế biến, đạt tiêu chuẩn thực phẩm chức năng.",
		Details: "Thông số thủy phân, chủng enzyme, hiệu suất thu hồi 18%, chi phí sản xuất ước tính theo tấn nguyên liệu.",
		Sectors: []string{"BIOTECH", "AGRITECH_FOOD"}, TRL: 6,
		IP:          []transfer.IPRightDraft{{Kind: "INVENTION_PATENT", Pending: true, Number: "1-2025-00312", FiledOn: "2025-01-15"}},
		Cooperation: []string{"LICENCE", "IP_SALE"}, Inventors: []string{"TS. Nguyễn Khắc Bát"}}},
	{4, transfer.Published, transfer.OfferDraft{Title: "Thiết bị tiết kiệm nhiên liệu cho tàu cá vỏ gỗ",
		TitleEN: "Fuel saver for wooden fishing boats",
		Summary: "Bộ tối ưu vòng quay máy chính và chân vịt, giảm 10–15% nhiên liệu cho tàu cá khai thác xa bờ.",
		Sectors: []string{"MARINE_SCIENCE_TECH", "GREEN_INDUSTRY_ENERGY"}, TRL: 8,
		IP:          []transfer.IPRightDraft{{Kind: "UTILITY_SOLUTION", Number: "2-0002650", FiledOn: "2021-04-09", GrantedOn: "2023-01-12"}},
		Cooperation: []string{"LICENCE"}, Inventors: []string{"KS. Phan Văn Tùng"}}},
	{5, transfer.Drafted, transfer.OfferDraft{Title: "Bộ điều khiển sạc thông minh cho pin lưu trữ trên tàu",
		TitleEN: "Smart charge controller for shipboard batteries",
		Summary: "Quản lý sạc và cân bằng cell cho hệ pin lithium trên tàu điện và tàu lai, kéo dài tuổi thọ pin.",
		Sectors: []string{"GREEN_INDUSTRY_ENERGY", "IOT_HARDWARE"}, TRL: 5,
		Cooperation: []string{"JOINT_RND"}}},
}

type requestSeed struct {
	startup int // index in startups
	draft   transfer.RequestDraft
}

var requestSeeds = []requestSeed{
	{18, transfer.RequestDraft{Title: "Xử lý nước ao nuôi tôm giảm dịch bệnh",
		Problem: "Cần chế phẩm hoặc quy trình xử lý nước ao nuôi tôm nước lợ để giảm khí độc và vi khuẩn gây bệnh, áp dụng cho 40 ha ao nuôi.",
		Sectors: []string{"AGRITECH_FOOD", "MARINE_SCIENCE_TECH"}, TRL: 6, BudgetMin: 200_000_000, BudgetMax: 600_000_000}},
	{30, transfer.RequestDraft{Title: "Chiết xuất collagen đạt chuẩn thực phẩm",
		Problem: "Tìm quy trình thủy phân collagen từ da cá, vảy cá phụ phẩm với hiệu suất cao để sản xuất thực phẩm chức năng.",
		Sectors: []string{"BIOTECH"}, TRL: 6, BudgetMin: 500_000_000, BudgetMax: 2_000_000_000}},
	{31, transfer.RequestDraft{Title: "Cảm biến đo độ mặn và oxy hòa tan giá thấp",
		Problem: "Cần cảm biến chất lượng nước (độ mặn, oxy hòa tan) giá thấp, truyền dữ liệu thời gian thực cho trạm quan trắc ven biển.",
		Sectors: []string{"SMART_CITY", "IOT_HARDWARE"}, TRL: 5, BudgetMin: 100_000_000, BudgetMax: 400_000_000}},
	{3, transfer.RequestDraft{Title: "Tối ưu xếp dỡ và bố trí bãi container",
		Problem: "Doanh nghiệp cần thuật toán tối ưu kế hoạch xếp dỡ container và điều phối cẩu để giảm thời gian tàu chờ tại cảng.",
		Sectors: []string{"PORT_LOGISTICS"}, TRL: 7, BudgetMin: 300_000_000, BudgetMax: 1_500_000_000, Confidential: true}},
	{24, transfer.RequestDraft{Title: "Kiểm tra nhanh an toàn hải sản",
		Problem: "Cần phương pháp xét nghiệm nhanh vi khuẩn gây ngộ độc trong hải sản tươi sống tại kho trước khi giao cho khách.",
		Sectors: []string{"HEALTHTECH", "ECOMMERCE_RETAIL"}, TRL: 6, BudgetMin: 50_000_000, BudgetMax: 300_000_000}},
	{21, transfer.RequestDraft{Title: "Quản lý sạc pin cho đội xe đầu kéo điện",
		Problem: "Cần bộ điều khiển sạc và cân bằng pin lithium cho xe đầu kéo điện chạy trong cảng, kéo dài tuổi thọ pin.",
		Sectors: []string{"GREEN_INDUSTRY_ENERGY", "PORT_LOGISTICS"}, TRL: 6, BudgetMin: 400_000_000, BudgetMax: 1_200_000_000}},
}

// seedTransfer writes the research organisations, their offers and the
// firms' technology requests.
func seedTransfer(ctx context.Context, s Stores, now time.Time, startupIDs []string) (orgs, offers, requests int, err error) {
	orgIDs := make([]string, len(researchOrgs))
	for i, d := range researchOrgs {
		if d.Kind == "LAB" {
			d.ParentID = orgIDs[labParent]
		}
		p, err := transfer.NewOrgProfile(d)
		if err != nil {
			return orgs, offers, requests, fmt.Errorf("demo research organisation %q: %w", d.Name, err)
		}
		o := transfer.Org{Meta: record.New(now.Add(time.Duration(i) * time.Millisecond)), OrgProfile: p}
		if err := s.ResearchOrgs.Create(ctx, o); err != nil {
			return orgs, offers, requests, fmt.Errorf("seed research organisation %q: %w", d.Name, err)
		}
		orgIDs[i] = o.ID
		orgs++
	}
	offerIDs := make([]string, len(offerSeeds))
	for i, seed := range offerSeeds {
		p, err := transfer.NewOfferProfile(seed.draft)
		if err != nil {
			return orgs, offers, requests, fmt.Errorf("demo offer %q: %w", seed.draft.Title, err)
		}
		o := transfer.Offer{Meta: record.New(now.Add(time.Duration(i) * time.Millisecond)), OrgID: orgIDs[seed.org],
			OfferProfile: p, Status: seed.status}
		if seed.status == transfer.Published {
			o.PublishedAt = now
		}
		if err := s.TechOffers.Create(ctx, o); err != nil {
			return orgs, offers, requests, fmt.Errorf("seed offer %q: %w", seed.draft.Title, err)
		}
		offerIDs[i] = o.ID
		offers++
	}
	for i, seed := range requestSeeds {
		p, err := transfer.NewRequestProfile(seed.draft)
		if err != nil {
			return orgs, offers, requests, fmt.Errorf("demo request %q: %w", seed.draft.Title, err)
		}
		r := transfer.Request{Meta: record.New(now.Add(time.Duration(i) * time.Millisecond)), FirmID: startupIDs[seed.startup],
			RequestProfile: p, Status: transfer.RequestOpen}
		if err := s.TechRequests.Create(ctx, r); err != nil {
			return orgs, offers, requests, fmt.Errorf("seed request %q: %w", seed.draft.Title, err)
		}
		requests++
	}
	return orgs, offers, requests, conversations(ctx, s, now, offerIDs, orgIDs, startupIDs)
}

// conversations seeds two firms' ways with offers: DoSon Pharma negotiating
// the collagen process under an NDA (having read the details), and BachLong
// Aqua's licence of the shrimp-pond probiotic, a state-funded result agreed
// 35 days ago whose registration is still missing.
func conversations(ctx context.Context, s Stores, now time.Time, offerIDs, orgIDs, startupIDs []string) error {
	const founderDoSon, founderBachLong = "demo-founder-30", "demo-founder-18"
	day := 24 * time.Hour
	negotiating := transfer.Conversation{Meta: record.New(now.Add(-10 * day)), OfferID: offerIDs[9], OrgID: orgIDs[4],
		FirmID: startupIDs[30], Message: "Chúng tôi cần quy trình collagen cho dòng thực phẩm chức năng mới.", Stage: transfer.Negotiating,
		Accepted: true, NDA: &transfer.Signature{Version: transfer.NDAVersion, Subject: founderDoSon, Name: "Nhà sáng lập DoSon Pharma", At: now.Add(-8 * day)},
		History: []transfer.Step{
			{At: now.Add(-10 * day), By: founderDoSon, To: transfer.Interested, Note: "Chúng tôi cần quy trình collagen cho dòng thực phẩm chức năng mới."},
			{At: now.Add(-9 * day), By: "tto-5", From: transfer.Interested, To: transfer.Interested, Note: "Mời quý công ty ký NDA để xem thông số."},
			{At: now.Add(-8 * day), By: founderDoSon, From: transfer.Interested, To: transfer.NDASigned},
			{At: now.Add(-6 * day), By: "tto-5", From: transfer.NDASigned, To: transfer.Negotiating, Note: "Đề xuất li-xăng 3 năm."},
		}}
	negotiating.ID = transfer.ConversationID(offerIDs[9], startupIDs[30])
	signed := value.DateOf(now.Add(-35 * day))
	agreed := transfer.Conversation{Meta: record.New(now.Add(-60 * day)), OfferID: offerIDs[3], OrgID: orgIDs[1],
		FirmID: startupIDs[18], Stage: transfer.Agreed, Accepted: true,
		NDA: &transfer.Signature{Version: transfer.NDAVersion, Subject: founderBachLong, Name: "Nhà sáng lập BachLong Aqua", At: now.Add(-55 * day)},
		Agreement: &transfer.Agreement{Type: transfer.Licence, Value: 350_000_000, SignedOn: signed, StateCapital: true,
			RecordedBy: "tto-2", RecordedAt: now.Add(-35 * day)},
		History: []transfer.Step{
			{At: now.Add(-60 * day), By: founderBachLong, To: transfer.Interested},
			{At: now.Add(-58 * day), By: "tto-2", From: transfer.Interested, To: transfer.Interested},
			{At: now.Add(-55 * day), By: founderBachLong, From: transfer.Interested, To: transfer.NDASigned},
			{At: now.Add(-50 * day), By: "tto-2", From: transfer.NDASigned, To: transfer.Negotiating},
			{At: now.Add(-35 * day), By: "tto-2", From: transfer.Negotiating, To: transfer.Agreed},
		},
		Reminders: []value.Date{value.DateOf(now.Add(-4 * day))}}
	agreed.ID = transfer.ConversationID(offerIDs[3], startupIDs[18])
	for _, c := range []transfer.Conversation{negotiating, agreed} {
		if err := s.Conversations.Create(ctx, c); err != nil {
			return fmt.Errorf("seed conversation %s: %w", c.ID, err)
		}
	}
	err := s.DetailReads.Add(ctx, transfer.DetailRead{ID: value.NewID(now.Add(-7 * day)), OfferID: offerIDs[9],
		ConversationID: negotiating.ID, FirmID: startupIDs[30], Subject: founderDoSon, At: now.Add(-7 * day)})
	if err != nil {
		return fmt.Errorf("seed a read of offer details: %w", err)
	}
	return nil
}

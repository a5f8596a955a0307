package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/value"
)

func ward(name string) value.Ward {
	w, err := value.NewWard(name)
	if err != nil {
		panic(err) // demo data is constant and valid
	}
	return w
}

var incubators = []ecosystem.Incubator{
	{
		Name:       "Trung tâm Hỗ trợ Khởi nghiệp Đổi mới Sáng tạo Hàng hải",
		NameEN:     "VMU Innovation and Startup Support Centre",
		University: "Trường Đại học Hàng hải Việt Nam", Ward: ward("Lê Chân"), Website: "https://vimaru.edu.vn",
		Programs: []ecosystem.Program{
			{Name: "Ươm tạo công nghệ biển", Description: "12 tháng ươm tạo cho giải pháp hàng hải, cảng biển và logistics.",
				Sectors: []value.Sector{value.SectorMarineTech, value.SectorPortLogistics}, Stages: []value.Stage{value.StageIdea, value.StagePrototype}},
			{Name: "Tăng tốc logistics xanh", Description: "Chương trình tăng tốc 6 tháng với các doanh nghiệp cảng.",
				Sectors: []value.Sector{value.SectorPortLogistics, value.SectorGreenEnergy}, Stages: []value.Stage{value.StagePreSeed, value.StageSeed}},
		},
		Managers: []string{"manager-vmu"},
	},
	{
		Name:       "Vườn ươm Doanh nghiệp Khởi nghiệp Đại học Hải Phòng",
		NameEN:     "Hai Phong University Startup Incubator",
		University: "Trường Đại học Hải Phòng", Ward: ward("Kiến An"), Website: "https://dhhp.edu.vn",
		Programs: []ecosystem.Program{
			{Name: "Khởi nghiệp sinh viên", Description: "Hỗ trợ nhóm sinh viên từ ý tưởng đến sản phẩm mẫu.",
				Sectors: []value.Sector{value.SectorEdtech, value.SectorSoftware, value.SectorEcommerce}, Stages: []value.Stage{value.StageIdea, value.StagePrototype}},
			{Name: "Chuyển đổi số doanh nghiệp nhỏ", Description: "Kết nối startup với doanh nghiệp nhỏ và vừa cần chuyển đổi số.",
				Sectors: []value.Sector{value.SectorDigitalTransformation, value.SectorAI}, Stages: []value.Stage{value.StagePreSeed, value.StageSeed}},
		},
		Managers: []string{"manager-hpu"},
	},
	{
		Name:       "Trung tâm Đổi mới Sáng tạo Y Dược Hải Phòng",
		NameEN:     "Hai Phong Medicine and Pharmacy Innovation Centre",
		University: "Trường Đại học Y Dược Hải Phòng", Ward: ward("Ngô Quyền"), Website: "https://hpmu.edu.vn",
		Programs: []ecosystem.Program{
			{Name: "Ươm tạo công nghệ y tế", Description: "Thử nghiệm lâm sàng, chứng nhận và kết nối bệnh viện.",
				Sectors: []value.Sector{value.SectorHealthtech, value.SectorBiotech}, Stages: []value.Stage{value.StagePrototype, value.StagePreSeed, value.StageSeed}},
		},
		Managers: []string{"manager-hpmu"},
	},
}

// startupSeed is one demo startup; incubator indexes incubators, -1 for none.
type startupSeed struct {
	name, nameEN string
	sectors      []value.Sector
	stage        value.Stage
	ward         string
	incubator    int
	ageMonths    int
	team         int
	needHundredM int64 // funding need, in hundreds of millions of VND
	description  string
}

func (s startupSeed) draft(i int, now time.Time) firm.Draft {
	province := "02"
	if i%4 == 3 {
		province = "08" // firms of the former Hai Duong province keep their codes
	}
	founded := value.DateOf(now.AddDate(0, -s.ageMonths, -i))
	slug := strings.ToLower(strings.ReplaceAll(s.nameEN, " ", ""))
	d := firm.Draft{
		Name: s.name, NameEN: s.nameEN, TaxCode: TaxCode(province, i), FoundedOn: founded.String(),
		Ward: s.ward, Stage: string(s.stage), Description: s.description, TeamSize: s.team,
		Website: "https://" + slug + ".vn", Email: "lienhe@" + slug + ".vn",
		Phone: fmt.Sprintf("09%08d", 12345678+i*1111), FundingNeed: s.needHundredM * 100_000_000,
	}
	for _, sec := range s.sectors {
		d.Sectors = append(d.Sectors, string(sec))
	}
	if s.ageMonths >= 24 {
		y := founded.Year + 1
		for k := 0; y+k < value.DateOf(now).Year; k++ {
			d.Revenue = append(d.Revenue, firm.YearRevenueDraft{Year: y + k, Amount: int64(k+1) * int64(s.team) * 150_000_000})
		}
	}
	return d
}

const (
	vmu  = 0
	hpu  = 1
	hpmu = 2
	none = -1
)

var startups = []startupSeed{
	{"Công ty CP Cảng Số Hải Phòng", "PortSense", []value.Sector{value.SectorPortLogistics, value.SectorAI}, value.StageSeed, "Hải An", vmu, 30, 14, 50, "Nền tảng AI dự báo thời gian chờ tàu và tối ưu xếp dỡ container tại cảng Lạch Huyện."},
	{"Công ty TNHH Hải Dương Xanh", "BlueOcean Lab", []value.Sector{value.SectorMarineTech, value.SectorGreenEnergy}, value.StagePrototype, "Đồ Sơn", vmu, 14, 6, 30, "Cảm biến IoT giám sát chất lượng nước nuôi trồng thủy sản ven biển."},
	{"Công ty CP Vi mạch Duyên hải", "Coastal Silicon", []value.Sector{value.SectorSemiconductors}, value.StagePreSeed, "Thủy Nguyên", none, 20, 11, 80, "Thiết kế vi mạch quản lý nguồn cho thiết bị IoT công nghiệp."},
	{"Công ty TNHH Logistics Thông minh Đình Vũ", "DinhVu SmartLog", []value.Sector{value.SectorPortLogistics, value.SectorSoftware}, value.StageSeriesA, "Hải An", vmu, 54, 38, 150, "Phần mềm quản lý kho bãi và vận tải đa phương thức cho doanh nghiệp logistics."},
	{"Công ty CP Năng lượng Gió Cát Hải", "CatHai Wind", []value.Sector{value.SectorGreenEnergy}, value.StagePrototype, "Đặc khu Cát Hải", none, 10, 5, 40, "Tua-bin gió cỡ nhỏ cho đảo và khu nuôi trồng thủy sản."},
	{"Công ty TNHH Học Số Hải Phòng", "EduPort", []value.Sector{value.SectorEdtech, value.SectorAI}, value.StageSeed, "Kiến An", hpu, 26, 12, 25, "Trợ giảng AI luyện thi tiếng Anh cho học sinh trung học."},
	{"Công ty CP Y tế Số Bạch Đằng", "BachDang Health", []value.Sector{value.SectorHealthtech}, value.StagePreSeed, "Ngô Quyền", hpmu, 18, 9, 35, "Hồ sơ sức khỏe điện tử và đặt lịch khám cho phòng khám tư nhân."},
	{"Công ty TNHH Sinh học Biển Hạ Long", "MarineBio", []value.Sector{value.SectorBiotech, value.SectorMarineTech}, value.StagePrototype, "Đồ Sơn", hpmu, 22, 7, 45, "Chiết xuất hoạt chất từ rong biển cho dược phẩm và mỹ phẩm."},
	{"Công ty CP Robot Công nghiệp Tràng Duệ", "TrangDue Robotics", []value.Sector{value.SectorAdvancedManufacturing, value.SectorIoT}, value.StageSeed, "An Dương", none, 36, 21, 120, "Cánh tay robot hàn và kiểm tra chất lượng cho khu công nghiệp Tràng Duệ."},
	{"Công ty TNHH Nông sản Số Hải Dương", "AgriLink HD", []value.Sector{value.SectorAgritech, value.SectorEcommerce}, value.StageSeed, "Hải Dương", none, 40, 16, 30, "Sàn thương mại điện tử kết nối hợp tác xã vải thiều và rau màu với chuỗi bán lẻ."},
	{"Công ty CP Thanh toán Cảng", "PortPay", []value.Sector{value.SectorFintech, value.SectorPortLogistics}, value.StagePreSeed, "Hồng Bàng", vmu, 15, 8, 60, "Thanh toán điện tử phí cảng, phí hạ tầng và lưu kho cho chủ hàng."},
	{"Công ty TNHH Đô thị Thông minh Lạch Tray", "LachTray Smart City", []value.Sector{value.SectorSmartCity, value.SectorIoT}, value.StagePrototype, "Lê Chân", hpu, 12, 6, 25, "Cảm biến bãi đỗ xe và ứng dụng tìm chỗ đỗ cho khu trung tâm."},
	{"Công ty CP Du lịch Số Cát Bà", "CatBa Travel Tech", []value.Sector{value.SectorTourism, value.SectorSoftware}, value.StageSeed, "Đặc khu Cát Hải", none, 44, 13, 20, "Nền tảng đặt tour, homestay và vé tàu cho quần đảo Cát Bà."},
	{"Công ty TNHH Kiểm thử Bán dẫn Nam Cầu Kiền", "NCK TestLab", []value.Sector{value.SectorSemiconductors, value.SectorAdvancedManufacturing}, value.StageSeed, "Thủy Nguyên", none, 32, 25, 200, "Dịch vụ kiểm thử và đóng gói chip cho nhà máy điện tử FDI."},
	{"Công ty CP Dữ liệu Tàu biển", "ShipData", []value.Sector{value.SectorMarineTech, value.SectorAI}, value.StagePreSeed, "Hải An", vmu, 16, 7, 40, "Phân tích dữ liệu AIS để tối ưu nhiên liệu và tuyến hành trình tàu."},
	{"Công ty TNHH Vật liệu Xanh Chí Linh", "ChiLinh GreenMat", []value.Sector{value.SectorGreenEnergy, value.SectorAdvancedManufacturing}, value.StagePrototype, "Chí Linh", none, 13, 9, 55, "Gạch không nung từ tro xỉ nhiệt điện."},
	{"Công ty CP Chẩn đoán AI Việt Tiệp", "VietTiep AI Diagnostics", []value.Sector{value.SectorHealthtech, value.SectorAI}, value.StageSeed, "Ngô Quyền", hpmu, 28, 15, 70, "AI đọc phim X-quang phổi hỗ trợ bác sĩ tuyến huyện."},
	{"Công ty TNHH Chuyển đổi Số SME Hải Phòng", "SME Digital HP", []value.Sector{value.SectorDigitalTransformation, value.SectorSoftware}, value.StageGrowth, "Lê Chân", hpu, 58, 45, 100, "Bộ phần mềm kế toán, bán hàng và hóa đơn điện tử cho hộ kinh doanh."},
	{"Công ty CP Thủy sản Thông minh Bạch Long", "BachLong Aqua", []value.Sector{value.SectorAgritech, value.SectorMarineTech}, value.StageIdea, "Đặc khu Bạch Long Vĩ", none, 4, 3, 10, "Lồng nuôi cá biển xa bờ có giám sát từ xa."},
	{"Công ty TNHH Sáng tạo Nội dung Phố Cảng", "PortCity Creative", []value.Sector{value.SectorCreativeMedia}, value.StagePreSeed, "Hồng Bàng", hpu, 19, 10, 15, "Studio nội dung số quảng bá văn hóa và du lịch Hải Phòng."},
	{"Công ty CP Pin Lưu trữ Kinh Môn", "KinhMon Battery", []value.Sector{value.SectorGreenEnergy, value.SectorIoT}, value.StagePrototype, "Kinh Môn", none, 11, 8, 90, "Hệ thống lưu trữ điện mặt trời cho nhà xưởng."},
	{"Công ty TNHH Vận tải Xe điện Hải An", "HaiAn EV Fleet", []value.Sector{value.SectorPortLogistics, value.SectorGreenEnergy}, value.StageSeed, "Hải An", vmu, 34, 27, 130, "Xe đầu kéo điện và trạm sạc cho vận tải container nội cảng."},
	{"Công ty CP Trợ lý Pháp lý AI", "LegalMate", []value.Sector{value.SectorAI, value.SectorSoftware}, value.StagePreSeed, "Ngô Quyền", hpu, 9, 5, 20, "Trợ lý AI tra cứu thủ tục hành chính và hợp đồng cho doanh nghiệp nhỏ."},
	{"Công ty TNHH Thiết bị Y tế Tiên Lãng", "TienLang MedDevice", []value.Sector{value.SectorHealthtech, value.SectorAdvancedManufacturing}, value.StagePrototype, "Tiên Lãng", hpmu, 21, 6, 50, "Máy theo dõi sinh hiệu giá rẻ cho trạm y tế xã."},
	{"Công ty CP Thương mại Điện tử Tam Bạc", "TamBac Market", []value.Sector{value.SectorEcommerce}, value.StageSeriesA, "Hồng Bàng", none, 50, 60, 180, "Chợ trực tuyến hải sản tươi sống giao trong ngày."},
	{"Công ty TNHH Phân tích Chuỗi Cung ứng Thanh Hà", "ThanhHa SupplyChain", []value.Sector{value.SectorPortLogistics, value.SectorAI}, value.StageIdea, "Thanh Hà", none, 3, 2, 10, "Dự báo nhu cầu vận tải nông sản xuất khẩu."},
	{"Công ty CP Đóng tàu Số", "DigiShipyard", []value.Sector{value.SectorMarineTech, value.SectorAdvancedManufacturing}, value.StageSeed, "Thủy Nguyên", vmu, 38, 19, 160, "Bản sao số (digital twin) cho nhà máy đóng tàu."},
	{"Công ty TNHH Giáo dục STEM Kiến Thụy", "KienThuy STEM", []value.Sector{value.SectorEdtech, value.SectorIoT}, value.StagePrototype, "Kiến Thụy", hpu, 17, 7, 15, "Bộ kit robot và giáo trình STEM cho trường tiểu học."},
	{"Công ty CP Tín dụng Nông nghiệp Số", "AgriCredit", []value.Sector{value.SectorFintech, value.SectorAgritech}, value.StagePreSeed, "Hải Dương", none, 14, 8, 75, "Chấm điểm tín dụng cho nông hộ từ dữ liệu canh tác."},
	{"Công ty TNHH An ninh Mạng Cảng Biển", "PortSec", []value.Sector{value.SectorSoftware, value.SectorPortLogistics}, value.StageSeed, "Hải An", vmu, 29, 12, 45, "Giám sát an ninh mạng cho hệ thống điều hành cảng."},
	{"Công ty CP Hóa dược Biển Đồ Sơn", "DoSon Pharma", []value.Sector{value.SectorBiotech}, value.StagePreSeed, "Đồ Sơn", hpmu, 24, 10, 85, "Thực phẩm chức năng từ collagen cá biển."},
	{"Công ty TNHH Quan trắc Môi trường Tân Hưng", "TanHung EnviroSense", []value.Sector{value.SectorSmartCity, value.SectorGreenEnergy}, value.StageSeed, "Tân Hưng", none, 31, 11, 35, "Trạm quan trắc không khí và nước thải khu công nghiệp."},
	{"Công ty CP Nhà máy Thông minh Nam Sách", "NamSach SmartFactory", []value.Sector{value.SectorAdvancedManufacturing, value.SectorAI}, value.StageGrowth, "Nam Sách", none, 57, 52, 250, "Hệ thống MES và thị giác máy cho nhà máy may mặc, da giày."},
	{"Công ty TNHH Bản đồ Biển Số", "SeaMap", []value.Sector{value.SectorMarineTech, value.SectorSoftware}, value.StageIdea, "Dương Kinh", vmu, 5, 3, 12, "Bản đồ độ sâu luồng lạch cập nhật từ dữ liệu tàu cá."},
}

var investors = []ecosystem.InvestorDraft{
	{Name: "Quỹ Đầu tư Mạo hiểm Cảng Xanh", Kind: "VENTURE_FUND", Website: "https://greenport.vc", Email: "deals@greenport.vc",
		Description: "Quỹ tập trung vào logistics xanh và công nghệ cảng biển vùng duyên hải Bắc Bộ.",
		Sectors:     []string{"PORT_LOGISTICS", "GREEN_INDUSTRY_ENERGY", "MARINE_SCIENCE_TECH"}, Stages: []string{"PRE_SEED", "SEED", "SERIES_A"},
		TicketMin: 2_000_000_000, TicketMax: 20_000_000_000, Geography: []string{"Hải Phòng", "Quảng Ninh"}},
	{Name: "Nguyễn Minh Anh", Kind: "ANGEL", Email: "minhanh.angel@example.vn",
		Description: "Nhà đầu tư thiên thần, cựu giám đốc công nghệ một hãng tàu; quan tâm AI và phần mềm.",
		Sectors:     []string{"ARTIFICIAL_INTELLIGENCE", "SOFTWARE_SAAS", "EDTECH"}, Stages: []string{"IDEA", "PROTOTYPE", "PRE_SEED"},
		TicketMin: 200_000_000, TicketMax: 1_500_000_000},
	{Name: "Tập đoàn Logistics Đình Vũ", Kind: "CORPORATE", Website: "https://dinhvu-logistics.vn",
		Description: "Đầu tư chiến lược vào giải pháp tự động hóa kho bãi, xe điện và thanh toán cảng.",
		Sectors:     []string{"PORT_LOGISTICS", "FINTECH", "IOT_HARDWARE"}, Stages: []string{"SEED", "SERIES_A", "GROWTH"},
		TicketMin: 5_000_000_000, TicketMax: 50_000_000_000, Geography: []string{"Hải Phòng"}},
	{Name: "Quỹ Công nghệ Biển Đông", Kind: "VENTURE_FUND", Website: "https://oceantech.fund",
		Description: "Quỹ đầu tư công nghệ biển, thủy sản và sinh học biển.",
		Sectors:     []string{"MARINE_SCIENCE_TECH", "BIOTECH", "AGRITECH_FOOD"}, Stages: []string{"PROTOTYPE", "PRE_SEED", "SEED"},
		TicketMin: 1_000_000_000, TicketMax: 10_000_000_000},
	{Name: "Mạng lưới Nhà đầu tư Thiên thần Duyên hải", Kind: "ANGEL", Email: "hello@coastalangels.vn",
		Description: "Câu lạc bộ nhà đầu tư thiên thần Hải Phòng – Hải Dương, đồng đầu tư theo nhóm.",
		Sectors:     []string{}, Stages: []string{"IDEA", "PROTOTYPE", "PRE_SEED"},
		TicketMin: 100_000_000, TicketMax: 2_000_000_000, Geography: []string{"Hải Phòng"}},
	{Name: "Quỹ Phát triển Khoa học và Công nghệ Hải Phòng", Kind: "PUBLIC_FUND",
		Description: "Quỹ công hỗ trợ nhiệm vụ khoa học công nghệ, bán dẫn và trí tuệ nhân tạo.",
		Sectors:     []string{"SEMICONDUCTORS", "ARTIFICIAL_INTELLIGENCE", "ADVANCED_MANUFACTURING", "HEALTHTECH"}, Stages: []string{"PROTOTYPE", "PRE_SEED", "SEED"},
		TicketMin: 500_000_000, TicketMax: 5_000_000_000, Geography: []string{"Hải Phòng"}},
}

var mentors = []ecosystem.MentorDraft{
	{Name: "TS. Trần Quốc Hùng", Affiliation: "Trường Đại học Hàng hải Việt Nam", Country: "Việt Nam", Capacity: 4,
		Expertise: []string{"PORT_LOGISTICS", "MARINE_SCIENCE_TECH"}, Bio: "20 năm nghiên cứu khai thác cảng và vận tải biển."},
	{Name: "Lê Thị Mai", Affiliation: "Semiconductor design lead, San Jose", Country: "Hoa Kỳ", Overseas: true, Capacity: 2,
		Expertise: []string{"SEMICONDUCTORS", "ADVANCED_MANUFACTURING"}, Bio: "Chuyên gia kiều bào về thiết kế vi mạch tương tự."},
	{Name: "Phạm Đức Long", Affiliation: "AI researcher, Tokyo", Country: "Nhật Bản", Overseas: true, Capacity: 3,
		Expertise: []string{"ARTIFICIAL_INTELLIGENCE", "SOFTWARE_SAAS"}, Bio: "Nghiên cứu thị giác máy tính và học máy ứng dụng."},
	{Name: "ThS. Vũ Thu Hà", Affiliation: "Trường Đại học Y Dược Hải Phòng", Country: "Việt Nam", Capacity: 3,
		Expertise: []string{"HEALTHTECH", "BIOTECH"}, Bio: "Quản lý dự án thử nghiệm thiết bị y tế."},
	{Name: "Nguyễn Hoàng Nam", Affiliation: "Fintech founder, Singapore", Country: "Singapore", Overseas: true, Capacity: 2,
		Expertise: []string{"FINTECH", "ECOMMERCE_RETAIL"}, Bio: "Nhà sáng lập hai công ty thanh toán tại Đông Nam Á."},
	{Name: "Đỗ Thanh Bình", Affiliation: "Hiệp hội Doanh nghiệp Hải Phòng", Country: "Việt Nam", Capacity: 5,
		Expertise: []string{"DIGITAL_TRANSFORMATION", "GREEN_INDUSTRY_ENERGY"}, Bio: "Tư vấn chuyển đổi số và sản xuất xanh cho doanh nghiệp nhỏ và vừa."},
}

// mentees lists, per mentor (by index), the startups (by index) they coach.
var mentees = [][]int{{0, 3, 14}, {2, 13}, {5, 16, 22}, {6, 23}, {10}, {17, 31}}

// portfolios lists, per investor (by index), the startups (by index) it holds.
var portfolios = [][]int{{3, 21}, {5}, {3, 24}, {7}, {}, {13}}

// reviewers of the city fund; -1 for no affiliation. The second belongs to
// the VMU incubator, the third is the port-logistics mentor, the fourth acts
// for Green Port Ventures: each has conflicts with some demo startups.
var reviewers = []struct {
	subject, name               string
	incubator, investor, mentor int
}{
	{"reviewer-1", "TS. Nguyễn Văn Khoa", -1, -1, -1},
	{"reviewer-2", "ThS. Phạm Thu Trang", vmu, -1, -1},
	{"reviewer-3", "TS. Trần Quốc Hùng", -1, -1, 0},
	{"reviewer-4", "Bà Lê Minh Châu", -1, 0, -1},
	{"reviewer-5", "PGS. Đặng Hải Yến", -1, -1, -1},
}

// evidence gives some demo startups (by index) what screening reads, dated
// relative to now, so the demo shows every outcome: eligible on each ground,
// needs evidence, not eligible.
var evidence = map[int]func(now time.Time) firm.Evidence{
	0: func(now time.Time) firm.Evidence { // an award within 5 years
		return firm.Evidence{LegalForm: firm.JointStock, FirstRegisteredOn: ago(now, 0, 30, 0),
			Awards: []firm.Award{{Name: "Techfest Việt Nam", AwardedOn: ago(now, 0, 8, 0), DocumentRef: "demo/techfest.pdf"}}}
	},
	3: func(now time.Time) firm.Evidence { // a utility solution in force, and a public offering: not eligible
		return firm.Evidence{LegalForm: firm.JointStock, PublicOffering: true, FirstRegisteredOn: ago(now, 0, 54, 0),
			IPAssets: []firm.IPAsset{{Kind: firm.UtilitySolution, Number: "2-0003121", GrantedOn: ago(now, 1, 0, 0), DocumentRef: "demo/gphi.pdf"}}}
	},
	5: func(now time.Time) firm.Evidence { // an incubator confirmation within 6 months
		return firm.Evidence{LegalForm: firm.LLCMultiMember, FirstRegisteredOn: ago(now, 0, 26, 0),
			Confirmations: []firm.Confirmation{{Issuer: "Vườn ươm Đại học Hải Phòng", IssuedOn: ago(now, 0, 2, 0), DocumentRef: "demo/xac-nhan.pdf"}}}
	},
	13: func(now time.Time) firm.Evidence { // fund investment; software copyright for the S&T set; an S&T certificate
		return firm.Evidence{LegalForm: firm.LLCOneMember, FirstRegisteredOn: ago(now, 0, 32, 0),
			Certificates: []firm.Certificate{{Kind: firm.STEnterprise, IssuedOn: ago(now, 0, 6, 0), DocumentRef: "demo/gcn-khcn.pdf"}},
			IPAssets:     []firm.IPAsset{{Kind: firm.ICLayoutDesign, Number: "TK-0042", GrantedOn: ago(now, 0, 10, 0), DocumentRef: "demo/ic.pdf"}},
			Investments:  []firm.Investment{{Fund: "Quỹ Đầu tư Mạo hiểm Cảng Xanh", Amount: 2_000_000_000, On: ago(now, 1, 0, 0), DocumentRef: "demo/dautu.pdf"}}}
	},
	17: func(now time.Time) firm.Evidence { // first registered (as a household business) over 5 years ago; no S&T revenue
		return firm.Evidence{LegalForm: firm.JointStock, FirstRegisteredOn: ago(now, 6, 0, 0),
			IPAssets: []firm.IPAsset{{Kind: firm.SoftwareCopyright, Number: "QTG-1234", GrantedOn: ago(now, 3, 0, 0), DocumentRef: "demo/qtg.pdf"}}}
	},
	21: func(now time.Time) firm.Evidence { // a commitment older than a year: needs other evidence
		return firm.Evidence{LegalForm: firm.JointStock, FirstRegisteredOn: ago(now, 0, 34, 0),
			Investments: []firm.Investment{{Fund: "Tập đoàn Logistics Đình Vũ", Amount: 800_000_000, On: ago(now, 1, 2, 0),
				Commitment: true, DocumentRef: "demo/cam-ket.pdf"}}}
	},
}

// ago is the date years, months and days before now in Asia/Ho_Chi_Minh.
func ago(now time.Time, years, months, days int) value.Date {
	return value.DateOf(now.In(value.Zone).AddDate(-years, -months, -days))
}

// VietnamHolidays lists Vietnam's public holidays for 2026 and 2027, as the
// government announced or is expected to announce them, including the days
// given in compensation; the lunar holidays move every year, so this is data
// an operator maintains, not a rule.
func VietnamHolidays() []value.Date {
	var out []value.Date
	for _, s := range []string{
		"2026-01-01",
		"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", // Tết Bính Ngọ
		"2026-04-27",               // Hùng Kings (26/4 falls on a Sunday)
		"2026-04-30", "2026-05-01", // Reunification Day, Labour Day
		"2026-09-01", "2026-09-02", // National Day
		"2027-01-01",
		"2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", // Tết Đinh Mùi
		"2027-04-16",               // Hùng Kings
		"2027-04-30", "2027-05-03", // 1/5 falls on a Saturday
		"2027-09-02", "2027-09-03",
	} {
		d, err := value.ParseDate(s)
		if err != nil {
			panic(err) // constant data
		}
		out = append(out, d)
	}
	return out
}

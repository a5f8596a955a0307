package value

import (
	"fmt"

	"github.com/innoport/innoport/domain/errs"
)

// Sector is a closed taxonomy of business sectors, led by Hai Phong's priorities.
type Sector string

// The sectors. The first six are the city's priority sectors.
const (
	SectorSemiconductors        Sector = "SEMICONDUCTORS"
	SectorAI                    Sector = "ARTIFICIAL_INTELLIGENCE"
	SectorMarineTech            Sector = "MARINE_SCIENCE_TECH"
	SectorPortLogistics         Sector = "PORT_LOGISTICS"
	SectorGreenEnergy           Sector = "GREEN_INDUSTRY_ENERGY"
	SectorAdvancedManufacturing Sector = "ADVANCED_MANUFACTURING"
	SectorSoftware              Sector = "SOFTWARE_SAAS"
	SectorFintech               Sector = "FINTECH"
	SectorEdtech                Sector = "EDTECH"
	SectorHealthtech            Sector = "HEALTHTECH"
	SectorAgritech              Sector = "AGRITECH_FOOD"
	SectorEcommerce             Sector = "ECOMMERCE_RETAIL"
	SectorTourism               Sector = "TOURISM_HOSPITALITY"
	SectorSmartCity             Sector = "SMART_CITY"
	SectorBiotech               Sector = "BIOTECH"
	SectorIoT                   Sector = "IOT_HARDWARE"
	SectorDigitalTransformation Sector = "DIGITAL_TRANSFORMATION"
	SectorCreativeMedia         Sector = "CREATIVE_MEDIA"
)

// SectorInfo describes a sector: its labels and the group it belongs to, which
// lets matching give partial credit to related sectors.
type SectorInfo struct {
	Sector   Sector
	VI, EN   string
	Group    string
	Priority bool // one of the city's priority sectors
}

var sectors = []SectorInfo{
	{SectorSemiconductors, "Bán dẫn", "Semiconductors", "DEEP_TECH", true},
	{SectorAI, "Trí tuệ nhân tạo", "Artificial intelligence", "DIGITAL", true},
	{SectorMarineTech, "Khoa học và công nghệ biển", "Marine science and technology", "MARINE", true},
	{SectorPortLogistics, "Cảng biển và logistics", "Port logistics", "MARINE", true},
	{SectorGreenEnergy, "Công nghiệp xanh và năng lượng", "Green industry and energy", "INDUSTRY", true},
	{SectorAdvancedManufacturing, "Sản xuất tiên tiến", "Advanced manufacturing", "INDUSTRY", true},
	{SectorSoftware, "Phần mềm và SaaS", "Software and SaaS", "DIGITAL", false},
	{SectorFintech, "Công nghệ tài chính", "Fintech", "DIGITAL", false},
	{SectorEdtech, "Công nghệ giáo dục", "Edtech", "SERVICES", false},
	{SectorHealthtech, "Công nghệ y tế", "Healthtech", "LIFE_SCIENCES", false},
	{SectorAgritech, "Nông nghiệp và thực phẩm", "Agritech and food", "LIFE_SCIENCES", false},
	{SectorEcommerce, "Thương mại điện tử và bán lẻ", "E-commerce and retail", "SERVICES", false},
	{SectorTourism, "Du lịch và dịch vụ", "Tourism and hospitality", "SERVICES", false},
	{SectorSmartCity, "Đô thị thông minh", "Smart city", "DIGITAL", false},
	{SectorBiotech, "Công nghệ sinh học", "Biotechnology", "LIFE_SCIENCES", false},
	{SectorIoT, "IoT và phần cứng", "IoT and hardware", "DEEP_TECH", false},
	{SectorDigitalTransformation, "Chuyển đổi số", "Digital transformation", "DIGITAL", false},
	{SectorCreativeMedia, "Sáng tạo và truyền thông", "Creative industries and media", "SERVICES", false},
}

var sectorIndex = func() map[Sector]int {
	m := make(map[Sector]int, len(sectors))
	for i, s := range sectors {
		m[s.Sector] = i
	}
	return m
}()

// Label is the sector's name in Vietnamese or English; an unknown code is
// returned as it is.
func (s Sector) Label(english bool) string {
	i, ok := sectorIndex[s]
	switch {
	case !ok:
		return string(s)
	case english:
		return sectors[i].EN
	}
	return sectors[i].VI
}

// Sectors lists the whole taxonomy in display order.
func Sectors() []SectorInfo { return append([]SectorInfo(nil), sectors...) }

// ParseSector validates a sector code.
func ParseSector(s string) (Sector, error) {
	if _, ok := sectorIndex[Sector(s)]; !ok {
		return "", errs.InvalidValue(
			fmt.Sprintf("Lĩnh vực %q không có trong danh mục.", s),
			fmt.Sprintf("Sector %q is not in the taxonomy.", s))
	}
	return Sector(s), nil
}

// ParseSectors validates a list of sectors, dropping duplicates and keeping order.
// Errors name the index of each bad item.
func ParseSectors(in []string) ([]Sector, error) {
	var list errs.List
	out := make([]Sector, 0, len(in))
	seen := make(map[Sector]bool, len(in))
	for i, raw := range in {
		s, err := ParseSector(raw)
		if !list.Check(err, fmt.Sprint(i)) {
			continue
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, list.Err()
}

// Stage is how far a startup has come, in order.
type Stage string

// The stages, from earliest to latest.
const (
	StageIdea      Stage = "IDEA"
	StagePrototype Stage = "PROTOTYPE"
	StagePreSeed   Stage = "PRE_SEED"
	StageSeed      Stage = "SEED"
	StageSeriesA   Stage = "SERIES_A"
	StageGrowth    Stage = "GROWTH"
)

var stages = []Stage{StageIdea, StagePrototype, StagePreSeed, StageSeed, StageSeriesA, StageGrowth}

var stageLabels = Labels[Stage]{
	StageIdea: {"Ý tưởng", "Idea"}, StagePrototype: {"Mẫu thử", "Prototype"}, StagePreSeed: {"Tiền hạt giống", "Pre-seed"},
	StageSeed: {"Hạt giống", "Seed"}, StageSeriesA: {"Vòng A", "Series A"}, StageGrowth: {"Tăng trưởng", "Growth"},
}

// Label is the stage's name in Vietnamese or English; an unknown code is
// returned as it is.
func (s Stage) Label(english bool) string { return stageLabels.Of(s, english) }

// Stages lists the stages from earliest to latest.
func Stages() []Stage { return append([]Stage(nil), stages...) }

// Rank returns the stage's position from 0 (IDEA), or -1 for an unknown stage.
func (s Stage) Rank() int {
	for i, x := range stages {
		if x == s {
			return i
		}
	}
	return -1
}

// ParseStage validates a stage code.
func ParseStage(s string) (Stage, error) {
	if Stage(s).Rank() < 0 {
		return "", errs.InvalidValue(
			fmt.Sprintf("Giai đoạn %q không hợp lệ.", s), fmt.Sprintf("Stage %q is not valid.", s))
	}
	return Stage(s), nil
}

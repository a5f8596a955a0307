package opendata

import (
	"encoding/json"
	"time"
)

// License is what every data set is published under.
const License = "https://creativecommons.org/licenses/by/4.0/"

// Publisher of the data sets, as DCAT names it.
const (
	publisherVI = "Sở Khoa học và Công nghệ thành phố Hải Phòng (qua Innoport)"
	publisherEN = "Hai Phong Department of Science and Technology (through Innoport)"
)

// text is a JSON-LD string in both languages.
func text(vi, en string) []map[string]string {
	return []map[string]string{{"@value": vi, "@language": "vi"}, {"@value": en, "@language": "en"}}
}

// catalogue describes the data sets in DCAT (JSON-LD), each file a
// distribution, each table's columns in CSV on the Web's vocabulary.
// Download addresses are relative to the catalogue, which is served at
// /open-data/catalog.json.
func catalogue(sets []Dataset, modified time.Time) ([]byte, error) {
	when := modified.UTC().Format(time.RFC3339)
	publisher := map[string]any{"@type": "foaf:Organization", "foaf:name": text(publisherVI, publisherEN)}
	var datasets []map[string]any
	for _, d := range sets {
		cols := make([]map[string]any, len(d.Columns))
		for i, c := range d.Columns {
			cols[i] = map[string]any{"csvw:name": c.Name, "csvw:title": text(c.TitleVI, c.TitleEN), "csvw:datatype": c.Datatype}
		}
		ds := map[string]any{
			"@id": d.Key, "@type": "dcat:Dataset", "dct:identifier": d.Key,
			"dct:title": text(d.TitleVI, d.TitleEN), "dct:description": text(d.DescriptionVI, d.DescriptionEN),
			"dct:license": map[string]string{"@id": License}, "dct:publisher": publisher,
			"dct:modified":     map[string]string{"@value": when, "@type": "xsd:dateTime"},
			"dct:language":     []string{"vi", "en"},
			"csvw:tableSchema": map[string]any{"csvw:column": cols},
			"dcat:distribution": []map[string]any{
				{"@type": "dcat:Distribution", "dcat:downloadURL": map[string]string{"@id": d.Key + ".csv"},
					"dcat:mediaType": "text/csv", "dct:format": "CSV (UTF-8 with BOM)", "dct:license": map[string]string{"@id": License}},
				{"@type": "dcat:Distribution", "dcat:downloadURL": map[string]string{"@id": d.Key + ".json"},
					"dcat:mediaType": "application/json", "dct:format": "JSON", "dct:license": map[string]string{"@id": License}},
			},
		}
		if !d.From.IsZero() {
			ds["dct:temporal"] = map[string]any{"@type": "dct:PeriodOfTime",
				"dcat:startDate": map[string]string{"@value": d.From.String(), "@type": "xsd:date"},
				"dcat:endDate":   map[string]string{"@value": d.To.String(), "@type": "xsd:date"}}
		}
		datasets = append(datasets, ds)
	}
	return json.MarshalIndent(map[string]any{
		"@context": map[string]string{
			"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
			"csvw": "http://www.w3.org/ns/csvw#", "xsd": "http://www.w3.org/2001/XMLSchema#",
		},
		"@id": "catalog.json", "@type": "dcat:Catalog",
		"dct:title":       text("Dữ liệu mở đổi mới sáng tạo Hải Phòng", "Hai Phong innovation open data"),
		"dct:description": text("Số liệu tổng hợp về hệ sinh thái khởi nghiệp, đổi mới sáng tạo của thành phố, danh bạ doanh nghiệp và sổ đăng ký thử nghiệm, cập nhật hằng ngày từ Innoport.", "Aggregate statistics of the city's startup and innovation ecosystem, the startup directory and the sandbox register, updated daily from Innoport."),
		"dct:license":     map[string]string{"@id": License}, "dct:publisher": publisher,
		"dct:modified": map[string]string{"@value": when, "@type": "xsd:dateTime"},
		"dcat:dataset": datasets,
	}, "", " ")
}

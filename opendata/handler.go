package opendata

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"

	"github.com/innoport/innoport/domain/errs"
)

// ErrNoFile is what asking for a file that is not published answers.
func ErrNoFile() *errs.Error {
	return errs.NotFoundf("tệp dữ liệu mở", "Open-data file")
}

// fileName is what a published file's name looks like.
var fileName = regexp.MustCompile(`^[a-z0-9_]+\.(csv|json)$`)

// Handler serves the published files under /open-data/: the catalogue at
// /open-data/ and /open-data/catalog.json, each data set at
// /open-data/<key>.csv and .json. Anyone may read them, from any origin.
func Handler(store Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "Chỉ đọc (GET). / Read only (GET).", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/open-data/")
		if name == "" {
			name = "catalog.json"
		}
		if !fileName.MatchString(name) {
			http.Error(w, "Không có tệp này. / No such file.", http.StatusNotFound)
			return
		}
		f, err := store.Get(r.Context(), name)
		switch {
		case errs.KindOf(err) == errs.NotFound:
			http.Error(w, "Không có tệp này; dữ liệu mở được công bố hằng ngày. / No such file; the open data is published daily.", http.StatusNotFound)
			return
		case err != nil:
			http.Error(w, "Lỗi máy chủ; hãy thử lại. / Server error; try again.", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.ContentType)
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cache-Control", "public, max-age=3600")
		h.Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, f.Name, f.Modified, bytes.NewReader(f.Body))
	})
}

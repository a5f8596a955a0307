package graph

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/ical"
)

// AgendaFile serves GET /events/{id}/agenda.ics: the caller's agenda at
// event id (a global Event ID) as an iCalendar file to import into Google
// Calendar, Outlook or Apple Calendar. Errors answer in the GraphQL error
// shape with the HTTP status of their kind.
func AgendaFile(r *Resolver, v auth.Verifier, logger *slog.Logger) http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		lang := langFromHeader(req.Header.Get("Accept-Language"))
		ctx := withLang(req.Context(), lang)
		body, err := r.agendaFile(ctx, req.PathValue("id"), lang == errs.EN)
		if err == nil {
			w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="agenda.ics"`)
			_, _ = w.Write([]byte(body))
			return
		}
		var e *errs.Error
		if !errors.As(err, &e) || e.Kind == errs.Internal {
			logger.ErrorContext(ctx, "agenda file", "error", err)
			e = errs.New(errs.Internal, errs.CodeInternal, nil, "Lỗi hệ thống.", "Internal error.")
		}
		writeError(w, statusOf(e.Kind), lang, e)
	})
	return authenticate(v, logger, h)
}

func (r *Resolver) agendaFile(ctx context.Context, gid string, english bool) (string, error) {
	id, err := domainID(gid, typeEvent, "id")
	if err != nil {
		return "", err
	}
	a, err := r.Meetups.MyAgenda(ctx, id)
	if err != nil {
		return "", err
	}
	return ical.Agenda(a, english, a.At), nil
}

func statusOf(k errs.Kind) int {
	switch k {
	case errs.Invalid:
		return http.StatusBadRequest
	case errs.NotFound:
		return http.StatusNotFound
	case errs.Unauthenticated:
		return http.StatusUnauthorized
	case errs.PermissionDenied:
		return http.StatusForbidden
	case errs.Conflict, errs.FailedPrecondition:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

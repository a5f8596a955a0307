package main

import (
	"io"
	"log/slog"
	"time"
)

// jsonLogger writes JSON log lines of level and above to w; durations
// read as people write them ("1.5s", "252ms"), not as nanoseconds.
func jsonLogger(w io.Writer, level slog.Leveler) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level, ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Value.Kind() == slog.KindDuration {
			a.Value = slog.StringValue(a.Value.Duration().Round(time.Millisecond).String())
		}
		return a
	}}))
}

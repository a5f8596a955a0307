package record

// Listeners are the functions told of every change to entities of type T,
// after the write. They must not block: they run in the request.
type Listeners[T any] struct{ fns []func(T) }

// On registers fn.
func (l *Listeners[T]) On(fn func(T)) { l.fns = append(l.fns, fn) }

// Notify tells every registered function of v.
func (l *Listeners[T]) Notify(v T) {
	for _, fn := range l.fns {
		fn(v)
	}
}

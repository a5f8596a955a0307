package meili

import (
	"net"
	"syscall"
)

// quickAck makes a connection acknowledge what it receives at once.
// Meilisearch writes a response's head and body separately with Nagle's
// algorithm on, so the body waits for the client to acknowledge the head,
// which Linux delays by 40 ms on a reused connection: every query took
// 44 ms whatever its work (0–2 ms). Setting TCP_QUICKACK before each read
// removes the wait; the flag does not stick, hence on every read.
func quickAck(c net.Conn) net.Conn {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return c
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		return c
	}
	return &quickAckConn{TCPConn: tc, raw: raw}
}

type quickAckConn struct {
	*net.TCPConn
	raw syscall.RawConn
}

func (c *quickAckConn) Read(b []byte) (int, error) {
	_ = c.raw.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_QUICKACK, 1)
	})
	return c.TCPConn.Read(b)
}

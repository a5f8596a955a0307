package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// Server is the embedded store served to other processes on a loopback
// port, so that several replicas can share it (`innoport db serve`).
//
// FerretDB v1 runs an update as a query followed by a write by _id, so two
// processes' writes conditional on one version can both land; within one
// process DB serialises them, across processes it cannot. The server
// therefore sits in front of FerretDB as a MongoDB wire-protocol proxy that
// runs the writes (update, findAndModify, delete) to one collection one at
// a time, each held until FerretDB has answered it; reads and inserts pass
// straight through. A conditional write is then a compare-and-set for every
// client, as on MongoDB.
type Server struct {
	embedded *Embedded
	backend  string // FerretDB's host:port
	ln       net.Listener
	logger   *slog.Logger
	writes   sync.Map // namespace → *sync.Mutex
	conns    sync.WaitGroup
	mu       sync.Mutex
	open     map[net.Conn]struct{}
	closing  bool
}

// Serve starts FerretDB with its files under dir and serves it on addr,
// which must be a loopback address: the embedded store has no
// authentication.
func Serve(dir, addr string, logger *slog.Logger) (*Server, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("store address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("store address %q: the embedded store has no authentication, so it serves on a loopback address only (127.0.0.1:PORT)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	e, err := StartEmbedded(dir, "127.0.0.1:0", logger)
	if err != nil {
		_ = ln.Close()
		return nil, err
	}
	s := &Server{embedded: e, backend: e.listenAddr(), ln: ln, logger: logger, open: map[net.Conn]struct{}{}}
	go s.accept()
	return s, nil
}

// URI is the connection string clients use.
func (s *Server) URI() string { return "mongodb://" + s.ln.Addr().String() + "/" }

// Close stops accepting, closes every connection and stops FerretDB.
func (s *Server) Close() {
	_ = s.ln.Close()
	s.mu.Lock()
	s.closing = true
	for c := range s.open {
		_ = c.Close()
	}
	s.mu.Unlock()
	s.conns.Wait()
	s.embedded.Stop()
}

func (s *Server) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return // closed
		}
		s.conns.Add(1)
		go func() {
			defer s.conns.Done()
			s.proxy(c)
		}()
	}
}

// track adds connections to those Close closes, or reports false once
// closing.
func (s *Server) track(cs ...net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	for _, c := range cs {
		s.open[c] = struct{}{}
	}
	return true
}

func (s *Server) untrack(cs ...net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range cs {
		delete(s.open, c)
		_ = c.Close()
	}
}

// proxy relays one client connection to FerretDB, message by message. The
// driver sends one request at a time on a connection and waits for its
// reply, so a write's reply is the next message back with its request ID.
func (s *Server) proxy(client net.Conn) {
	server, err := net.Dial("tcp", s.backend)
	if err != nil {
		s.logger.Error("store proxy: reach FerretDB", "error", err)
		_ = client.Close()
		return
	}
	defer s.untrack(client, server)
	if !s.track(client, server) {
		return
	}
	replied := make(chan struct{}, 1) // the awaited write's reply went back
	var waiting sync.Mutex            // guards waitID
	var waitID int32                  // the request ID of the write awaiting its reply; 0: none (the driver's IDs start at 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer client.Close()
		for {
			msg, err := readMessage(server)
			if err != nil {
				return
			}
			waiting.Lock()
			if waitID != 0 && msg.responseTo() == waitID {
				waitID = 0
				replied <- struct{}{}
			}
			waiting.Unlock()
			if _, err := client.Write(msg); err != nil {
				return
			}
		}
	}()
	for {
		msg, err := readMessage(client)
		if err != nil {
			_ = server.Close()
			<-done
			return
		}
		ns, write := msg.write()
		if !write {
			if _, err := server.Write(msg); err != nil {
				return
			}
			continue
		}
		m, _ := s.writes.LoadOrStore(ns, new(sync.Mutex))
		lock := m.(*sync.Mutex)
		lock.Lock()
		waiting.Lock()
		waitID = msg.requestID()
		waiting.Unlock()
		_, err = server.Write(msg)
		if err == nil {
			select {
			case <-replied:
			case <-done:
				err = errors.New("connection closed")
			}
		}
		lock.Unlock()
		if err != nil {
			return
		}
	}
}

// wireMessage is one MongoDB wire-protocol message, header included.
type wireMessage []byte

const (
	opMsg           = 2013
	maxMessageBytes = 48 << 20 // the server's maxMessageSizeBytes
	flagMoreToCome  = 1 << 1
	flagChecksum    = 1 << 0
)

func readMessage(r io.Reader) (wireMessage, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := binary.LittleEndian.Uint32(size[:])
	if n < 16 || n > maxMessageBytes {
		return nil, fmt.Errorf("wire message of %d bytes", n)
	}
	msg := make(wireMessage, n)
	copy(msg, size[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func (m wireMessage) requestID() int32  { return int32(binary.LittleEndian.Uint32(m[4:])) }
func (m wireMessage) responseTo() int32 { return int32(binary.LittleEndian.Uint32(m[8:])) }

// writeCommands are the commands FerretDB runs as query-then-write.
var writeCommands = map[string]bool{"update": true, "findAndModify": true, "findandmodify": true, "delete": true}

// write reports whether m is a write command that expects a reply, and the
// namespace it writes to.
func (m wireMessage) write() (ns string, ok bool) {
	if len(m) < 21 || binary.LittleEndian.Uint32(m[12:]) != opMsg {
		return "", false
	}
	flags := binary.LittleEndian.Uint32(m[16:])
	if flags&flagMoreToCome != 0 {
		return "", false // no reply to wait for
	}
	body := m[20:]
	if flags&flagChecksum != 0 {
		body = body[:len(body)-4]
	}
	for len(body) > 5 {
		kind := body[0]
		size := int(binary.LittleEndian.Uint32(body[1:]))
		if size < 5 || 1+size > len(body) {
			return "", false
		}
		if kind == 0 {
			doc := bson.Raw(body[1 : 1+size])
			elems, err := doc.Elements()
			if err != nil || len(elems) == 0 || !writeCommands[elems[0].Key()] {
				return "", false
			}
			coll, _ := elems[0].Value().StringValueOK()
			db, _ := doc.Lookup("$db").StringValueOK()
			return db + "." + coll, true
		}
		body = body[1+size:]
	}
	return "", false
}

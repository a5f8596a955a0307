package main

import (
	"os/exec"
	"syscall"
)

// dieWithTest kills a command the test started when the test binary dies,
// however it dies (a timeout, a kill), so that no store is left serving.
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

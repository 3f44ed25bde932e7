package main

import (
	"strconv"
	"strings"
)

// commandLine is what the engine (or a person) passed to the host. The engine of 3.248 passes
// `[--logtostderr] [-v=N] [--tracing URL] <engine address>`; older engines also passed the
// runtime options as flags, which serve as defaults when the program's options lack them.
type commandLine struct {
	engineAddress  string
	root           string
	tracing        string
	verbose        int
	logToStderr    bool
	typescript     *bool
	tsconfig       string
	nodeargs       string
	packageManager string
}

// valueFlags take a value, written `-f=v` or `-f v`; every other flag is a switch.
var valueFlags = map[string]bool{
	"root": true, "tracing": true, "tsconfig": true, "nodeargs": true, "packagemanager": true, "v": true,
}

// parseCommandLine never fails: unknown flags are ignored, so a newer engine's extra flags do
// not stop the host; the last positional argument is the engine's address.
func parseCommandLine(args []string) commandLine {
	var cl commandLine
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			if i+1 < len(args) {
				cl.engineAddress = args[len(args)-1]
			}
			break
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			cl.engineAddress = arg
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !hasValue && valueFlags[name] && i+1 < len(args) && (name != "v" || isNumber(args[i+1])) {
			value, hasValue = args[i+1], true
			i++
		}
		cl.set(name, value, hasValue)
	}
	return cl
}

func (cl *commandLine) set(name, value string, hasValue bool) {
	switch name {
	case "root":
		cl.root = value
	case "tracing":
		cl.tracing = value
	case "v":
		if n, err := strconv.Atoi(value); err == nil {
			cl.verbose = n
		}
	case "logtostderr":
		cl.logToStderr = !hasValue || value != "false"
	case "typescript":
		on := !hasValue || value != "false"
		cl.typescript = &on
	case "tsconfig":
		cl.tsconfig = value
	case "nodeargs":
		cl.nodeargs = value
	case "packagemanager":
		cl.packageManager = value
	}
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

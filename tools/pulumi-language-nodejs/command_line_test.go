package main

import "testing"

func TestParseCommandLineTakesTheEngineFlagsAndAddress(t *testing.T) {
	cl := parseCommandLine([]string{"--logtostderr", "-v=9", "--tracing", "http://t:9411", "127.0.0.1:4000"})
	if cl.engineAddress != "127.0.0.1:4000" || cl.tracing != "http://t:9411" || cl.verbose != 9 || !cl.logToStderr {
		t.Fatalf("parsed %+v", cl)
	}
}

func TestParseCommandLineTakesLegacyRuntimeOptions(t *testing.T) {
	cl := parseCommandLine([]string{"-root", "/p", "-typescript=false", "-tsconfig", "tsconfig.pulumi.json",
		"-nodeargs", "--max-old-space-size=4096", "-packagemanager=npm", "localhost:1"})
	if cl.root != "/p" || cl.typescript == nil || *cl.typescript || cl.tsconfig != "tsconfig.pulumi.json" ||
		cl.nodeargs != "--max-old-space-size=4096" || cl.packageManager != "npm" || cl.engineAddress != "localhost:1" {
		t.Fatalf("parsed %+v", cl)
	}
}

func TestParseCommandLineIgnoresUnknownFlags(t *testing.T) {
	cl := parseCommandLine([]string{"--some-future-switch", "-other=1", "localhost:2"})
	if cl.engineAddress != "localhost:2" {
		t.Fatalf("engine address %q", cl.engineAddress)
	}
}

func TestParseCommandLineDoesNotTakeTheAddressAsVerbosity(t *testing.T) {
	cl := parseCommandLine([]string{"-v", "localhost:3"})
	if cl.engineAddress != "localhost:3" {
		t.Fatalf("engine address %q", cl.engineAddress)
	}
}

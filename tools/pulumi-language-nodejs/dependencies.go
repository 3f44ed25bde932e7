package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// packageManifest is the part of package.json the host reads.
type packageManifest struct {
	Version         string            `json:"version"`
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
}

// GetProgramDependencies lists the dependencies and devDependencies of the program's
// package.json (the nearest one from the program folder up to the project root), each at the
// version installed in node_modules, or at its declared range when not installed.
func (h *nodeHost) GetProgramDependencies(_ context.Context, req *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := firstNonEmpty(req.GetInfo().GetProgramDirectory(), req.GetPwd())
	manifestDir, ok := findUp(dir, req.GetInfo().GetRootDirectory(), "package.json")
	if !ok {
		return &pulumirpc.GetProgramDependenciesResponse{}, nil
	}
	manifest, err := readManifest(filepath.Join(manifestDir, "package.json"))
	if err != nil {
		return nil, err
	}
	declared := map[string]string{}
	for name, wanted := range manifest.DevDependencies {
		declared[name] = wanted
	}
	for name, wanted := range manifest.Dependencies {
		declared[name] = wanted
	}
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)
	deps := make([]*pulumirpc.DependencyInfo, 0, len(names))
	for _, name := range names {
		version := declared[name]
		if installed, ok := installedVersion(manifestDir, name); ok {
			version = installed
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: version})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func readManifest(path string) (packageManifest, error) {
	var m packageManifest
	text, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(text, &m); err != nil {
		return m, fmt.Errorf("%s is not valid JSON: %w", path, err)
	}
	return m, nil
}

// installedVersion finds node_modules/<name>/package.json as node would, from dir upwards.
func installedVersion(dir, name string) (string, bool) {
	at, ok := findUp(dir, "", filepath.Join("node_modules", name, "package.json"))
	if !ok {
		return "", false
	}
	m, err := readManifest(filepath.Join(at, "node_modules", name, "package.json"))
	if err != nil || m.Version == "" {
		return "", false
	}
	return m.Version, true
}

// findUp returns the first folder from dir upwards that holds rel, stopping after stop (when
// stop is given and is an ancestor of dir) or at the file system's root.
func findUp(dir, stop, rel string) (string, bool) {
	if dir == "" {
		return "", false
	}
	dir, _ = filepath.Abs(dir)
	if stop != "" {
		stop, _ = filepath.Abs(stop)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			return dir, true
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", false
		}
		parent := filepath.Dir(dir)
		if dir == stop || parent == dir {
			return "", false
		}
		dir = parent
	}
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

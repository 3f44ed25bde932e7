// Command sdkgen writes the Go and Python SDKs of a Pulumi package from its schema, with Pulumi's
// own code generators (pkg/codegen/go and pkg/codegen/python of github.com/pulumi/pulumi/pkg/v3).
//
// Why a tool of our own: in CLI v3.276 `pulumi package gen-sdk` hands code generation to the
// language plugin of each language, and the hosts this project has (Node.js, YAML) do not generate
// Go or Python. The generators are plain Go packages, so this tool calls them directly.
//
//	sdkgen -schema schema/schema.json -out sdk
//
// writes, in pulumi-command's layout (one Go module for the sdk folder, tagged sdk/v<version>):
//
//	sdk/go.mod               the Go module github.com/pulumi-cloudreads/pulumi-cloudreads/sdk (see
//	                         goMod), requiring github.com/pulumi/pulumi/sdk/v3 at sdkVersion
//	sdk/go/cloudreads/...    the Go SDK, the package at the schema's language.go.importBasePath
//	sdk/python/...           the Python SDK (pyproject.toml, pulumi_cloudreads/...)
//
// and leaves everything else in the folder alone (sdk/nodejs is the hand-written dynamic form).
// sdk/go and sdk/python are emptied first, so a removed read leaves no stale file behind.
// The schema's "language" block chooses names and paths; defaultLanguage fills in each setting it
// leaves out. Exit status 1 and a message on stderr on any error.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// sdkVersion is the github.com/pulumi/pulumi/sdk/v3 version the Go SDK requires: the one this
// project builds its CLI from (tools/pulumi-cli/v3.276.0) and tests with.
const sdkVersion = "v3.276.0"

// goModulePath is the Go module of the SDK folder (sdk/go.mod): a Go user runs
// `go get github.com/pulumi-cloudreads/pulumi-cloudreads/sdk@v0.1.0`, which Go resolves to the tag
// sdk/v0.1.0 (a module in a subfolder is tagged with the folder as prefix).
const goModulePath = "github.com/pulumi-cloudreads/pulumi-cloudreads/sdk"

// tool names this generator in the "do not edit" header of every generated file.
const tool = "cloudreads-sdkgen"

// pythonPulumiRange is the `pulumi` requirement of the Python SDK's pyproject.toml: from the
// version the SDK is tested with (tools/python/requirements.txt pins it; the generator's own floor
// is 3.269.0, untested here) to the next major.
const pythonPulumiRange = ">=3.272.0,<4.0.0"

// pythonReadme is the Python SDK's README.md: the package page on PyPI and the readme that
// pyproject.toml names (the generator writes it into the package folder; run copies it beside
// pyproject.toml, where the build front end looks for it).
const pythonReadme = `# pulumi_cloudreads

The Python SDK of the Pulumi provider cloudreads: read Huawei Cloud (SMS, ROMA Connect, KPS) and
NetApp Astra Control values into Pulumi stacks, with secret-marked results.

    pip install pulumi_cloudreads

The engine installs the provider plugin pulumi-resource-cloudreads on first use. A function whose
result holds a secret keeps it secret only in its ` + "`_output`" + ` form
(` + "`get_task_passphrase_output`" + `): see the Python guide,
https://github.com/pulumi-cloudreads/pulumi-cloudreads/blob/main/docs/python.md
`

// defaultLanguage holds the settings used where the schema's language block has none:
//   - the Go import path is where `npm run sdks` puts the SDK in this repository
//     (sdk/go/cloudreads, in the module of sdk/go.mod: goModulePath);
//   - Python's distribution name follows Pulumi's convention (pulumi_<name>), packaged with a
//     pyproject.toml;
//   - respectSchemaVersion: both SDKs carry the schema's version (the plugin's), so a program asks
//     the engine for that plugin version rather than for whichever is installed.
func defaultLanguage(pkgName string) map[string]map[string]any {
	return map[string]map[string]any{
		"go": {
			"importBasePath":       goModulePath + "/go/" + pkgName,
			"respectSchemaVersion": true,
		},
		"python": {
			"packageName":          "pulumi_" + pkgName,
			"pyproject":            map[string]any{"enabled": true},
			"respectSchemaVersion": true,
			"requires":             map[string]any{"pulumi": pythonPulumiRange},
			"readme":               pythonReadme,
		},
	}
}

func main() {
	schemaPath := flag.String("schema", "schema/schema.json", "the package schema (JSON)")
	out := flag.String("out", "sdk", "the folder that receives go.mod, go/ and python/")
	flag.Parse()
	if err := run(*schemaPath, *out); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string) error {
	spec, err := readSpec(schemaPath)
	if err != nil {
		return err
	}

	// Go: bind and generate. Each generator imports its own language block into the package, so
	// each gets a freshly bound package.
	pkg, err := bind(spec)
	if err != nil {
		return err
	}
	goFiles, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return fmt.Errorf("generating the Go SDK: %w", err)
	}
	importPath, err := goImportPath(pkg)
	if err != nil {
		return err
	}
	// The generator names files from the package root (cloudreads/provider.go, ...), which is
	// go/<root> of the module: the import path must say so, or `go get` finds no package there.
	root := strings.SplitN(firstGoFile(goFiles), "/", 2)[0]
	if want := goModulePath + "/go/" + root; importPath != want {
		return fmt.Errorf("the schema's language.go.importBasePath is %q; the module %s holds the package at %q", importPath, goModulePath, want)
	}
	if err := pinPkgVersion(goFiles, root, pkg); err != nil {
		return err
	}
	if err := writeTree(filepath.Join(out, "go"), goFiles); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "go.mod"), goMod(goModulePath), 0o644); err != nil {
		return err
	}

	// Python. The loader is asked only for the packages this one depends on, and ours has none.
	pkg, err = bind(spec)
	if err != nil {
		return err
	}
	pyFiles, err := pygen.GeneratePackage(tool, pkg, nil, nil)
	if err != nil {
		return fmt.Errorf("generating the Python SDK: %w", err)
	}
	// pyproject.toml names README.md beside itself; the generator writes it only into the package.
	if err := spdxLicense(pyFiles); err != nil {
		return err
	}
	for name, content := range pyFiles {
		if dir, file := path.Split(name); file == "README.md" && strings.Count(dir, "/") == 1 {
			pyFiles["README.md"] = content
		}
	}
	if pyFiles["README.md"] == nil {
		return fmt.Errorf("the Python generator wrote no README.md in the package folder")
	}
	if err := writeTree(filepath.Join(out, "python"), pyFiles); err != nil {
		return err
	}

	fmt.Printf("sdkgen: %d Go files in %s, %d Python files in %s\n",
		len(goFiles), filepath.Join(out, "go"), len(pyFiles), filepath.Join(out, "python"))
	return nil
}

// spdxLicense rewrites the generator's `[project.license] text = "..."` table in pyproject.toml
// as the SPDX string `license = "..."` (PEP 639), and requires setuptools 77 or later, which reads
// it: setuptools 84 warns about the table and stops building it after 2027-02-18.
func spdxLicense(files map[string][]byte) error {
	text := string(files["pyproject.toml"])
	table := regexp.MustCompile(`\n  \[project\.license\]\n    text = ("[^"\n]*")\n`)
	if !table.MatchString(text) || !strings.Contains(text, `"setuptools>=61.0"`) {
		return fmt.Errorf("pyproject.toml: no [project.license] table or setuptools>=61.0 requirement to rewrite; the generator changed")
	}
	text = table.ReplaceAllString(text, "\n  license = $1\n")
	files["pyproject.toml"] = []byte(strings.Replace(text, `"setuptools>=61.0"`, `"setuptools>=77.0"`, 1))
	return nil
}

// readSpec reads the schema and adds the default of each language setting it lacks.
func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	raw, err := os.ReadFile(path)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", path, err)
	}
	if spec.Language == nil {
		spec.Language = map[string]schema.RawMessage{}
	}
	for lang, defaults := range defaultLanguage(spec.Name) {
		info := map[string]any{}
		if raw, ok := spec.Language[lang]; ok {
			if err := json.Unmarshal(raw, &info); err != nil {
				return spec, fmt.Errorf("%s: language.%s: %w", path, lang, err)
			}
		}
		for key, value := range defaults {
			if _, ok := info[key]; !ok {
				info[key] = value
			}
		}
		b, err := json.Marshal(info)
		if err != nil {
			return spec, err
		}
		spec.Language[lang] = b
	}
	return spec, nil
}

// bind validates the schema as the CLI does (BindSpec checks it against Pulumi's metaschema) and
// returns the bound package. The null loader fails if asked for another package: ours refers to none.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("the schema has errors: %s", diags.Error())
	}
	return pkg, nil
}

// goImportPath returns the Go SDK's root import path, as the generator used it. The generator
// writes its own go.mod only for "supportPack" packages, and then requires an older sdk/v3; we
// write go.mod ourselves (goMod), with the root import path as the module path.
func goImportPath(pkg *schema.Package) (string, error) {
	if err := pkg.ImportLanguages(map[string]schema.Language{"go": gogen.Importer}); err != nil {
		return "", err
	}
	info, _ := pkg.Language["go"].(gogen.GoPackageInfo)
	if info.ImportBasePath == "" {
		return "", fmt.Errorf("the schema's language.go has no importBasePath")
	}
	return info.ImportBasePath, nil
}

// pinPkgVersion sets the SdkVersion of the Go SDK's internal package to the schema's version. The
// generator leaves it empty, and then internal.PkgVersion() takes the major version from the
// import path (`.../sdk` with no /vN: 1.0.0), which the package registers its resource modules and
// provider with; with it set, that is the schema's version, as the resource options already are
// (respectSchemaVersion).
func pinPkgVersion(files map[string][]byte, root string, pkg *schema.Package) error {
	if pkg.Version == nil {
		return fmt.Errorf("the schema has no version")
	}
	name := root + "/internal/pulumiVersion.go"
	const empty = "var SdkVersion semver.Version = semver.Version{}"
	text := string(files[name])
	if !strings.Contains(text, empty) {
		return fmt.Errorf("%s: no %q to set (the generator changed)", name, empty)
	}
	files[name] = []byte(strings.Replace(text, empty, fmt.Sprintf("var SdkVersion semver.Version = semver.MustParse(%q)", pkg.Version.String()), 1))
	return nil
}

// goMod is the SDK folder's go.mod: the module goModulePath, requiring the Pulumi Go SDK.
// `go mod tidy` in that folder (npm run sdks runs it) adds the indirect requirements and go.sum.
func goMod(modulePath string) []byte {
	return []byte(fmt.Sprintf("module %s\n\ngo 1.26.6\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n",
		modulePath, sdkVersion))
}

// firstGoFile returns one generated .go file's path, to learn the root folder from.
func firstGoFile(files map[string][]byte) string {
	for name := range files {
		if strings.HasSuffix(name, ".go") {
			return name
		}
	}
	return ""
}

// writeTree empties dir and writes every file of files under it.
func writeTree(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

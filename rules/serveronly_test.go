package rules

import "testing"

func TestServerOnly(t *testing.T) {
	if _, err := loadServerOnly(); err != nil {
		t.Fatal(err)
	}
	d := ServerOnly()
	for _, s := range []string{"server-only", "next/headers"} {
		if _, ok := d.ServerOnlyImport(s); !ok {
			t.Errorf("ServerOnlyImport(%s) = false", s)
		}
	}
	for _, s := range []string{"client-only", "next/server", "server-only-x"} {
		if _, ok := d.ServerOnlyImport(s); ok {
			t.Errorf("ServerOnlyImport(%s) = true", s)
		}
	}
	if !d.SharedEnvPackage("@t3-oss/env-nextjs") || !d.SharedEnvPackage("@t3-oss/env-core/presets") || d.SharedEnvPackage("@t3-oss/env-nextjsx") {
		t.Error("SharedEnvPackage: want the t3-env packages and their subpaths only")
	}
}

package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// keysUsed finds every key passed to lang.L and lang.X in the package's sources: a literal, a
// named string (howPIN), or an element of a package-level list the call ranges over or indexes
// (periodKinds, auditEntities[i].label). A key it cannot trace back to text fails the test, so
// that no key escapes the check.
func keysUsed(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, af)
	}
	str := func(e ast.Expr) (string, bool) {
		if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
			s, err := strconv.Unquote(b.Value)
			return s, err == nil
		}
		return "", false
	}
	// Strings given by name (constants, and variables set to a literal) and composite literals.
	consts, lists := map[string]string{}, map[string]*ast.CompositeLit{}
	for _, af := range parsed {
		ast.Inspect(af, func(n ast.Node) bool {
			gd, ok := n.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST && gd.Tok != token.VAR {
				return true
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					if s, ok := str(vs.Values[i]); ok {
						consts[name.Name] = s
					}
					if cl, ok := vs.Values[i].(*ast.CompositeLit); ok && gd.Tok == token.VAR {
						lists[name.Name] = cl
					}
				}
			}
			return true
		})
	}
	// listKeys are the strings of list's elements: the elements themselves, or their field.
	listKeys := func(list *ast.CompositeLit, field string) ([]string, bool) {
		at := -1
		if field != "" {
			arr, ok := list.Type.(*ast.ArrayType)
			if !ok {
				return nil, false
			}
			st, ok := arr.Elt.(*ast.StructType)
			if !ok {
				return nil, false
			}
			i := 0
			for _, f := range st.Fields.List {
				for _, n := range f.Names {
					if n.Name == field {
						at = i
					}
					i++
				}
			}
			if at < 0 {
				return nil, false
			}
		}
		var out []string
		for _, el := range list.Elts {
			if at >= 0 {
				cl, ok := el.(*ast.CompositeLit)
				if !ok || at >= len(cl.Elts) {
					return nil, false
				}
				el = cl.Elts[at]
			}
			s, ok := str(el)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, len(out) > 0
	}
	keys := map[string]string{}
	for _, af := range parsed {
		name := fset.File(af.Pos()).Name()
		ranges := map[string]string{} // range variable → the package-level list it ranges over
		ast.Inspect(af, func(n ast.Node) bool {
			if rs, ok := n.(*ast.RangeStmt); ok {
				if v, ok := rs.Value.(*ast.Ident); ok {
					if x, ok := rs.X.(*ast.Ident); ok {
						ranges[v.Name] = x.Name
					}
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || sel.Sel.Name != "L" && sel.Sel.Name != "X" {
				return true
			}
			arg := call.Args[0]
			if s, ok := str(arg); ok {
				keys[s] = name
				return true
			}
			var list, field string
			switch a := arg.(type) {
			case *ast.Ident:
				if s, ok := consts[a.Name]; ok {
					keys[s] = name
					return true
				}
				list = ranges[a.Name]
			case *ast.SelectorExpr: // e.label over a ranged list, or list[i].label
				field = a.Sel.Name
				switch x := a.X.(type) {
				case *ast.Ident:
					list = ranges[x.Name]
				case *ast.IndexExpr:
					if id, ok := x.X.(*ast.Ident); ok {
						list = id.Name
					}
				}
			}
			found, ok := []string(nil), false
			if cl := lists[list]; cl != nil {
				found, ok = listKeys(cl, field)
			}
			if !ok {
				t.Errorf("%s: cannot tell which key %s passes to lang.%s", fset.Position(call.Pos()), types.ExprString(arg), sel.Sel.Name)
			}
			for _, s := range found {
				keys[s] = name
			}
			return true
		})
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys; the scan is broken", len(keys))
	}
	return keys
}

func translationFile(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if !norm.NFC.IsNormal(data) {
		t.Errorf("%s is not NFC", name)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func TestEveryKeyIsTranslated(t *testing.T) {
	vi, en := translationFile(t, "vi.json"), translationFile(t, "en.json")
	for k, f := range keysUsed(t) {
		if !norm.NFC.IsNormalString(k) {
			t.Errorf("%s: key %q is not NFC", f, k)
		}
		if _, ok := vi[k]; !ok {
			t.Errorf("%s: %q missing from vi.json", f, k)
		}
		if _, ok := en[k]; !ok {
			t.Errorf("%s: %q missing from en.json", f, k)
		}
	}
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in vi.json but not in en.json", k)
		}
	}
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("%q is in en.json but not in vi.json", k)
		}
	}
}

func TestLanguageIgnoresSystemLocale(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	t.Cleanup(func() { _ = loadTranslations("vi") })

	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	// Fyne's own labels are Vietnamese too, on a German system.
	if got := lang.L("Cancel"); got != "Hủy" {
		t.Errorf("Cancel = %q on a German system, want Hủy", got)
	}
	if got := lang.X("weekday.4", "?"); got != "Thứ Năm" {
		t.Errorf("weekday.4 = %q, want Thứ Năm", got)
	}

	t.Setenv("LC_ALL", "vi_VN.UTF-8")
	if err := loadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Tiếp nhận"); got != "Intake" {
		t.Errorf("Tiếp nhận = %q in English on a Vietnamese system, want Intake", got)
	}
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Tiếp nhận"); got != "Tiếp nhận" {
		t.Errorf("back in Vietnamese, Tiếp nhận = %q", got)
	}
}

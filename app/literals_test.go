package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// shows are the calls whose string arguments the user reads: widget constructors, setters and
// dialogs, and this package's own helpers that put text on screen.
var shows = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewHyperlink": true, "NewRichTextWithText": true, "NewRichTextFromMarkdown": true,
	"NewCard": true, "NewTabItem": true, "NewTabItemWithIcon": true, "NewFormItem": true,
	"NewSelect": true, "NewSelectEntry": true, "NewRadioGroup": true, "NewCheckGroup": true,
	"NewCustom": true, "NewCustomConfirm": true, "NewCustomWithoutButtons": true, "NewConfirm": true,
	"NewInformation": true, "ShowInformation": true, "ShowConfirm": true, "NewError": true,
	"NewWindow": true, "NewText": true, "NewProgressBarWithData": true, "NewAccordionItem": true,
	"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetSubTitle": true, "SetOptions": true,
	"SetConfirmText": true, "SetDismissText": true, "Append": true, "Prepend": true,
	"inform": true, "newField": true, "placeholder": true, "say": true, "showErr": true, "heading": true,
}

// notText are literals that reach the screen but are not words to translate: input patterns and
// example values shown as place-holders.
var notText = map[string]bool{
	"09xxxxxxxx": true, // phone pattern
	"quantri":    true, // an example login: logins are ASCII in every language
}

// untranslated lists the string literals with letters passed to a call in shows, outside lang.L
// and lang.X, in a Go source.
func untranslated(t *testing.T, file string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !shows[callName(call)] {
			return true
		}
		for _, arg := range call.Args {
			ast.Inspect(arg, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false // a callback's own calls are checked on their own
				}
				if c, ok := n.(*ast.CallExpr); ok {
					if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
						if x, ok := sel.X.(*ast.Ident); ok && x.Name == "lang" {
							return false // translated
						}
					}
				}
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || notText[s] || strings.IndexFunc(s, unicode.IsLetter) < 0 {
					return true
				}
				found = append(found, fset.Position(lit.Pos()).String()+": "+strconv.Quote(s)+" in "+callName(call))
				return true
			})
		}
		return true
	})
	return found
}

func callName(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// TestNoUntranslatedText fails on a word shown to the user that does not go through lang.
func TestNoUntranslatedText(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		checked++
		for _, s := range untranslated(t, f) {
			t.Errorf("not translated (wrap it in lang.L): %s", s)
		}
	}
	if checked < 10 {
		t.Fatalf("checked only %d files; the scan is broken", checked)
	}
}

// TestUntranslatedTextIsFound keeps the scan honest: it must see a bare literal in a label,
// a setter and a concatenation, and let translated and non-text ones pass.
func TestUntranslatedTextIsFound(t *testing.T) {
	src := filepath.Join(t.TempDir(), "screen.go")
	code := `package app
func f() {
	widget.NewLabel("Họ và tên")
	l.SetText("Mã: " + code)
	widget.NewButton(lang.L("Lưu"), nil)
	e.SetPlaceHolder("09xxxxxxxx")
	l.SetText("07:30")
	widget.NewSelect([]string{"A5", lang.L("Khác")}, nil)
	widget.NewButton(lang.L("Xuất"), func() { export(".pdf") })
}`
	if err := writeFile(src, code); err != nil {
		t.Fatal(err)
	}
	got := untranslated(t, src)
	want := []string{`"Họ và tên" in NewLabel`, `"Mã: " in SetText`, `"A5" in NewSelect`}
	if len(got) != len(want) {
		t.Fatalf("found %q, want %d findings", got, len(want))
	}
	for i, w := range want {
		if !strings.HasSuffix(got[i], w) {
			t.Errorf("finding %d = %q, want …%s", i, got[i], w)
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
